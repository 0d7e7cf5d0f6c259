import type { DurationSpec } from '@zhiben/contracts/workflow';
import type { CaseMemory } from './case-context';
import type { ListingStatus } from './hazard.messages';
import type { Mark } from './schedule';

/**
 * Rectification period of a supervision notice when the listing authority's approval names no
 * deadline (`data.noticeDeadlineAt`). HazardRules has no such rule yet; 30 days is the common
 * provincial practice for 挂牌督办 notices. Kept in one place so the rule can replace it.
 */
export const DEFAULT_NOTICE_PERIOD: DurationSpec = { amount: 30, unit: 'naturalDays' };

export type ListingStage = 'approval' | 'supervising' | 'review' | 'delisting_approval' | 'done';

export interface ListingState extends CaseMemory {
  stage: ListingStage;
  status: ListingStatus;
  noticeDeadline: Mark | null;
  outcome: 'delisted' | 'rejected' | null;
}

export function initialListingState(): ListingState {
  return {
    stage: 'approval',
    status: 'proposed',
    noticeDeadline: null,
    outcome: null,
    seq: 0,
    visits: {},
    history: [],
    names: {},
    authorities: {},
  };
}
