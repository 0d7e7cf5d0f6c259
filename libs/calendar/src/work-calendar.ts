import { CalendarRangeError, type CalendarCoverage } from './calendar.errors';
import { addDays, assertInteger, type CivilDate, diffDays, isWeekend, parseCivilDate } from './civil-date';
import {
  type HolidayLabel,
  OFFICIAL_HOLIDAYS,
  OFFICIAL_MAKEUP_WORKDAYS,
  OFFICIAL_YEARS,
  OFFICIAL_COVERAGE,
} from './holiday-data';

/**
 * An administrator's correction to the official calendar, stored by the directory service:
 * a local extra day off (e.g. a typhoon closure) or a day worked that the package does not know about.
 */
export interface CalendarOverride {
  date: CivilDate;
  kind: 'workday' | 'holiday';
  reason?: string;
}

/**
 * What to do when a working-day question touches a year without an official arrangement.
 * - `throw` (default): raise `CalendarRangeError`; a deadline is never silently guessed.
 * - `weekendsOnly`: treat Monday–Friday as working days (plus overrides); deadlines computed this
 *   way carry `approximate: true`.
 */
export type OutOfRangePolicy = 'throw' | 'weekendsOnly';

export interface WorkCalendarOptions {
  outOfRange?: OutOfRangePolicy;
  /**
   * Years to treat as fully known although the package has no data for them — for when an
   * administrator has entered that year's published 放假安排 as overrides before the package is upgraded.
   */
  additionalCoveredYears?: readonly number[];
}

/**
 * - `workday`: an ordinary Monday–Friday.
 * - `weekend`: an ordinary Saturday/Sunday.
 * - `holiday`: a day off in an official holiday period or declared by an override.
 * - `makeupWorkday`: a day that would otherwise be off but is worked (调休上班).
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeupWorkday';

/** Where the answer for a day came from. `fallback` = weekday rule outside the covered years. */
export type DaySource = 'override' | 'official' | 'weekday' | 'fallback';

export interface DayInfo {
  date: CivilDate;
  working: boolean;
  kind: DayKind;
  /** Holiday name (zh) for holidays and make-up days (the holiday they serve), or the override reason. */
  name?: string;
  source: DaySource;
}

/**
 * The Chinese working-day calendar: official holidays and make-up working days from `chinese-days`,
 * corrected by admin overrides (which always win). Immutable and pure; build one per set of overrides.
 *
 * Working-day arithmetic never counts the start day: `addWorkingDays(d, 1)` is the first working day
 * after `d` (see README "Counting conventions").
 */
export class WorkCalendar {
  /** Years this calendar answers for without falling back (package years plus `additionalCoveredYears`). */
  readonly coverage: CalendarCoverage;
  readonly outOfRange: OutOfRangePolicy;

  private readonly overrides: ReadonlyMap<CivilDate, CalendarOverride>;
  private readonly coveredYears: ReadonlySet<number>;

  constructor(overrides: readonly CalendarOverride[] = [], options: WorkCalendarOptions = {}) {
    const byDate = new Map<CivilDate, CalendarOverride>();
    // Later entries win, so a caller may append corrections to a stored list.
    for (const o of overrides) {
      parseCivilDate(o.date);
      if (o.kind !== 'workday' && o.kind !== 'holiday') {
        throw new TypeError(`Calendar override for ${o.date} has unknown kind ${JSON.stringify(o.kind)}`);
      }
      byDate.set(o.date, { ...o });
    }
    this.overrides = byDate;

    const extra = options.additionalCoveredYears ?? [];
    for (const y of extra) assertInteger(y, 'additionalCoveredYears[]');
    this.coveredYears = new Set([...OFFICIAL_YEARS, ...extra]);
    this.coverage = {
      firstYear: Math.min(OFFICIAL_COVERAGE.firstYear, ...extra),
      lastYear: Math.max(OFFICIAL_COVERAGE.lastYear, ...extra),
    };
    this.outOfRange = options.outOfRange ?? 'throw';
    if (this.outOfRange !== 'throw' && this.outOfRange !== 'weekendsOnly') {
      throw new TypeError(`Unknown outOfRange policy ${JSON.stringify(this.outOfRange)}`);
    }
  }

  /** True when the calendar knows the official status of `date` (its year is covered, or an override names it). */
  isCovered(date: CivilDate): boolean {
    const { year } = parseCivilDate(date);
    return this.coveredYears.has(year) || this.overrides.has(date);
  }

  /**
   * Full classification of a day. Throws `CalendarRangeError` outside the covered years unless the
   * policy is `weekendsOnly` or an override names the day.
   */
  dayInfo(date: CivilDate): DayInfo {
    const override = this.overrides.get(date);
    const weekend = isWeekend(date);
    if (override) {
      const officiallyOff = weekend || OFFICIAL_HOLIDAYS.has(date);
      return withName(
        {
          date,
          working: override.kind === 'workday',
          kind: override.kind === 'holiday' ? 'holiday' : officiallyOff ? 'makeupWorkday' : 'workday',
          source: 'override',
        },
        override.reason,
      );
    }
    if (!this.isCovered(date)) {
      if (this.outOfRange === 'throw') throw new CalendarRangeError(date, this.coverage);
      return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', source: 'fallback' };
    }
    const holiday = OFFICIAL_HOLIDAYS.get(date);
    if (holiday) return withName({ date, working: false, kind: 'holiday', source: 'official' }, holiday.zh);
    const makeup = OFFICIAL_MAKEUP_WORKDAYS.get(date);
    if (makeup)
      return withName({ date, working: true, kind: 'makeupWorkday', source: 'official' }, makeup.zh);
    return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', source: 'weekday' };
  }

  isWorkingDay(date: CivilDate): boolean {
    return this.dayInfo(date).working;
  }

  /** A day off in an official holiday period or declared by an override — not an ordinary weekend. */
  isHoliday(date: CivilDate): boolean {
    return this.dayInfo(date).kind === 'holiday';
  }

  /**
   * Name of the holiday on `date` (`zh` by default), the reason of a holiday override, or `undefined`.
   * A pure label lookup: never throws for uncovered years. Note the package labels weekend days of a
   * holiday period only when the official notice lists them (see README "Data gaps").
   */
  holidayName(date: CivilDate, lang: 'zh' | 'en' = 'zh'): string | undefined {
    parseCivilDate(date);
    const override = this.overrides.get(date);
    if (override) return override.kind === 'holiday' ? override.reason : undefined;
    const label: HolidayLabel | undefined = OFFICIAL_HOLIDAYS.get(date);
    return label?.[lang];
  }

  /**
   * The `n`-th working day after `date` (before it when `n` is negative); the start day itself is never
   * counted, whether or not it is a working day. `n = 0` returns `date` unchanged.
   */
  addWorkingDays(date: CivilDate, n: number): CivilDate {
    assertInteger(n, 'n');
    parseCivilDate(date);
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    let current = date;
    while (remaining > 0) {
      current = addDays(current, step);
      if (this.isWorkingDay(current)) remaining--;
    }
    return current;
  }

  addNaturalDays(date: CivilDate, n: number): CivilDate {
    return addDays(date, n);
  }

  /**
   * Signed number of working-day steps from `a` to `b`, the inverse of `addWorkingDays`:
   * `workingDaysBetween(a, addWorkingDays(a, n)) === n` for every `n`. Forwards it counts the working
   * days in (a, b] (e.g. working days left until a deadline); backwards it is minus the working days
   * in [b, a).
   */
  workingDaysBetween(a: CivilDate, b: CivilDate): number {
    const span = diffDays(a, b);
    let count = 0;
    if (span >= 0) {
      for (let i = 1; i <= span; i++) if (this.isWorkingDay(addDays(a, i))) count++;
      return count;
    }
    for (let i = 0; i < -span; i++) if (this.isWorkingDay(addDays(b, i))) count++;
    return -count;
  }

  /** First working day strictly after `date`. */
  nextWorkingDay(date: CivilDate): CivilDate {
    return this.addWorkingDays(date, 1);
  }

  /** Last working day strictly before `date`. */
  previousWorkingDay(date: CivilDate): CivilDate {
    return this.addWorkingDays(date, -1);
  }

  /** `date` itself when it is a working day, otherwise the next working day (顺延). */
  workingDayOnOrAfter(date: CivilDate): CivilDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }
}

function withName(info: DayInfo, name: string | undefined): DayInfo {
  return name === undefined ? info : { ...info, name };
}
