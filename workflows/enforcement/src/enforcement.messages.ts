import { defineQuery, defineUpdate } from '@temporalio/workflow';
import {
  APPLY_REINSPECTION_UPDATE,
  ENFORCEMENT_CASE_STATE_QUERY,
  REFERRAL_STATE_QUERY,
  SUBMIT_REFERRAL_UPDATE,
  type ApplyReinspectionInput,
  type ApplyReinspectionResult,
  type EnforcementCaseStateView,
  type ReferralStateView,
  type SubmitReferralInput,
  type SubmitReferralResult,
} from '@zhiben/contracts/workflow';

/**
 * Messages of the enforcement workflows. Names and payload types are the contract in
 * `@zhiben/contracts` (enforcement.ts), which enforcement-service uses to call the workflows; this file
 * binds them to handles. The names appear in recorded histories: never rename them.
 */
export {
  APPLY_REINSPECTION_UPDATE,
  ENFORCEMENT_CASE_STATE_QUERY,
  ENFORCEMENT_UPDATE_REJECTIONS,
  REFERRAL_STATE_QUERY,
  SUBMIT_REFERRAL_UPDATE,
} from '@zhiben/contracts/workflow';

/** 申请复查: the enterprise applies for 整改复查 before the rectification deadline. */
export const applyReinspectionUpdate = defineUpdate<ApplyReinspectionResult, [ApplyReinspectionInput]>(
  APPLY_REINSPECTION_UPDATE,
);
/** 提交移送材料: the officers' team submits the referral package (completes preparePackage). */
export const submitReferralUpdate = defineUpdate<SubmitReferralResult, [SubmitReferralInput]>(
  SUBMIT_REFERRAL_UPDATE,
);
export const enforcementCaseStateQuery = defineQuery<EnforcementCaseStateView>(ENFORCEMENT_CASE_STATE_QUERY);
export const referralStateQuery = defineQuery<ReferralStateView>(REFERRAL_STATE_QUERY);
