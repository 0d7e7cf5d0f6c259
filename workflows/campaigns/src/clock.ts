import type { ClockSettings } from '@zhiben/contracts/workflow';
import { DAY_MS } from '@zhiben/workflows-shared';

/**
 * The two timelines a campaign lives on: the calendar (plan dates, due dates, what people see) and the
 * workflow clock its timers run on. In production they are the same (`msPerDay = 86 400 000`); tests and
 * demos shrink a day, so a three-month campaign passes in seconds while every date is still computed on
 * the real calendar. An anchor ties one calendar instant to one workflow-clock instant; it is carried
 * across continue-as-new, so a new run keeps the same mapping.
 */
export interface ClockAnchor {
  /** Calendar instant (ms). */
  atMs: number;
  /** Workflow-clock instant (ms) at which the calendar stood at `atMs`. */
  fireMs: number;
}

export const isRealClock = (clock: ClockSettings) => clock.msPerDay === DAY_MS;

/** The calendar instant at workflow-clock instant `nowMs`. */
export function calendarAt(anchor: ClockAnchor, nowMs: number, clock: ClockSettings): number {
  if (isRealClock(clock)) return nowMs;
  return anchor.atMs + Math.floor(((nowMs - anchor.fireMs) * DAY_MS) / clock.msPerDay);
}

/** The workflow-clock instant at which the calendar reaches `atMs`. */
export function fireAt(anchor: ClockAnchor, atMs: number, clock: ClockSettings): number {
  if (isRealClock(clock)) return atMs;
  return anchor.fireMs + Math.ceil(((atMs - anchor.atMs) * clock.msPerDay) / DAY_MS);
}

/** Milliseconds to sleep from `nowMs` until the calendar reaches `atMs` (0 when past). */
export function msUntilCalendar(anchor: ClockAnchor, nowMs: number, atMs: number, clock: ClockSettings) {
  return Math.max(0, fireAt(anchor, atMs, clock) - nowMs);
}

/**
 * The instant to hand `humanTask({ due: { atMs } })` at workflow-clock `nowMs` so that the task falls due
 * when the calendar reaches `atMs`: humanTask scales from the moment it opens the task.
 */
export function humanDue(anchor: ClockAnchor, nowMs: number, atMs: number, clock: ClockSettings): number {
  const fire = fireAt(anchor, atMs, clock);
  if (fire <= nowMs) return nowMs;
  return nowMs + Math.floor(((fire - nowMs) * DAY_MS) / clock.msPerDay);
}
