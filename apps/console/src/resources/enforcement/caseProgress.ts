import type { EnforcementCaseStage, ReferralStage } from './types';

/**
 * The penalty case's stepper: 立案 → 调查 → 审查 → 告知 → 决定 → 送达 → 执行 → 整改复查. Several workflow
 * stages fold into one step (a hearing belongs to 告知; an escalation after a failed re-inspection to
 * 整改复查).
 */
export const CASE_STEPS = [
  'filing',
  'investigating',
  'reviewing',
  'notifying',
  'deciding',
  'serving',
  'executing',
  'reinspecting',
] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

const STEP_OF_STAGE: Record<EnforcementCaseStage, CaseStep | 'closed' | 'dismissed'> = {
  filing: 'filing',
  investigating: 'investigating',
  reviewing: 'reviewing',
  notifying: 'notifying',
  hearing: 'notifying',
  deciding: 'deciding',
  serving: 'serving',
  executing: 'executing',
  reinspecting: 'reinspecting',
  escalated: 'reinspecting',
  closed: 'closed',
  dismissed: 'dismissed',
};

/** The active step's index; a closed case has done them all (CASE_STEPS.length); dismissed is -1. */
export const caseStepIndex = (stage: EnforcementCaseStage): number => {
  const step = STEP_OF_STAGE[stage];
  if (step === 'closed') return CASE_STEPS.length;
  if (step === 'dismissed') return -1;
  return CASE_STEPS.indexOf(step);
};

/** Referral stages that are still open, in the order the board shows them. */
export const OPEN_REFERRAL_STAGES: readonly ReferralStage[] = [
  'preparing',
  'headDecision',
  'transferring',
  'awaitingReceipt',
  'policeReview',
  'awaitingNotice',
  'reconsiderationChoice',
  'reconsideration',
  'procuratorate',
  'handover',
  'outcome',
];

export const isOpenReferralStage = (stage: ReferralStage): boolean => OPEN_REFERRAL_STAGES.includes(stage);

/** Actions an official may record on a case (P-08, B9); 解除停产整顿 only while a suspension stands. */
export const caseActionsFor = (
  actions: readonly { kind: string }[],
): (
  | 'rectificationOrder'
  | 'suspensionOrder'
  | 'suspensionLifted'
  | 'dailyFine'
  | 'summons'
  | 'circular'
  | 'exposure'
)[] => {
  const suspended =
    actions.filter((action) => action.kind === 'suspensionOrder').length >
    actions.filter((action) => action.kind === 'suspensionLifted').length;
  return [
    'rectificationOrder',
    suspended ? 'suspensionLifted' : 'suspensionOrder',
    'dailyFine',
    'summons',
    'circular',
    'exposure',
  ];
};
