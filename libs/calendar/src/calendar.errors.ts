/** Years for which the official holiday arrangement (放假安排) is known to a `WorkCalendar`. */
export interface CalendarCoverage {
  /** First covered year (inclusive). */
  firstYear: number;
  /** Last covered year (inclusive). */
  lastYear: number;
}

/**
 * A working-day question was asked about a date whose official arrangement is unknown
 * (the State Council publishes next year's 放假安排 only around November). We refuse to guess
 * because a wrong guess silently moves legal deadlines; see README "Outside the covered years".
 */
export class CalendarRangeError extends RangeError {
  readonly code = 'CALENDAR_OUT_OF_RANGE' as const;

  constructor(
    readonly date: string,
    readonly coverage: CalendarCoverage,
  ) {
    super(
      `No official holiday arrangement is known for ${date} (covered years: ${coverage.firstYear}–${coverage.lastYear}). ` +
        'Add admin overrides and declare the year covered, or use the weekendsOnly fallback.',
    );
    this.name = 'CalendarRangeError';
  }
}

/** A string that is not a valid `YYYY-MM-DD` civil date, or an invalid `Date`. */
export class InvalidCivilDateError extends RangeError {
  readonly code = 'INVALID_CIVIL_DATE' as const;

  constructor(readonly value: unknown) {
    super(`Not a valid YYYY-MM-DD civil date: ${JSON.stringify(String(value))}`);
    this.name = 'InvalidCivilDateError';
  }
}
