import { HAZARD_STATUSES } from '@zhiben/contracts/workflow';
import type { ListingRef, RectificationStage } from './hazard.messages';
import {
  HISTORY_LIMIT,
  initialState,
  ledgerStatus,
  listingInForce,
  listingOpen,
  nextEventKey,
  nextTaskKey,
  pushHistory,
  statusOf,
  validateExtensionRequest,
  validateListingProposal,
  type RectificationState,
} from './rectification-state';

const DEADLINE = Date.parse('2026-12-25T15:59:59.999Z');
const requester = { username: 'enterprise.jiasi', name: '李四' };

function rectifying(overrides: Partial<RectificationState> = {}): RectificationState {
  return {
    ...initialState('major'),
    stage: 'rectifying',
    deadline: { atMs: DEADLINE, fireMs: DEADLINE },
    ...overrides,
  };
}

const listing = (status: ListingRef['status']): ListingRef => ({
  listingId: 'L1',
  workflowId: 'listing-L1',
  status,
});

describe('ledger status (P-02 states → HazardStatus)', () => {
  it.each<[RectificationStage, boolean, boolean, string]>([
    ['planning', false, false, 'planning'],
    ['plan_review', false, false, 'plan_review'],
    ['rectifying', false, false, 'rectifying'],
    ['rectifying', true, false, 'overdue'],
    ['rectifying', true, true, 'listed'],
    ['acceptance_review', true, true, 'acceptance_review'],
    ['awaiting_delisting', false, true, 'listed'],
    ['closeout_review', false, false, 'closeout_review'],
    ['closed', false, false, 'closed'],
    ['general_fixing', false, false, 'rectifying'],
    ['general_rectifying', true, false, 'overdue'],
    ['general_verifying', false, false, 'acceptance_review'],
  ])('%s (overdue=%s, listed=%s) → %s', (stage, overdue, listed, status) => {
    expect(ledgerStatus(stage, overdue, listed)).toBe(status);
    expect(HAZARD_STATUSES).toContain(status);
  });

  it('shows 挂牌督办 only while a listing is in force, not while merely proposed or after delisting', () => {
    expect(statusOf(rectifying({ overdue: true, listing: listing('proposed') }))).toBe('overdue');
    expect(statusOf(rectifying({ overdue: true, listing: listing('listed') }))).toBe('listed');
    expect(statusOf(rectifying({ overdue: true, listing: listing('verification') }))).toBe('listed');
    expect(statusOf(rectifying({ overdue: true, listing: listing('delisted') }))).toBe('overdue');
  });

  it('keeps close-out waiting while a listing is proposed or in force', () => {
    expect(listingOpen(null)).toBe(false);
    expect(listingOpen(listing('proposed'))).toBe(true);
    expect(listingOpen(listing('overdue'))).toBe(true);
    expect(listingOpen(listing('rejected'))).toBe(false);
    expect(listingOpen(listing('delisted'))).toBe(false);
    expect(listingInForce(listing('proposed'))).toBe(false);
    expect(listingInForce(listing('delisting_review'))).toBe(true);
  });

  it('starts major hazards at the plan and general hazards at the fix', () => {
    expect(initialState('major').stage).toBe('planning');
    expect(initialState('general').stage).toBe('general_fixing');
  });
});

describe('keys', () => {
  it('gives each visit of a step its own task key and every event a deterministic key', () => {
    const s = initialState('major');
    expect(nextTaskKey(s, 'submitPlan')).toBe('submitPlan#1');
    expect(nextTaskKey(s, 'reviewPlan')).toBe('reviewPlan#1');
    expect(nextTaskKey(s, 'submitPlan')).toBe('submitPlan#2');
    expect(nextEventKey(s, 'hazard-H1', 'plan.submitted')).toBe('hazard-H1:plan.submitted:1');
    expect(nextEventKey(s, 'hazard-H1', 'status.planning')).toBe('hazard-H1:status.planning:2');
  });

  it('keeps the latest history entries only', () => {
    const history: { at: string; type: string; summaryZh: string; summaryEn: string }[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i++)
      pushHistory(history, { at: '', type: `e${i}`, summaryZh: '', summaryEn: '' });
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0].type).toBe('e5');
  });
});

describe('延期申请 validator', () => {
  const ask = (input: object, state = rectifying()) =>
    validateExtensionRequest(state, {
      newDeadlineAt: '2027-01-10T15:59:59.999Z',
      reason: '设备到货延迟',
      requestedBy: requester,
      ...input,
    })?.type ?? null;

  it('accepts a later deadline with a reason', () => {
    expect(ask({})).toBeNull();
  });

  it('rejects a deadline not after the current one', () => {
    expect(ask({ newDeadlineAt: '2026-12-25T15:59:59.999Z' })).toBe('DeadlineNotLater');
    expect(ask({ newDeadlineAt: '2026-12-20T00:00:00.000Z' })).toBe('DeadlineNotLater');
  });

  it('rejects an unreadable deadline, an empty reason and a missing requester', () => {
    expect(ask({ newDeadlineAt: '下周' })).toBe('InvalidDeadline');
    expect(ask({ reason: '   ' })).toBe('ReasonRequired');
    expect(ask({ requestedBy: { username: '', name: '' } })).toBe('RequesterRequired');
  });

  it('rejects a second request while one is pending', () => {
    const pending = rectifying({
      pendingExtension: {
        newDeadlineAt: '2027-01-05T15:59:59.999Z',
        reason: 'x',
        requestedBy: requester,
        taskKey: 'approveExtension#1',
      },
    });
    expect(ask({}, pending)).toBe('ExtensionPending');
  });

  it('rejects outside rectification and after close-out', () => {
    expect(ask({}, initialState('major'))).toBe('NotRectifying');
    expect(ask({}, rectifying({ stage: 'acceptance_review' }))).toBe('NotRectifying');
    expect(ask({}, rectifying({ stage: 'closed' }))).toBe('HazardClosed');
  });
});

describe('提请挂牌督办 validator', () => {
  const propose = (state: RectificationState, grade: 'major' | 'general' = 'major', input: object = {}) =>
    validateListingProposal(state, grade, { reason: '逾期未整改', proposedBy: requester, ...input })?.type ??
    null;

  it('accepts a major hazard without an open listing, at any stage before close-out', () => {
    expect(propose(rectifying())).toBeNull();
    expect(propose(initialState('major'))).toBeNull();
    expect(propose(rectifying({ listing: listing('rejected') }))).toBeNull();
  });

  it('rejects general hazards, open or finished listings, closed hazards and empty reasons', () => {
    expect(propose(rectifying(), 'general')).toBe('NotMajorHazard');
    expect(propose(rectifying({ listing: listing('proposed') }))).toBe('ListingActive');
    expect(propose(rectifying({ listing: listing('delisted') }))).toBe('ListingActive');
    expect(propose(rectifying({ stage: 'closed' }))).toBe('HazardClosed');
    expect(propose(rectifying(), 'major', { reason: '' })).toBe('ReasonRequired');
    expect(propose(rectifying(), 'major', { proposedBy: null })).toBe('RequesterRequired');
  });
});
