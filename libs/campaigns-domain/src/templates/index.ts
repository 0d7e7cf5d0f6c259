import type { CampaignTemplate } from '@zhiben/contracts';
import { BIG_INSPECTION_2022 } from './big-inspection-2022.template';
import { MAJOR_HAZARD_2023 } from './major-hazard-2023.template';
import { ROOT_CAUSE_3Y, ROOT_CAUSE_3Y_CITY_MANAGEMENT } from './root-cause-3y.template';

export { MAJOR_HAZARD_2023 } from './major-hazard-2023.template';
export { BIG_INSPECTION_2022 } from './big-inspection-2022.template';
export {
  BIG_INSPECTION_2022_KEY_TASKS,
  BIG_INSPECTION_2022_MEASURES,
  BIG_INSPECTION_2022_TASK_MATRIX_ID,
  BIG_INSPECTION_2022_WORK_POINTS,
  bigInspection2022TaskMatrix,
} from './big-inspection-2022.task-matrix';
export { ROOT_CAUSE_3Y, ROOT_CAUSE_3Y_CITY_MANAGEMENT } from './root-cause-3y.template';
export {
  METEOROLOGY_KEY_TASKS,
  OTHER_MEMBER_UNITS_KEY_TASKS,
  SOE_KEY_TASKS,
} from './root-cause-3y.task-lists';
export { responsibleGroups } from './template-helpers';

/** The campaign templates shipped with the product (the campaigns of the seeds), each at version 1. */
export const CAMPAIGN_TEMPLATES: readonly CampaignTemplate[] = [
  MAJOR_HAZARD_2023,
  BIG_INSPECTION_2022,
  ROOT_CAUSE_3Y,
  ROOT_CAUSE_3Y_CITY_MANAGEMENT,
];

/** A shipped template by id (and version; the latest when omitted). */
export function templateById(id: string, version?: number): CampaignTemplate | undefined {
  const matches = CAMPAIGN_TEMPLATES.filter(
    (t) => t.id === id && (version === undefined || t.version === version),
  );
  return matches.sort((a, b) => b.version - a.version)[0];
}
