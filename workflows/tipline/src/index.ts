// Bundled by the workflow worker: export workflows, message definitions and types only (every exported
// function becomes a workflow type).
export * from './tip.messages';
export {
  tipVerification,
  type TipVerificationResult,
  type TipVerificationState,
} from './tip-verification.workflow';
