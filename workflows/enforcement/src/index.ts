// Bundled by the workflow worker: export workflows, message definitions and types only (every exported
// function becomes a workflow type).
export * from './enforcement.messages';
export {
  enforcementCase,
  type EnforcementCaseResult,
  type EnforcementCaseState,
} from './enforcement-case.workflow';
export {
  criminalReferral,
  type CriminalReferralResult,
  type ReferralState,
} from './criminal-referral.workflow';
