import { CalendarRangeError } from './calendar.errors';
import { addDays, dayOfWeek } from './civil-date';
import { OFFICIAL_COVERAGE } from './holiday-data';
import { WorkCalendar } from './work-calendar';

const calendar = new WorkCalendar();

function range(first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  return days;
}

describe('WorkCalendar — official arrangements 2024–2026', () => {
  it('covers 2004 through at least 2026', () => {
    expect(OFFICIAL_COVERAGE.firstYear).toBe(2004);
    expect(OFFICIAL_COVERAGE.lastYear).toBeGreaterThanOrEqual(2026);
    expect(calendar.coverage).toEqual(OFFICIAL_COVERAGE);
  });

  it.each([
    // [holiday period off, make-up working days, label]
    ['2024-02-10', '2024-02-17', ['2024-02-04', '2024-02-18'], '春节'],
    ['2024-10-01', '2024-10-07', ['2024-09-29', '2024-10-12'], '国庆节'],
    ['2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08'], '春节'],
    ['2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11'], '国庆节'],
    ['2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28'], '春节'],
    ['2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10'], '国庆节'],
    ['2026-01-01', '2026-01-03', ['2026-01-04'], '元旦'],
  ])('%s … %s is off, %j are worked (%s)', (first, last, makeup, name) => {
    for (const d of range(first, last)) {
      expect(calendar.isWorkingDay(d)).toBe(false);
      expect(calendar.isHoliday(d)).toBe(true);
    }
    expect(calendar.holidayName(first)).toBe(name);
    // The working days just outside the period are ordinary weekdays or make-up days.
    for (const d of makeup) {
      expect([0, 6]).toContain(dayOfWeek(d));
      expect(calendar.isWorkingDay(d)).toBe(true);
      expect(calendar.isHoliday(d)).toBe(false);
      expect(calendar.holidayName(d)).toBeUndefined();
      expect(calendar.dayInfo(d)).toEqual({
        date: d,
        working: true,
        kind: 'makeupWorkday',
        name,
        source: 'official',
      });
    }
  });

  it('labels the Mid-Autumn day inside National Day 2025 and the separate 2026 Mid-Autumn weekend', () => {
    expect(calendar.holidayName('2025-10-06')).toBe('中秋');
    expect(calendar.holidayName('2025-10-06', 'en')).toBe('Mid-autumn Festival');
    expect(range('2026-09-25', '2026-09-27').map((d) => calendar.isWorkingDay(d))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('treats ordinary weekends as days off that are not holidays', () => {
    expect(calendar.dayInfo('2024-03-09')).toEqual({
      date: '2024-03-09',
      working: false,
      kind: 'weekend',
      source: 'weekday',
    });
    expect(calendar.isHoliday('2024-03-09')).toBe(false);
    expect(calendar.dayInfo('2024-03-11').kind).toBe('workday');
    // Chinese New Year's Eve 2024 (Feb 9) was officially a working day (leave merely "encouraged").
    expect(calendar.isWorkingDay('2024-02-09')).toBe(true);
  });

  it('matches the published number of working days per year', () => {
    expect(calendar.workingDaysBetween('2023-12-31', '2024-12-31')).toBe(251);
    expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });
});

describe('WorkCalendar — working-day arithmetic', () => {
  it('never counts the start day', () => {
    expect(calendar.addWorkingDays('2024-03-11', 1)).toBe('2024-03-12');
    expect(calendar.addWorkingDays('2024-03-08', 1)).toBe('2024-03-11'); // Fri → Mon
    expect(calendar.addWorkingDays('2024-03-09', 1)).toBe('2024-03-11'); // from a Saturday
    expect(calendar.addWorkingDays('2024-03-09', 0)).toBe('2024-03-09');
  });

  it('crosses National Day 2024: 3 working days after 2024-09-30 is 2024-10-10', () => {
    // Oct 1–7 off; Oct 8 (1), Oct 9 (2), Oct 10 (3).
    expect(calendar.addWorkingDays('2024-09-30', 3)).toBe('2024-10-10');
  });

  it('crosses National Day 2024 with make-up days: 10 working days after Fri 2024-09-27 is 2024-10-16', () => {
    // Sep 29 Sun (1), Sep 30 (2), Oct 8–11 (3–6), Oct 12 Sat (7), Oct 14–16 (8–10).
    expect(calendar.addWorkingDays('2024-09-27', 10)).toBe('2024-10-16');
    expect(calendar.workingDaysBetween('2024-09-27', '2024-10-16')).toBe(10);
  });

  it('crosses Spring Festival 2024', () => {
    expect(calendar.addWorkingDays('2024-02-02', 1)).toBe('2024-02-04'); // Sunday worked
    expect(calendar.addWorkingDays('2024-02-08', 2)).toBe('2024-02-18'); // Feb 9, then Sunday Feb 18
    expect(calendar.nextWorkingDay('2024-02-09')).toBe('2024-02-18');
  });

  it('crosses Spring Festival and National Day 2025', () => {
    expect(calendar.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
    expect(calendar.addWorkingDays('2025-01-27', 1)).toBe('2025-02-05');
    expect(calendar.addWorkingDays('2025-01-27', 4)).toBe('2025-02-08'); // Feb 5, 6, 7, Saturday Feb 8
    expect(calendar.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(calendar.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
  });

  it('crosses the 2026 holidays', () => {
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6);
    expect(calendar.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
  });

  it('counts backwards for negative amounts', () => {
    expect(calendar.addWorkingDays('2024-10-08', -1)).toBe('2024-09-30');
    expect(calendar.previousWorkingDay('2024-10-08')).toBe('2024-09-30');
    expect(calendar.addWorkingDays('2024-10-08', -2)).toBe('2024-09-29');
    expect(calendar.workingDaysBetween('2024-10-08', '2024-09-28')).toBe(-2); // Sep 29, Sep 30
    expect(calendar.workingDaysBetween('2024-10-08', '2024-09-29')).toBe(-2);
  });

  it('keeps workingDaysBetween the inverse of addWorkingDays over 2024–2026', () => {
    for (let d = '2024-01-01'; d <= '2026-12-01'; d = addDays(d, 7)) {
      for (const n of [-7, -1, 1, 3, 10]) {
        expect(calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n))).toBe(n);
      }
    }
  });

  it('rolls a non-working day forward and leaves a working day alone', () => {
    expect(calendar.workingDayOnOrAfter('2024-10-03')).toBe('2024-10-08');
    expect(calendar.workingDayOnOrAfter('2024-10-12')).toBe('2024-10-12');
    expect(calendar.addNaturalDays('2024-09-30', 3)).toBe('2024-10-03');
  });

  it('rejects non-integer amounts', () => {
    expect(() => calendar.addWorkingDays('2024-10-08', 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2024-10-08', Number.NaN)).toThrow(RangeError);
  });
});

describe('WorkCalendar — admin overrides', () => {
  it('take precedence over the package in both directions', () => {
    const c = new WorkCalendar([
      { date: '2024-10-08', kind: 'holiday', reason: '台风停工' },
      { date: '2024-10-07', kind: 'workday', reason: '防汛值守' },
    ]);
    expect(c.isWorkingDay('2024-10-08')).toBe(false);
    expect(c.isHoliday('2024-10-08')).toBe(true);
    expect(c.holidayName('2024-10-08')).toBe('台风停工');
    expect(c.dayInfo('2024-10-07')).toEqual({
      date: '2024-10-07',
      working: true,
      kind: 'makeupWorkday',
      name: '防汛值守',
      source: 'override',
    });
    expect(c.holidayName('2024-10-07')).toBeUndefined();
    expect(c.addWorkingDays('2024-09-30', 3)).toBe('2024-10-10'); // Oct 7, Oct 9, Oct 10
  });

  it('let the last entry win for a repeated date', () => {
    const c = new WorkCalendar([
      { date: '2024-03-11', kind: 'holiday' },
      { date: '2024-03-11', kind: 'workday' },
    ]);
    expect(c.dayInfo('2024-03-11')).toEqual({
      date: '2024-03-11',
      working: true,
      kind: 'workday',
      source: 'override',
    });
  });

  it('do not leak into other calendars', () => {
    new WorkCalendar([{ date: '2024-03-11', kind: 'holiday' }]);
    expect(calendar.isWorkingDay('2024-03-11')).toBe(true);
  });

  it('are validated', () => {
    expect(() => new WorkCalendar([{ date: '2024-02-30', kind: 'holiday' }])).toThrow(RangeError);
    expect(() => new WorkCalendar([{ date: '2024-02-03', kind: 'weekend' as unknown as 'holiday' }])).toThrow(
      TypeError,
    );
  });
});

describe('WorkCalendar — outside the covered years', () => {
  it('throws CalendarRangeError by default instead of guessing', () => {
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarRangeError);
    expect(() => calendar.isWorkingDay('2003-12-31')).toThrow(CalendarRangeError);
    // Dec 31 counts, then the unknown 2027 New Year stops the computation.
    expect(() => calendar.addWorkingDays('2026-12-30', 3)).toThrow(CalendarRangeError);
    try {
      calendar.addWorkingDays('2026-12-30', 3);
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarRangeError);
      expect((e as CalendarRangeError).date).toBe('2027-01-01');
      expect((e as CalendarRangeError).code).toBe('CALENDAR_OUT_OF_RANGE');
    }
    expect(calendar.isCovered('2027-01-04')).toBe(false);
    // Pure label lookups and natural-day arithmetic never throw.
    expect(calendar.holidayName('2027-01-01')).toBeUndefined();
    expect(calendar.addNaturalDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('answers for an uncovered day that an override names', () => {
    const c = new WorkCalendar([{ date: '2027-01-01', kind: 'holiday', reason: '元旦' }]);
    expect(c.isCovered('2027-01-01')).toBe(true);
    expect(c.isHoliday('2027-01-01')).toBe(true);
    expect(() => c.isWorkingDay('2027-01-04')).toThrow(CalendarRangeError);
  });

  it('can treat a year as covered when admins have entered its arrangement', () => {
    const c = new WorkCalendar([{ date: '2027-01-01', kind: 'holiday', reason: '元旦' }], {
      additionalCoveredYears: [2027],
    });
    expect(c.coverage.lastYear).toBe(2027);
    expect(c.addWorkingDays('2026-12-30', 3)).toBe('2027-01-05'); // Dec 31, Jan 4, Jan 5
    expect(c.dayInfo('2027-01-04').source).toBe('weekday');
  });

  it('falls back to weekends only when asked to', () => {
    const c = new WorkCalendar([], { outOfRange: 'weekendsOnly' });
    expect(c.dayInfo('2027-01-01')).toEqual({
      date: '2027-01-01',
      working: true,
      kind: 'workday',
      source: 'fallback',
    });
    expect(c.isWorkingDay('2027-01-02')).toBe(false);
    expect(c.isHoliday('2027-01-02')).toBe(false);
    expect(c.addWorkingDays('2026-12-30', 3)).toBe('2027-01-04');
    // Covered years are unaffected by the policy.
    expect(c.isWorkingDay('2026-10-01')).toBe(false);
  });
});
