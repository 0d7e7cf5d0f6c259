import type { ClockSettings, DurationSpec } from '@zhiben/contracts/workflow';
import { DAY_MS, deadlineAfter } from '@zhiben/workflows-shared';

/**
 * The two timelines of a tip (the same model as workflows/enforcement/src/clock.ts, which should move to
 * workflows/shared): the calendar, on which the limits are counted (60 natural days, 5 working days) and
 * which people see, and the workflow clock, on which timers fire. They meet at `originMs` (the run's
 * start) and the calendar runs `DAY_MS / msPerDay` times faster: identical in production.
 */
export interface CalendarClock {
  originMs: number;
  msPerDay: number;
}

export function calendarClock(originMs: number, clock: ClockSettings): CalendarClock {
  return { originMs, msPerDay: clock.msPerDay };
}

/** The calendar instant at workflow time `wallMs`. */
export function calendarAt(c: CalendarClock, wallMs: number): number {
  return c.originMs + Math.floor(((wallMs - c.originMs) * DAY_MS) / c.msPerDay);
}

/** When a timer must fire (workflow time) for the calendar instant `calendarMs`; never before origin. */
export function wallAt(c: CalendarClock, calendarMs: number): number {
  if (calendarMs <= c.originMs) return c.originMs;
  return c.originMs + Math.ceil(((calendarMs - c.originMs) * c.msPerDay) / DAY_MS);
}

/** Milliseconds to wait at workflow time `nowMs` until the calendar instant `calendarMs` (≥ 0). */
export function msUntil(c: CalendarClock, nowMs: number, calendarMs: number): number {
  return Math.max(0, wallAt(c, calendarMs) - nowMs);
}

/** The deadline a rule sets for an event at calendar instant `fromMs` (the shared calendar). */
export function dueAfter(fromMs: number, spec: DurationSpec): number {
  return deadlineAfter(fromMs, spec);
}

/** The instant to hand `humanTask({ due: { atMs } })` so the task falls due at calendar `calendarDueMs`. */
export function taskDueAtMs(c: CalendarClock, nowMs: number, calendarDueMs: number): number {
  const fireMs = wallAt(c, calendarDueMs);
  if (fireMs <= nowMs) return nowMs;
  return nowMs + Math.floor(((fireMs - nowMs) * DAY_MS) / c.msPerDay);
}

/** Parses an ISO instant; null for anything else. */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** How far in the future a date in submitted data may lie (clocks of browsers and servers differ). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** A date the official entered when it lies between `notBeforeMs` and now (+ skew), else now. */
export function effectiveInstant(value: unknown, notBeforeMs: number, nowMs: number): number {
  const ms = parseInstant(value);
  if (ms === null || ms < notBeforeMs || ms > nowMs + CLOCK_SKEW_MS) return nowMs;
  return Math.min(ms, nowMs);
}

export const iso = (ms: number) => new Date(ms).toISOString();
