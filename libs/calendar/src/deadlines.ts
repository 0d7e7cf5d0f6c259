import {
  addDays,
  assertInteger,
  type CivilDate,
  civilDate,
  daysInMonth,
  endOfDay,
  lastDayOfMonth,
  parseCivilDate,
  toCivilDate,
} from './civil-date';
import type { WorkCalendar } from './work-calendar';

/**
 * A deadline computed from a Chinese deadline idiom. Day-based deadlines fall due at the end of the
 * Shanghai day (23:59:59.999, "截止时间为二十四时", 民法典 第二百零三条); "overdue" means `now > dueAt`.
 */
export interface Deadline {
  /** Shanghai civil date of the deadline. */
  date: CivilDate;
  /** The deadline instant. */
  dueAt: Date;
  /** The nominal due date, present only when it was not a working day and the deadline rolled forward to `date`. */
  rolledFrom?: CivilDate;
  /** Present (true) only when the calendar's `weekendsOnly` fallback decided some day of the computation. */
  approximate?: true;
}

/**
 * `N个工作日内`. Counting starts on the day after the triggering event, which is not counted even if it
 * is a working day (民法典 第二百零一条: "开始的当日不计入，自下一日开始计算"); an event on a holiday is
 * therefore counted from the first working day after it. The deadline is the end of the N-th working day.
 * `n = 0` means the same day.
 */
export function withinWorkingDays(from: Date, n: number, calendar: WorkCalendar): Deadline {
  assertNonNegativeInteger(n, 'n');
  const start = toCivilDate(from);
  const date = calendar.addWorkingDays(start, n);
  return deadline(date, { approximate: usedFallback(calendar, addDays(start, 1), date) });
}

/**
 * `N日内` (natural days). The event day is not counted, so the deadline is the end of day `start + n`.
 * Internal administrative deadlines do not roll over holidays; pass `rollForwardWith` to apply the
 * statutory-period rule (民法典 第二百零三条: a period whose last day is a statutory holiday ends on the
 * day after the holiday) — we roll to the next working day, which also skips a plain weekend.
 */
export function withinNaturalDays(from: Date, n: number, rollForwardWith?: WorkCalendar): Deadline {
  assertNonNegativeInteger(n, 'n');
  const nominal = addDays(toCivilDate(from), n);
  return rollForwardWith ? rolled(nominal, rollForwardWith) : deadline(nominal);
}

/** `24小时内` and the like: an exact instant `hours` after `from` (民法典 第二百零一条 second paragraph). */
export function withinHours(from: Date, hours: number): Deadline {
  if (!Number.isFinite(hours) || hours < 0)
    throw new RangeError(`hours must be a non-negative number, got ${hours}`);
  toCivilDate(from); // validates `from`
  const dueAt = new Date(from.getTime() + hours * 60 * 60 * 1000);
  return { date: toCivilDate(dueAt), dueAt };
}

/** How `beforeDayOfMonth` treats a month that has no day N (e.g. 30 in February). */
export type ShortMonthPolicy =
  /** Use the last day of the month (每月30日前 → 28/29 Feb). Default. */
  | 'clamp'
  /** That month has no due day; the next occurrence is in the following month that has day N. */
  | 'skip';

export interface MonthlyDeadlineOptions {
  /**
   * Roll a due day that is not a working day forward to the next working day (顺延), as is usual for
   * filing deadlines and as 民法典 第二百零三条 does for statutory periods. Default `true`.
   */
  rollForward?: boolean;
  /** Treat "N日前" as including day N (due at the end of day N). Default `true`; `false` = due at the end of day N−1. */
  inclusive?: boolean;
  shortMonth?: ShortMonthPolicy;
}

/**
 * `每月N日前` for one given month (cycle), e.g. the June report of a form due "by the 25th" from June to
 * December. Returns `undefined` only under the `skip` policy for a month without day N.
 */
export function monthlyDeadline(
  year: number,
  month: number,
  day: number,
  calendar: WorkCalendar,
  options: MonthlyDeadlineOptions = {},
): Deadline | undefined {
  assertInteger(day, 'day');
  if (day < 1 || day > 31) throw new RangeError(`day must be 1–31, got ${day}`);
  const { rollForward = true, inclusive = true, shortMonth = 'clamp' } = options;
  const length = daysInMonth(year, month);
  if (day > length && shortMonth === 'skip') return undefined;
  const nominalDay = civilDate(year, month, Math.min(day, length));
  const due = inclusive ? nominalDay : addDays(nominalDay, -1);
  return rollForward ? rolled(due, calendar) : deadline(due);
}

/**
 * `每月N日前` from an event: the first monthly deadline that is still open on `from`'s Shanghai date,
 * i.e. whose (rolled) due date is on or after that date; an event on the due day itself gets that day.
 * Because of rolling forward, the previous month's deadline can still be the open one early in a month:
 * 每月30日前 on 2025-02-05 gives 2025-02-05, January's deadline rolled past Spring Festival.
 * Calling it again with the day after a deadline yields the next one, so no cycle is ever skipped.
 */
export function beforeDayOfMonth(
  from: Date,
  day: number,
  calendar: WorkCalendar,
  options: MonthlyDeadlineOptions = {},
): Deadline {
  const today = toCivilDate(from);
  const start = parseCivilDate(today);
  // Start one month back: that cycle's deadline may have rolled into the current month. Fourteen
  // cycles always contain a month with day N, even under the `skip` policy.
  for (let i = -1; i < 13; i++) {
    const index = start.year * 12 + (start.month - 1) + i;
    const result = monthlyDeadline(Math.floor(index / 12), (index % 12) + 1, day, calendar, options);
    if (result && result.date >= today) return result;
  }
  throw new Error(`No monthly deadline found for day ${day} after ${today}`); // unreachable
}

/** `X月底前` / `X月底`: the end of the last calendar day of the month. Not rolled forward (that would leave the month). */
export function endOfMonth(year: number, month: number): Deadline {
  return deadline(lastDayOfMonth(year, month));
}

/**
 * `X月底前` when the plan gives only the month: the end of that month in `from`'s year, or in the next
 * year when that month has already ended on `from`'s Shanghai date.
 */
export function nextEndOfMonth(from: Date, month: number): Deadline {
  const today = toCivilDate(from);
  const { year } = parseCivilDate(today);
  const thisYear = endOfMonth(year, month);
  return thisYear.date >= today ? thisYear : endOfMonth(year + 1, month);
}

/** `年底前`: the end of 31 December. */
export function endOfYear(year: number): Deadline {
  return deadline(civilDate(year, 12, 31));
}

/** `X月上旬` / `X月中旬` / `X月下旬`: by day 10, by day 20, or by the end of the month. */
export function endOfTenDayPeriod(year: number, month: number, period: 'early' | 'mid' | 'late'): Deadline {
  switch (period) {
    case 'early':
      return deadline(civilDate(year, month, 10));
    case 'mid':
      return deadline(civilDate(year, month, 20));
    case 'late':
      return endOfMonth(year, month);
    default: {
      const unknown: never = period;
      throw new TypeError(`Unknown ten-day period ${JSON.stringify(unknown)}`);
    }
  }
}

function deadline(date: CivilDate, extra: { rolledFrom?: CivilDate; approximate?: boolean } = {}): Deadline {
  const d: Deadline = { date, dueAt: endOfDay(date) };
  if (extra.rolledFrom !== undefined && extra.rolledFrom !== date) d.rolledFrom = extra.rolledFrom;
  if (extra.approximate) d.approximate = true;
  return d;
}

function rolled(nominal: CivilDate, calendar: WorkCalendar): Deadline {
  const date = calendar.workingDayOnOrAfter(nominal);
  return deadline(date, { rolledFrom: nominal, approximate: usedFallback(calendar, nominal, date) });
}

/** Whether any day in [first, last] was decided by the weekends-only fallback. */
function usedFallback(calendar: WorkCalendar, first: CivilDate, last: CivilDate): boolean {
  if (calendar.outOfRange === 'throw') return false; // it would have thrown instead
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (!calendar.isCovered(d)) return true;
  }
  return false;
}

function assertNonNegativeInteger(value: number, name: string): void {
  assertInteger(value, name);
  if (value < 0) throw new RangeError(`${name} must not be negative, got ${value}`);
}
