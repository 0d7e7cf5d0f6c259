import type { ClockSettings, DurationSpec, EscalationRung, HazardRules } from '@zhiben/contracts/workflow';
import { DAY_MS, deadlineAfter, scaledDelayMs } from '@zhiben/workflows-shared';

/**
 * A point in time seen on both timelines a hazard workflow lives on:
 * - `atMs`: the calendar instant (what the ledger and the people see: "整改期限 2026-12-25");
 * - `fireMs`: when the workflow's timer fires for it, on the workflow clock, which tests accelerate.
 *
 * Deadlines are computed on the real calendar (working days, holidays) and only the waiting is
 * scaled, so a scaled run takes the same path through the calendar as a production one. A chain of
 * deadlines (rectification deadline → 函告 → 通报 …) keeps its anchor: each mark is derived from the
 * previous mark, not from "now", so an interruption in between never restarts a timer.
 * With `msPerDay = 86 400 000` both fields are equal.
 */
export interface Mark {
  atMs: number;
  fireMs: number;
}

/** The present moment as a mark (both timelines meet at "now"). */
export function markNow(nowMs: number): Mark {
  return { atMs: nowMs, fireMs: nowMs };
}

/** The mark of a calendar instant reached from `from`. Never fires before `from`. */
export function markAt(from: Mark, atMs: number, clock: ClockSettings): Mark {
  return { atMs, fireMs: from.fireMs + scaledDelayMs(from.atMs, atMs, clock) };
}

/** The mark a rule duration (e.g. `{ amount: 10, unit: 'workingDays' }`) sets after `from`. */
export function markAfter(from: Mark, spec: DurationSpec, clock: ClockSettings): Mark {
  return markAt(from, deadlineAfter(from.atMs, spec), clock);
}

/**
 * The calendar instant to hand `humanTask({ due: { atMs } })` at `nowMs` so that the task falls due
 * when `mark` fires: humanTask anchors its own scaling at the moment it opens the task.
 */
export function dueForTask(nowMs: number, mark: Mark, clock: ClockSettings): number {
  if (mark.fireMs <= nowMs) return nowMs;
  return nowMs + Math.floor(((mark.fireMs - nowMs) * DAY_MS) / clock.msPerDay);
}

/** Milliseconds from `nowMs` until `mark` fires (0 when already past). */
export function msUntil(nowMs: number, mark: Mark): number {
  return Math.max(0, mark.fireMs - nowMs);
}

/** Where the escalation ladder (函告 → 通报 → 约谈 → 曝光 → 挂牌督办) stands for an overdue hazard. */
export interface LadderProgress {
  /** Rungs already climbed; the next rung is `ladder[taken]`. */
  taken: number;
  /**
   * The mark of the last rung climbed since the current deadline was set. Null: count the next rung
   * from the deadline (before the first rung, and again after an approved extension moved it).
   */
  lastRung: Mark | null;
}

export const LADDER_START: LadderProgress = { taken: 0, lastRung: null };

export interface ScheduledRung {
  index: number;
  rung: EscalationRung;
  mark: Mark;
}

/** The next rung to climb, when it falls due, or null at the top of the ladder. */
export function nextRung(
  ladder: HazardRules['escalationLadder'],
  progress: LadderProgress,
  deadline: Mark,
  clock: ClockSettings,
): ScheduledRung | null {
  const step = ladder[progress.taken];
  if (!step) return null;
  return {
    index: progress.taken,
    rung: step.rung,
    mark: markAfter(progress.lastRung ?? deadline, step.after, clock),
  };
}

/** Every remaining rung with its due mark, assuming nothing stops the ladder (for views and tests). */
export function ladderSchedule(
  ladder: HazardRules['escalationLadder'],
  progress: LadderProgress,
  deadline: Mark,
  clock: ClockSettings,
): ScheduledRung[] {
  const out: ScheduledRung[] = [];
  let p = progress;
  for (let r = nextRung(ladder, p, deadline, clock); r; r = nextRung(ladder, p, deadline, clock)) {
    out.push(r);
    p = { taken: r.index + 1, lastRung: r.mark };
  }
  return out;
}

/** Climbing a rung. */
export function climbed(progress: LadderProgress, rung: ScheduledRung): LadderProgress {
  return { taken: Math.max(progress.taken, rung.index + 1), lastRung: rung.mark };
}

/**
 * A moved deadline (approved 延期): rungs already climbed stay climbed (a letter sent is sent), but the
 * next one counts from the new deadline.
 */
export function afterExtension(progress: LadderProgress): LadderProgress {
  return { taken: progress.taken, lastRung: null };
}

/**
 * Back to rectifying after a failed acceptance or a rejected close-out: the ladder paused while the
 * officials reviewed, so if the deadline has passed the next rung counts from now.
 */
export function resumeLadder(progress: LadderProgress, deadline: Mark, nowMs: number): LadderProgress {
  return deadline.fireMs <= nowMs
    ? { taken: progress.taken, lastRung: markNow(nowMs) }
    : { ...progress, lastRung: null };
}

/** Parses an ISO instant; null for anything else. */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}
