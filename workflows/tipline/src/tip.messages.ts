import { defineQuery, defineUpdate } from '@temporalio/workflow';
import {
  APPROVE_TIP_REWARD_UPDATE,
  CLAIM_TIP_REWARD_UPDATE,
  DECIDE_TIP_ACCEPTANCE_UPDATE,
  DISPUTE_TIP_UPDATE,
  RECORD_TIP_FINE_UPDATE,
  RECORD_TIP_RECHECK_UPDATE,
  RECORD_TIP_VERIFICATION_UPDATE,
  REQUEST_TIP_EXTENSION_UPDATE,
  TIP_FEEDBACK_SENT_UPDATE,
  TIP_STATE_QUERY,
  type ApproveTipRewardInput,
  type ApproveTipRewardResult,
  type ClaimTipRewardInput,
  type ClaimTipRewardResult,
  type DecideTipAcceptanceInput,
  type DecideTipAcceptanceResult,
  type DisputeTipInput,
  type DisputeTipResult,
  type RecordTipFineInput,
  type RecordTipFineResult,
  type RecordTipRecheckInput,
  type RecordTipRecheckResult,
  type RecordTipVerificationInput,
  type RecordTipVerificationResult,
  type RequestTipExtensionInput,
  type RequestTipExtensionResult,
  type TipFeedbackSentInput,
  type TipFeedbackSentResult,
  type TipStateView,
} from '@zhiben/contracts/workflow';

/**
 * Messages of `tipVerification`. Names and payload types are the contract in `@zhiben/contracts`
 * (tipline.ts), which tipline-service uses to call the workflow; this file binds them to handles. The
 * names appear in recorded histories: never rename them.
 */
export {
  APPROVE_TIP_REWARD_UPDATE,
  CLAIM_TIP_REWARD_UPDATE,
  DECIDE_TIP_ACCEPTANCE_UPDATE,
  DISPUTE_TIP_UPDATE,
  RECORD_TIP_FINE_UPDATE,
  RECORD_TIP_RECHECK_UPDATE,
  RECORD_TIP_VERIFICATION_UPDATE,
  REQUEST_TIP_EXTENSION_UPDATE,
  TIP_FEEDBACK_SENT_UPDATE,
  TIP_STATE_QUERY,
  TIP_UPDATE_REJECTIONS,
} from '@zhiben/contracts/workflow';

export const decideTipAcceptanceUpdate = defineUpdate<DecideTipAcceptanceResult, [DecideTipAcceptanceInput]>(
  DECIDE_TIP_ACCEPTANCE_UPDATE,
);
export const recordTipVerificationUpdate = defineUpdate<
  RecordTipVerificationResult,
  [RecordTipVerificationInput]
>(RECORD_TIP_VERIFICATION_UPDATE);
export const requestTipExtensionUpdate = defineUpdate<RequestTipExtensionResult, [RequestTipExtensionInput]>(
  REQUEST_TIP_EXTENSION_UPDATE,
);
export const recordTipFineUpdate = defineUpdate<RecordTipFineResult, [RecordTipFineInput]>(
  RECORD_TIP_FINE_UPDATE,
);
export const tipFeedbackSentUpdate = defineUpdate<TipFeedbackSentResult, [TipFeedbackSentInput]>(
  TIP_FEEDBACK_SENT_UPDATE,
);
export const approveTipRewardUpdate = defineUpdate<ApproveTipRewardResult, [ApproveTipRewardInput]>(
  APPROVE_TIP_REWARD_UPDATE,
);
export const claimTipRewardUpdate = defineUpdate<ClaimTipRewardResult, [ClaimTipRewardInput]>(
  CLAIM_TIP_REWARD_UPDATE,
);
export const disputeTipUpdate = defineUpdate<DisputeTipResult, [DisputeTipInput]>(DISPUTE_TIP_UPDATE);
export const recordTipRecheckUpdate = defineUpdate<RecordTipRecheckResult, [RecordTipRecheckInput]>(
  RECORD_TIP_RECHECK_UPDATE,
);
export const tipStateQuery = defineQuery<TipStateView>(TIP_STATE_QUERY);
