import type { CampaignTemplate, CreateCampaignInput } from '@zhiben/contracts';

/**
 * A campaign draft from a template, for the admin to adjust: the template's dates, stages and report
 * schedules for the given jurisdiction and participants. The result goes through
 * `createCampaignSchemaFor(template)` like any request, so an edited draft is checked the same way.
 */
export function campaignDraftFromTemplate(
  template: CampaignTemplate,
  input: { jurisdiction: string; participants: readonly string[]; titleZh?: string },
): CreateCampaignInput {
  return {
    templateId: template.id,
    templateVersion: template.version,
    jurisdiction: input.jurisdiction,
    titleZh: input.titleZh ?? template.titleZh,
    titleEn: template.titleEn,
    period: clone(template.period),
    events: clone(template.events),
    stages: clone(template.stages),
    reportSchedules: clone(template.reportSchedules),
    participants: input.participants.map((orgUnitCode) => ({ orgUnitCode })),
  };
}

/** Plain-data deep copy (structuredClone is not available in every workflow sandbox). */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
