import type { Referral, ReferralDeadlineKind, ReferralDeadlineView } from './types';

/**
 * One legal clock (a B7 referral deadline, the 送达 7 days, the 复查 10 days) as a reader needs it:
 * - running: the step is not done and time is left (dueSoon in the last third of the span);
 * - breached: not done and past due, or the workflow recorded a breach (red);
 * - met: done by the due time; late: done after it (or after a recorded breach);
 * - done: the step is done but the record carries no time to judge it by.
 *
 * The workflow's own record wins over the viewer's clock: a breach it recorded stays a breach, and on a
 * scaled test clock its `calendarNow` is the "now" to compare with, not the wall time.
 */
export type ClockState = 'running' | 'dueSoon' | 'breached' | 'met' | 'late' | 'done';

export interface ClockInput {
  startedAt?: string | null;
  dueAt: string | null;
  metAt?: string | null;
  breachedAt?: string | null;
  /** The step is done even though no time was recorded for it. */
  done?: boolean;
}

export interface Clock {
  state: ClockState;
  /** Time left while running (ms, ≥ 0). */
  remainingMs: number | null;
  /** How far past due: now − due while breached, metAt − due when late. */
  overdueMs: number | null;
  /** Share of the span used (0…1), for a bar; null without a start. */
  elapsed: number | null;
}

const time = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

/** The last third of a running clock's span counts as "due soon" (the last day of three, 8 h of 24). */
const DUE_SOON_SHARE = 2 / 3;

export const clockOf = (input: ClockInput, now: number): Clock => {
  const due = time(input.dueAt);
  const start = time(input.startedAt);
  const met = time(input.metAt);
  const breached = time(input.breachedAt);
  const span = start !== null && due !== null && due > start ? due - start : null;
  if (met !== null) {
    const late = breached !== null || (due !== null && met > due);
    return {
      state: late ? 'late' : 'met',
      remainingMs: null,
      overdueMs: late && due !== null ? Math.max(0, met - due) : null,
      elapsed: span !== null && start !== null ? Math.min(1, Math.max(0, (met - start) / span)) : null,
    };
  }
  if (input.done) {
    return { state: breached !== null ? 'late' : 'done', remainingMs: null, overdueMs: null, elapsed: null };
  }
  if (due === null) {
    return {
      state: breached !== null ? 'breached' : 'running',
      remainingMs: null,
      overdueMs: null,
      elapsed: null,
    };
  }
  if (breached !== null || now >= due) {
    return { state: 'breached', remainingMs: 0, overdueMs: Math.max(0, now - due), elapsed: 1 };
  }
  const elapsed = span !== null && start !== null ? Math.max(0, (now - start) / span) : null;
  const soon = elapsed !== null ? elapsed >= DUE_SOON_SHARE : due - now <= 24 * 3_600_000;
  return { state: soon ? 'dueSoon' : 'running', remainingMs: due - now, overdueMs: null, elapsed };
};

export const isOpenClock = (state: ClockState): boolean =>
  state === 'running' || state === 'dueSoon' || state === 'breached';

/** Red on the board: a running clock past due, or any recorded breach. */
export const isBreach = (state: ClockState): boolean => state === 'breached' || state === 'late';

export const referralClock = (deadline: ReferralDeadlineView, now: number): Clock => clockOf(deadline, now);

/** The referral's "now" to judge clocks by: the workflow's calendar on scaled clocks, else the wall. */
export const referralNow = (calendarNow: string | null | undefined, wallNow: number): number =>
  time(calendarNow) ?? wallNow;

/** The referral's clocks in legal order (B7), each with its state. */
export const referralClocks = (
  referral: Pick<Referral, 'deadlines'>,
  now: number,
): { kind: ReferralDeadlineKind; deadline: ReferralDeadlineView; clock: Clock }[] =>
  [...referral.deadlines]
    .sort((a, b) => (time(a.startedAt) ?? 0) - (time(b.startedAt) ?? 0))
    .map((deadline) => ({ kind: deadline.kind, deadline, clock: referralClock(deadline, now) }));

/**
 * Board summary of a referral: overdue when the server says so or a clock is breached now; the clock
 * that matters next (the earliest running one); how many were met and breached.
 */
export const referralBoardSummary = (referral: Pick<Referral, 'deadlines' | 'overdue'>, now: number) => {
  const clocks = referralClocks(referral, now);
  const running = clocks
    .filter((entry) => isOpenClock(entry.clock.state))
    .sort((a, b) => (time(a.deadline.dueAt) ?? 0) - (time(b.deadline.dueAt) ?? 0));
  return {
    overdue: referral.overdue || clocks.some((entry) => entry.clock.state === 'breached'),
    next: running[0] ?? null,
    met: clocks.filter((entry) => entry.clock.state === 'met').length,
    breached: clocks.filter((entry) => isBreach(entry.clock.state)).length,
    clocks,
  };
};

/** The penalty case's two clocks: 送达 within 7 days of the decision, 复查 within 10 days. */
export const caseClocks = (
  kase: {
    decidedAt: string | null;
    servedAt: string | null;
    serveDueAt: string | null;
    rectificationDeadlineAt: string | null;
    reinspectionDueAt: string | null;
    reinspectionResult: 'passed' | 'failed' | null;
  },
  now: number,
): { service: Clock | null; reinspection: Clock | null } => ({
  service: kase.serveDueAt
    ? clockOf({ startedAt: kase.decidedAt, dueAt: kase.serveDueAt, metAt: kase.servedAt }, now)
    : null,
  reinspection: kase.reinspectionDueAt
    ? clockOf(
        {
          startedAt: kase.rectificationDeadlineAt,
          dueAt: kase.reinspectionDueAt,
          done: kase.reinspectionResult !== null,
        },
        now,
      )
    : null,
});
