import { describe, expect, it } from '@jest/globals';
import type { RewardDto } from '@zhiben/contracts';
import { tipClocks, tipNow, tipQueueSummary, verificationDueAt } from './tipClocks';
import type { Tip } from './types';

const DAY = 86_400_000;
const t0 = Date.parse('2026-09-01T01:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const handler = { username: 'tip.handler', name: '举报核查员' };

const base: Tip = {
  id: 't1',
  ref: 'JB-2026-000001',
  kind: 'hazard',
  status: 'received',
  channel: 'web',
  reporterId: 'R-7KQ2',
  anonymous: true,
  receivedAt: iso(t0),
  receivingUnit: { code: 'jiangjin.yingji', name: '区应急管理局' },
  town: null,
  enterprise: null,
  location: '工业园',
  description: '…',
  photos: [],
  acceptance: null,
  acceptanceDueAt: iso(t0 + 7 * DAY),
  verification: null,
  followUp: null,
  feedback: null,
  disputes: [],
  reward: null,
  closedAt: null,
  rulesVersion: 1,
  workflow: { id: 'tip-t1', started: true },
  version: 1,
};
const accepted: Tip = {
  ...base,
  status: 'verifying',
  acceptance: { decision: 'accept', at: iso(t0 + DAY), by: handler, reason: null, forwardedTo: null },
  verification: {
    dueAt: iso(t0 + 61 * DAY),
    extension: null,
    overdue: false,
    outcome: null,
    verifiedAt: null,
    summary: null,
    firstReporter: null,
    duplicateOfTipId: null,
  },
};
const states = (tip: Tip, now: number) =>
  Object.fromEntries(tipClocks(tip, now).map((entry) => [entry.kind, entry.clock.state]));

describe('tip clocks', () => {
  it('runs the acceptance clock from receipt, red once past due', () => {
    expect(states(base, t0 + DAY)).toEqual({ acceptance: 'running' });
    expect(states(base, t0 + 6 * DAY)).toEqual({ acceptance: 'dueSoon' });
    expect(states(base, t0 + 8 * DAY)).toEqual({ acceptance: 'breached' });
    expect(tipQueueSummary(base, t0 + 8 * DAY).overdue).toBe(true);
  });

  it('meets the acceptance and runs the 60-day verification from the acceptance', () => {
    const now = t0 + 30 * DAY;
    expect(states(accepted, now)).toEqual({ acceptance: 'met', verification: 'running' });
    const summary = tipQueueSummary(accepted, now);
    expect(summary.next?.kind).toBe('verification');
    expect(summary.next?.clock.remainingMs).toBe(31 * DAY);
    expect(states(accepted, t0 + 62 * DAY).verification).toBe('breached');
  });

  it('moves the verification due date by 30 days only once the extension is approved', () => {
    const pending: Tip = {
      ...accepted,
      verification: {
        ...accepted.verification!,
        extension: { status: 'pending', extendedDueAt: iso(t0 + 91 * DAY) },
      },
    };
    expect(verificationDueAt(pending)).toBe(iso(t0 + 61 * DAY));
    const approved: Tip = {
      ...pending,
      verification: {
        ...pending.verification!,
        extension: { status: 'approved', extendedDueAt: iso(t0 + 91 * DAY) },
      },
    };
    expect(verificationDueAt(approved)).toBe(iso(t0 + 91 * DAY));
    // Past the original 60 days, inside the extension: not breached (amber in its last third).
    expect(states(approved, t0 + 50 * DAY).verification).toBe('running');
    expect(states(approved, t0 + 70 * DAY).verification).toBe('dueSoon');
    expect(states(pending, t0 + 70 * DAY).verification).toBe('breached');
  });

  it('shows a limit the service flagged as overdue as breached, even before the viewer’s clock says so', () => {
    const flagged: Tip = { ...accepted, verification: { ...accepted.verification!, overdue: true } };
    expect(states(flagged, t0 + 2 * DAY).verification).toBe('breached');
  });

  it('runs the 10-day feedback from the verification and marks late feedback', () => {
    const verifiedAt = t0 + 20 * DAY;
    const verified: Tip = {
      ...accepted,
      status: 'verified',
      verification: { ...accepted.verification!, outcome: 'substantiated', verifiedAt: iso(verifiedAt) },
      feedback: { dueAt: iso(verifiedAt + 10 * DAY), sentAt: null, overdue: false, messageZh: null },
    };
    expect(states(verified, verifiedAt + DAY)).toEqual({
      acceptance: 'met',
      verification: 'met',
      feedback: 'running',
    });
    const late: Tip = {
      ...verified,
      feedback: { ...verified.feedback!, sentAt: iso(verifiedAt + 12 * DAY), overdue: true },
    };
    expect(states(late, verifiedAt + 13 * DAY).feedback).toBe('late');
  });

  it('runs the claim window for the reporter without making the office overdue', () => {
    const approvedAt = t0 + 40 * DAY;
    const reward = {
      status: 'approved',
      approvedAt: iso(approvedAt),
      claimWindowEndsAt: iso(approvedAt + 42 * DAY),
      claimedAt: null,
    } as unknown as RewardDto;
    const open: Tip = {
      ...accepted,
      status: 'rewardApproved',
      verification: { ...accepted.verification!, outcome: 'substantiated', verifiedAt: iso(t0 + 20 * DAY) },
      reward,
    };
    expect(states(open, approvedAt + DAY).claim).toBe('running');
    const expired = tipQueueSummary(open, approvedAt + 43 * DAY);
    expect(expired.clocks.find((c) => c.kind === 'claim')?.clock.state).toBe('breached');
    expect(expired.overdue).toBe(false);
    const claimed: Tip = {
      ...open,
      status: 'rewardClaimed',
      reward: { ...reward, claimedAt: iso(approvedAt + 5 * DAY) },
    };
    expect(states(claimed, approvedAt + 6 * DAY).claim).toBe('met');
  });

  it('judges by the workflow’s calendar on scaled clocks', () => {
    expect(tipNow('2026-10-01T00:00:00Z', t0)).toBe(Date.parse('2026-10-01T00:00:00Z'));
    expect(tipNow(null, t0)).toBe(t0);
  });
});
