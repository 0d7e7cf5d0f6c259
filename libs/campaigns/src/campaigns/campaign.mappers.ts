import type { CandidateRule } from '@zhiben/contracts';
import type { CampaignEntity, CampaignEventEntity } from '../entities';

export function toCampaignDto(c: CampaignEntity) {
  return {
    id: c.id,
    templateId: c.templateId,
    templateVersion: c.templateVersion,
    titleZh: c.titleZh,
    titleEn: c.plan.titleEn ?? null,
    status: c.status,
    currentStageKey: c.currentStageKey,
    jurisdiction: { code: c.jurisdictionCode, name: c.jurisdictionName },
    issuingUnitCode: c.issuingUnitCode,
    parentCampaignId: c.parentCampaignId,
    period: c.plan.period,
    events: c.plan.events,
    stages: c.plan.stages,
    reportSchedules: c.plan.reportSchedules,
    participants: c.plan.participants,
    taskAssignments: c.plan.taskAssignments,
    dutyAssignments: c.plan.dutyAssignments,
    workflowId: c.workflowId,
    submittedAt: c.submittedAt?.toISOString() ?? null,
    workflowStarted: c.workflowStartedAt !== null,
    createdBy: c.createdByName,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/**
 * The workflows write a report's unit into its timeline line by code (workflow code has no directory);
 * the line shown to people names the unit. Only the whole code is replaced, never a longer code it
 * prefixes (jiangjin.jiasi vs jiangjin.jiasi.v1).
 */
export function withUnitName(text: string, code: string, name: string | undefined): string {
  if (!name || !code) return text;
  const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`${escaped}(?!\\w|\\.\\w)`, 'g'), name);
}

export function toEventDto(e: CampaignEventEntity, unitName?: (code: string) => string | undefined) {
  const code = typeof e.data?.['unitCode'] === 'string' ? e.data['unitCode'] : '';
  const name = code && unitName ? unitName(code) : undefined;
  return {
    id: e.id,
    type: e.type,
    summaryZh: withUnitName(e.summaryZh, code, name),
    summaryEn: withUnitName(e.summaryEn, code, name),
    actor: e.actorUsername ? { username: e.actorUsername, name: e.actorName } : null,
    reportId: e.reportId,
    data: e.data,
    occurredAt: e.occurredAt.toISOString(),
  };
}

/** The leaders of the jurisdiction (区/镇政府) or of the issuing unit (安委办) approve the plan. */
export const approversOf = (
  c: Pick<CampaignEntity, 'jurisdictionCode' | 'issuingUnitCode'>,
): CandidateRule[] =>
  [...new Set([c.jurisdictionCode, c.issuingUnitCode])].map((orgUnitCode) => ({
    role: 'leader',
    orgUnitCode,
  }));

/** The issuing office receives 通报 escalations and 备案 filings. */
export const officeOf = (c: Pick<CampaignEntity, 'issuingUnitCode'>): CandidateRule[] => [
  { role: 'admin', orgUnitCode: c.issuingUnitCode },
  { role: 'ops', orgUnitCode: c.issuingUnitCode },
];
