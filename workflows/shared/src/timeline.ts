import { CalendarRangeError, dueAt, SHANGHAI_OFFSET_MS, WorkCalendar } from '@zhiben/calendar';
import type { DurationSpec } from '@zhiben/contracts/workflow';

export const DAY_MS = 86_400_000;

/**
 * How fast a workflow's deadlines pass. Production uses `REAL_CLOCK`; tests and demos shrink a day to
 * seconds. Deadlines are always computed on the real calendar first (working days, holidays), then the
 * wait is scaled, so a scaled run takes the same path through the calendar as a real one.
 */
export interface TaskClock {
  msPerDay: number;
}

export const REAL_CLOCK: TaskClock = { msPerDay: DAY_MS };

export function assertClock(clock: TaskClock): void {
  if (typeof clock?.msPerDay !== 'number' || !Number.isFinite(clock.msPerDay) || clock.msPerDay <= 0) {
    throw new RangeError(`clock.msPerDay must be a positive number, got ${JSON.stringify(clock?.msPerDay)}`);
  }
}

/** How long to wait now for a real deadline `realDueMs`, on `clock`. Never negative. */
export function scaledDelayMs(nowMs: number, realDueMs: number, clock: TaskClock): number {
  assertClock(clock);
  if (realDueMs <= nowMs) return 0;
  return Math.ceil(((realDueMs - nowMs) * clock.msPerDay) / DAY_MS);
}

/**
 * Maps instants of the real timeline that starts at `originMs` onto the workflow's (possibly
 * accelerated) wall clock that starts at the same instant.
 */
export function scaledInstant(originMs: number, realMs: number, clock: TaskClock): number {
  return originMs + scaledDelayMs(originMs, realMs, clock);
}

let officialCalendar: WorkCalendar | undefined;
let approximateCalendar: WorkCalendar | undefined;

/**
 * The deadline a duration sets for an event at `fromMs` (the calendar's one deadline rule). Outside
 * the years with a published holiday arrangement it falls back to Monday–Friday rather than failing
 * the workflow: a human task must open, and its deadline is stored with the task for people to see.
 */
export function deadlineAfter(fromMs: number, spec: DurationSpec): number {
  officialCalendar ??= new WorkCalendar();
  try {
    return dueAt(new Date(fromMs), spec, officialCalendar).getTime();
  } catch (e) {
    if (!(e instanceof CalendarRangeError)) throw e;
    approximateCalendar ??= new WorkCalendar([], { outOfRange: 'weekendsOnly' });
    return dueAt(new Date(fromMs), spec, approximateCalendar).getTime();
  }
}

/**
 * Answers a calendar question (due dates of report schedules, …) on the official calendar, or on the
 * Monday–Friday fallback outside the years with a published holiday arrangement, like `deadlineAfter`:
 * a workflow must not get stuck on a year the calendar package does not know yet.
 */
export function onWorkCalendar<T>(question: (calendar: WorkCalendar) => T): T {
  officialCalendar ??= new WorkCalendar();
  try {
    return question(officialCalendar);
  } catch (e) {
    if (!(e instanceof CalendarRangeError)) throw e;
    approximateCalendar ??= new WorkCalendar([], { outOfRange: 'weekendsOnly' });
    return question(approximateCalendar);
  }
}

/**
 * Instants of the reminders (催办) before a due date, given as fractions of the time from opening to
 * due (`[0.5, 0.8]`). Fractions outside (0, 1) are ignored: the due date itself and what follows it
 * belong to the overdue policy.
 */
export function reminderInstants(
  openedAtMs: number,
  dueAtMs: number,
  fractions: readonly number[],
): number[] {
  const span = dueAtMs - openedAtMs;
  if (span <= 0) return [];
  const unique = [...new Set(fractions.filter((f) => Number.isFinite(f) && f > 0 && f < 1))].sort(
    (a, b) => a - b,
  );
  return unique.map((f) => openedAtMs + Math.floor(span * f));
}

/** `2026-11-25 18:30` in Asia/Shanghai, for notices. */
export function shanghaiMinute(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
