import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import {
  HAZARD_STATE_QUERY,
  LISTING_STATE_QUERY,
  LISTING_STATUS_SIGNAL,
  PROPOSE_LISTING_UPDATE,
  REQUEST_EXTENSION_UPDATE,
  type HazardActor,
  type HazardStateView,
  type ListingStateView,
  type ListingStatusChange,
  type ListingWorkflowStatus,
  type ProposeListingPayload,
  type ProposeListingResult,
  type RequestExtensionPayload,
  type RequestExtensionResult,
} from '@zhiben/contracts/workflow';

/**
 * Messages of the hazard workflows, shared by the workflows and their callers. The names and payload
 * types are the contract in `@zhiben/contracts` (hazards.ts), which callers that do not bundle workflow
 * code (hazards-service) import; this file binds them to handles and keeps the workflow-side names.
 */
export {
  HAZARD_STATE_QUERY,
  HAZARD_UPDATE_REJECTIONS,
  LISTING_STATE_QUERY,
  LISTING_STATUS_SIGNAL,
  PROPOSE_LISTING_UPDATE,
  REQUEST_EXTENSION_UPDATE,
} from '@zhiben/contracts/workflow';
export type {
  HazardStateView,
  HazardUpdateRejection,
  HazardUpdateRejectionType,
  ListingOutcome,
  ListingRef,
  ListingStateView,
  ListingStatusChange,
  OpenTaskView,
  ProposeListingResult,
  RectificationStage,
  RequestExtensionResult,
  TimelineEntry,
} from '@zhiben/contracts/workflow';

export type Person = HazardActor;
/** 延期申请: the enterprise asks to move the rectification deadline. */
export type RequestExtensionInput = RequestExtensionPayload;
/** 提请挂牌督办: an official proposes listed supervision before the ladder gets there. */
export type ProposeListingInput = ProposeListingPayload;
/** Listing statuses (P-03), as `setListingStatus` records them. */
export type ListingStatus = ListingWorkflowStatus;

export const requestExtensionUpdate = defineUpdate<RequestExtensionResult, [RequestExtensionInput]>(
  REQUEST_EXTENSION_UPDATE,
);
export const proposeListingUpdate = defineUpdate<ProposeListingResult, [ProposeListingInput]>(
  PROPOSE_LISTING_UPDATE,
);
export const hazardStateQuery = defineQuery<HazardStateView>(HAZARD_STATE_QUERY);
export const listingStateQuery = defineQuery<ListingStateView>(LISTING_STATE_QUERY);
export const listingStatusSignal = defineSignal<[ListingStatusChange]>(LISTING_STATUS_SIGNAL);
