import type { TipDeadlineKind } from '@zhiben/contracts';
import { clockOf, isOpenClock, type Clock, type ClockInput } from '../enforcement/deadlineClock';
import type { Tip } from './types';

/**
 * A tip's legal clocks (B8): the acceptance decision, the 60-day verification (+30 once approved), the
 * 10-day feedback to the reporter, and the reporter's claim window once a reward is approved. Each is a
 * `ClockInput` for the enforcement clock logic (running / dueSoon / breached / met / late / done); a
 * limit the service flags as overdue counts as breached at its due time.
 */
export type TipClockKind = Exclude<TipDeadlineKind, 'payment'> | 'claim';

export const TIP_CLOCK_KINDS: readonly TipClockKind[] = ['acceptance', 'verification', 'feedback', 'claim'];

export interface TipClock {
  kind: TipClockKind;
  input: ClockInput;
  clock: Clock;
}

const FINAL_WITHOUT_CLAIM = new Set([
  'rewardLapsed',
  'rewardRejected',
  'noReward',
  'notAccepted',
  'forwarded',
]);

/** The verification's due time: the extended one once the level above approved it. */
export const verificationDueAt = (tip: Pick<Tip, 'verification'>): string | null => {
  const verification = tip.verification;
  if (!verification) return null;
  return verification.extension?.status === 'approved'
    ? verification.extension.extendedDueAt
    : verification.dueAt;
};

export const tipClockInputs = (tip: Tip): { kind: TipClockKind; input: ClockInput }[] => {
  const inputs: { kind: TipClockKind; input: ClockInput }[] = [];
  if (tip.acceptanceDueAt || tip.acceptance) {
    inputs.push({
      kind: 'acceptance',
      input: {
        startedAt: tip.receivedAt,
        dueAt: tip.acceptanceDueAt,
        metAt: tip.acceptance?.at ?? null,
        done: tip.acceptance !== null || tip.closedAt !== null,
      },
    });
  }
  const verification = tip.verification;
  if (verification) {
    const dueAt = verificationDueAt(tip);
    inputs.push({
      kind: 'verification',
      input: {
        startedAt: tip.acceptance?.at ?? null,
        dueAt,
        metAt: verification.verifiedAt,
        breachedAt: verification.overdue ? dueAt : null,
        done: verification.outcome !== null || tip.closedAt !== null,
      },
    });
  }
  const feedback = tip.feedback;
  if (feedback) {
    inputs.push({
      kind: 'feedback',
      input: {
        startedAt: verification?.verifiedAt ?? null,
        dueAt: feedback.dueAt,
        metAt: feedback.sentAt,
        breachedAt: feedback.overdue ? feedback.dueAt : null,
      },
    });
  }
  const reward = tip.reward;
  if (reward?.claimWindowEndsAt) {
    const lapsed = reward.status === 'lapsed' || tip.status === 'rewardLapsed';
    inputs.push({
      kind: 'claim',
      input: {
        startedAt: reward.approvedAt,
        dueAt: reward.claimWindowEndsAt,
        metAt: reward.claimedAt,
        breachedAt: lapsed ? reward.claimWindowEndsAt : null,
        // The claim window is the reporter's, not the office's: once the tip is closed otherwise, it is done.
        done: reward.claimedAt === null && !lapsed && FINAL_WITHOUT_CLAIM.has(tip.status),
      },
    });
  }
  return inputs;
};

/** The tip's clocks in legal order, each with its state at `now`. */
export const tipClocks = (tip: Tip, now: number): TipClock[] =>
  tipClockInputs(tip).map(({ kind, input }) => ({ kind, input, clock: clockOf(input, now) }));

/**
 * The queue's summary: the clock that falls due next (the earliest open one), and whether any limit is
 * breached now. The claim window does not make the office overdue: it is the reporter's to use.
 */
export const tipQueueSummary = (tip: Tip, now: number) => {
  const clocks = tipClocks(tip, now);
  const open = clocks
    .filter((entry) => isOpenClock(entry.clock.state))
    .sort((a, b) => (Date.parse(a.input.dueAt ?? '') || 0) - (Date.parse(b.input.dueAt ?? '') || 0));
  return {
    next: open[0] ?? null,
    overdue: clocks.some((entry) => entry.kind !== 'claim' && entry.clock.state === 'breached'),
    clocks,
  };
};

/** The tip's "now" for clocks: the workflow's calendar on scaled clocks (when served), else the wall. */
export const tipNow = (calendarNow: string | null | undefined, wallNow: number): number => {
  const ms = calendarNow ? Date.parse(calendarNow) : Number.NaN;
  return Number.isNaN(ms) ? wallNow : ms;
};
