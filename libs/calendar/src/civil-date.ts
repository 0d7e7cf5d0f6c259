import { InvalidCivilDateError } from './calendar.errors';

/**
 * A civil (wall-calendar) date in Asia/Shanghai, formatted `YYYY-MM-DD`.
 *
 * All arithmetic here works on whole days counted from 1970-01-01 and on a fixed +08:00 offset:
 * China has used UTC+8 without daylight saving since 1992, so there is no need for (and no
 * dependence on) the host's time-zone database, which also keeps the code usable inside
 * Temporal workflow sandboxes.
 */
export type CivilDate = string;

/** Offset of Asia/Shanghai from UTC, in milliseconds. */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
const CIVIL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDateParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** Splits a civil date into numbers; throws `InvalidCivilDateError` for anything but a real `YYYY-MM-DD` day. */
export function parseCivilDate(date: CivilDate): CivilDateParts {
  const m = typeof date === 'string' ? CIVIL_DATE_RE.exec(date) : null;
  if (!m) throw new InvalidCivilDateError(date);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Years below 1000 would hit Date.UTC's two-digit-year quirk and are meaningless here.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidCivilDateError(date);
  }
  return { year, month, day };
}

export function isCivilDate(value: unknown): value is CivilDate {
  if (typeof value !== 'string') return false;
  try {
    parseCivilDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Builds a civil date from its parts, validating them. */
export function civilDate(year: number, month: number, day: number): CivilDate {
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  parseCivilDate(date);
  return date;
}

/** Number of days in a Gregorian month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Invalid year/month: ${year}-${month}`);
  }
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Last calendar day of a month. */
export function lastDayOfMonth(year: number, month: number): CivilDate {
  return civilDate(year, month, daysInMonth(year, month));
}

/** The Shanghai calendar date of an instant (e.g. 2024-01-31T17:30:00Z → '2024-02-01'). */
export function toCivilDate(instant: Date): CivilDate {
  const t = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(t)) throw new InvalidCivilDateError(instant);
  return fromEpochDay(Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** 00:00:00.000 Shanghai time on `date`, as an instant. */
export function startOfDay(date: CivilDate): Date {
  return new Date(toEpochDay(date) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** 23:59:59.999 Shanghai time on `date` (the last millisecond of the day), as an instant. */
export function endOfDay(date: CivilDate): Date {
  return new Date((toEpochDay(date) + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1);
}

/** `date` shifted by `days` calendar days (negative goes back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  assertInteger(days, 'days');
  return fromEpochDay(toEpochDay(date) + days);
}

/** Signed number of calendar days from `from` to `to` (`to − from`). */
export function diffDays(from: CivilDate, to: CivilDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Day of the week, 0 = Sunday … 6 = Saturday (same numbering as `Date#getDay`). */
export function dayOfWeek(date: CivilDate): number {
  return new Date(toEpochDay(date) * DAY_MS).getUTCDay();
}

export function isWeekend(date: CivilDate): boolean {
  const wd = dayOfWeek(date);
  return wd === 0 || wd === 6;
}

/** Whole days since 1970-01-01 (the civil date read as if it were UTC). */
export function toEpochDay(date: CivilDate): number {
  const { year, month, day } = parseCivilDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromEpochDay(epochDay: number): CivilDate {
  const d = new Date(epochDay * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

export function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
