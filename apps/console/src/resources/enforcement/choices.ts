import type { ChipProps } from '@mui/material';
import {
  ENFORCEMENT_ACTION_KINDS,
  ENFORCEMENT_CASE_STAGES,
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  PENALTY_PARTY_KINDS,
  REFERRAL_STAGES,
  SUSPECTED_CRIMES,
  type EnforcementCaseStage,
  type InspectionStatus,
  type ReferralStage,
} from './types';

const choices = (codes: readonly string[], prefix: string) =>
  codes.map((code) => ({ id: code, name: `${prefix}.${code}` }));

export const inspectionKindChoices = choices(INSPECTION_KINDS, 'zhiben.enforcement.inspectionKinds');
export const inspectionStatusChoices = choices(INSPECTION_STATUSES, 'zhiben.enforcement.inspectionStatuses');
export const caseStageChoices = choices(ENFORCEMENT_CASE_STAGES, 'zhiben.enforcement.caseStages');
export const referralStageChoices = choices(REFERRAL_STAGES, 'zhiben.enforcement.referralStages');
export const crimeChoices = choices(SUSPECTED_CRIMES, 'zhiben.enforcement.crimes');
export const actionChoices = (kinds: readonly string[] = ENFORCEMENT_ACTION_KINDS) =>
  choices(kinds, 'zhiben.enforcement.actions');
export const partyKindChoices = choices(PENALTY_PARTY_KINDS, 'zhiben.enforcement.partyKinds');
export const checklistResultChoices = choices(
  ['compliant', 'violation', 'notApplicable'],
  'zhiben.enforcement.checklistResults',
);

export const INSPECTION_STATUS_COLORS: Record<InspectionStatus, ChipProps['color']> = {
  planned: 'info',
  recorded: 'primary',
  closed: 'success',
  caseOpened: 'warning',
};

export const caseStageColor = (stage: EnforcementCaseStage): ChipProps['color'] => {
  if (stage === 'closed') return 'success';
  if (stage === 'dismissed') return 'default';
  if (stage === 'escalated') return 'error';
  if (stage === 'serving' || stage === 'reinspecting') return 'warning';
  return 'primary';
};

export const referralStageColor = (stage: ReferralStage): ChipProps['color'] => {
  if (stage === 'closed') return 'success';
  if (stage === 'notApproved') return 'default';
  if (stage === 'reconsiderationChoice' || stage === 'reconsideration' || stage === 'procuratorate')
    return 'warning';
  return 'primary';
};
