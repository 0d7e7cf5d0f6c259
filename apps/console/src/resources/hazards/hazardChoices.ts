import type { ChipProps } from '@mui/material';
import { HAZARD_GRADES, HAZARD_SOURCES, HAZARD_STATUSES, LISTING_STATUSES } from './types';
import type { HazardStatus, ListingStatus } from './types';

const choices = (codes: readonly string[], prefix: string) =>
  codes.map((code) => ({ id: code, name: `${prefix}.${code}` }));

export const hazardGradeChoices = choices(HAZARD_GRADES, 'zhiben.hazards.grades');
export const hazardStatusChoices = choices(HAZARD_STATUSES, 'zhiben.hazards.statuses');
export const hazardSourceChoices = choices(HAZARD_SOURCES, 'zhiben.hazards.sources');
/** Live statuses in their order, then the two that end a listing without delisting it. */
const LISTING_STATUS_ORDER: readonly ListingStatus[] = [
  ...LISTING_STATUSES.filter((status) => status !== 'rejected' && status !== 'withdrawn'),
  'rejected',
  'withdrawn',
];
export const listingStatusChoices = choices(LISTING_STATUS_ORDER, 'zhiben.listings.statuses');

export const HAZARD_STATUS_COLORS: Record<HazardStatus, ChipProps['color']> = {
  registered: 'default',
  planning: 'info',
  plan_review: 'info',
  rectifying: 'primary',
  overdue: 'error',
  acceptance_review: 'secondary',
  closeout_review: 'secondary',
  closed: 'success',
  listed: 'error',
};

export const LISTING_STATUS_COLORS: Record<ListingStatus, ChipProps['color']> = {
  proposed: 'info',
  listed: 'error',
  in_progress: 'warning',
  overdue: 'error',
  rectification_claimed: 'primary',
  verification: 'secondary',
  delisting_review: 'secondary',
  delisted: 'success',
  rejected: 'default',
  withdrawn: 'default',
};

/** Statuses in which the enterprise is rectifying (and may report progress, apply or ask for time). */
export const RECTIFYING_STATUSES: readonly HazardStatus[] = ['rectifying', 'overdue', 'listed'];
