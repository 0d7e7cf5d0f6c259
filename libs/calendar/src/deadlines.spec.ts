import { CalendarRangeError } from './calendar.errors';
import {
  beforeDayOfMonth,
  endOfMonth,
  endOfTenDayPeriod,
  endOfYear,
  monthlyDeadline,
  nextEndOfMonth,
  withinHours,
  withinNaturalDays,
  withinWorkingDays,
} from './deadlines';
import { WorkCalendar } from './work-calendar';

const calendar = new WorkCalendar();

/** An instant given as Shanghai wall-clock time. */
const sh = (local: string): Date => new Date(`${local}+08:00`);

describe('withinWorkingDays (N个工作日内)', () => {
  it('3 working days from an event on 2024-09-30 end on 2024-10-10 (Oct 1–7 off, event day not counted)', () => {
    expect(withinWorkingDays(sh('2024-09-30T10:00:00'), 3, calendar)).toEqual({
      date: '2024-10-10',
      dueAt: new Date('2024-10-10T15:59:59.999Z'),
    });
  });

  it('10 working days across National Day 2024 use both make-up days', () => {
    expect(withinWorkingDays(sh('2024-09-27T16:00:00'), 10, calendar).date).toBe('2024-10-16');
  });

  it('an event during the holiday counts from the first working day after it', () => {
    expect(withinWorkingDays(sh('2025-10-03T09:00:00'), 1, calendar).date).toBe('2025-10-09');
    expect(withinWorkingDays(sh('2025-10-03T09:00:00'), 3, calendar).date).toBe('2025-10-11'); // Saturday worked
    expect(withinWorkingDays(sh('2025-01-29T09:00:00'), 5, calendar).date).toBe('2025-02-10'); // Feb 5–8, Feb 10
  });

  it('uses the Shanghai date of the event: 2024-01-31T17:30Z is Thursday 1 Feb in Shanghai', () => {
    const event = new Date('2024-01-31T17:30:00Z');
    expect(withinWorkingDays(event, 1, calendar).date).toBe('2024-02-02'); // not 2024-02-01
    expect(withinWorkingDays(event, 2, calendar).date).toBe('2024-02-04'); // Sunday worked before Spring Festival
  });

  it('shifts when an admin override turns a day into a holiday', () => {
    const withTyphoon = new WorkCalendar([{ date: '2024-10-09', kind: 'holiday', reason: '台风停工' }]);
    const event = sh('2024-09-30T10:00:00');
    expect(withinWorkingDays(event, 3, calendar).date).toBe('2024-10-10');
    expect(withinWorkingDays(event, 3, withTyphoon).date).toBe('2024-10-11');
  });

  it('n = 0 is the end of the event day', () => {
    expect(withinWorkingDays(sh('2024-10-03T09:00:00'), 0, calendar).date).toBe('2024-10-03');
  });

  it('throws outside the covered years, or flags the weekends-only fallback', () => {
    const event = sh('2026-12-30T09:00:00');
    expect(() => withinWorkingDays(event, 3, calendar)).toThrow(CalendarRangeError);
    const lenient = new WorkCalendar([], { outOfRange: 'weekendsOnly' });
    expect(withinWorkingDays(event, 3, lenient)).toEqual({
      date: '2027-01-04',
      dueAt: new Date('2027-01-04T15:59:59.999Z'),
      approximate: true,
    });
    expect(withinWorkingDays(event, 1, lenient)).not.toHaveProperty('approximate');
  });

  it('rejects negative or fractional amounts', () => {
    expect(() => withinWorkingDays(sh('2024-10-03T09:00:00'), -1, calendar)).toThrow(RangeError);
    expect(() => withinWorkingDays(sh('2024-10-03T09:00:00'), 2.5, calendar)).toThrow(RangeError);
  });
});

describe('withinNaturalDays (N日内)', () => {
  it('counts calendar days from the day after the event, holidays included', () => {
    expect(withinNaturalDays(sh('2024-09-28T09:00:00'), 3)).toEqual({
      date: '2024-10-01',
      dueAt: new Date('2024-10-01T15:59:59.999Z'),
    });
    expect(withinNaturalDays(new Date('2024-01-31T17:30:00Z'), 3).date).toBe('2024-02-04');
    expect(withinNaturalDays(sh('2024-02-27T09:00:00'), 3).date).toBe('2024-03-01');
  });

  it('optionally extends a last day that is not a working day (民法典 第二百零三条)', () => {
    expect(withinNaturalDays(sh('2024-09-28T09:00:00'), 3, calendar)).toEqual({
      date: '2024-10-08',
      dueAt: new Date('2024-10-08T15:59:59.999Z'),
      rolledFrom: '2024-10-01',
    });
    expect(withinNaturalDays(sh('2024-09-28T09:00:00'), 1, calendar)).toEqual({
      date: '2024-09-29', // a Sunday, but worked
      dueAt: new Date('2024-09-29T15:59:59.999Z'),
    });
  });
});

describe('withinHours (24小时内)', () => {
  it('is an exact instant that ignores holidays', () => {
    expect(withinHours(sh('2024-09-30T20:00:00'), 24)).toEqual({
      date: '2024-10-01',
      dueAt: new Date('2024-10-01T12:00:00.000Z'),
    });
  });

  it('reports the Shanghai date of the instant', () => {
    expect(withinHours(new Date('2024-01-31T17:30:00Z'), 24)).toEqual({
      date: '2024-02-02',
      dueAt: new Date('2024-02-01T17:30:00.000Z'),
    });
    expect(withinHours(sh('2024-03-01T10:00:00'), 1.5).dueAt).toEqual(sh('2024-03-01T11:30:00'));
    expect(() => withinHours(sh('2024-03-01T10:00:00'), -1)).toThrow(RangeError);
  });
});

describe('beforeDayOfMonth (每月N日前)', () => {
  it('is due at the end of day N of the current month', () => {
    expect(beforeDayOfMonth(sh('2024-03-05T09:00:00'), 25, calendar)).toEqual({
      date: '2024-03-25',
      dueAt: new Date('2024-03-25T15:59:59.999Z'),
    });
  });

  it('includes the due day itself, and moves to next month after it', () => {
    expect(beforeDayOfMonth(sh('2024-03-25T23:00:00'), 25, calendar).date).toBe('2024-03-25');
    expect(beforeDayOfMonth(sh('2024-03-26T00:00:00'), 25, calendar).date).toBe('2024-04-25');
    // 2025-01-25 is a Saturday; the Sunday after it is worked before Spring Festival.
    expect(beforeDayOfMonth(sh('2024-12-26T09:00:00'), 25, calendar)).toMatchObject({
      date: '2025-01-26',
      rolledFrom: '2025-01-25',
    });
  });

  it('rolls a 25th that falls on a Sunday forward to Monday', () => {
    expect(beforeDayOfMonth(sh('2024-08-10T09:00:00'), 25, calendar)).toEqual({
      date: '2024-08-26',
      dueAt: new Date('2024-08-26T15:59:59.999Z'),
      rolledFrom: '2024-08-25',
    });
    // The rolled deadline is still open on the Monday; the next one is September's.
    expect(beforeDayOfMonth(sh('2024-08-26T18:00:00'), 25, calendar).date).toBe('2024-08-26');
    expect(beforeDayOfMonth(sh('2024-08-27T08:00:00'), 25, calendar).date).toBe('2024-09-25');
  });

  it('rolls a 25th that falls on a holiday past the whole holiday (Mid-Autumn 2026)', () => {
    expect(beforeDayOfMonth(sh('2026-09-01T09:00:00'), 25, calendar)).toMatchObject({
      date: '2026-09-28',
      rolledFrom: '2026-09-25',
    });
  });

  it('can keep the nominal day instead of rolling', () => {
    expect(beforeDayOfMonth(sh('2024-08-10T09:00:00'), 25, calendar, { rollForward: false })).toEqual({
      date: '2024-08-25',
      dueAt: new Date('2024-08-25T15:59:59.999Z'),
    });
  });

  it('does not roll a make-up working Saturday', () => {
    // 每月28日前 in February 2026: the 28th is a Saturday worked after Spring Festival.
    expect(beforeDayOfMonth(sh('2026-02-02T09:00:00'), 28, calendar)).toEqual({
      date: '2026-02-28',
      dueAt: new Date('2026-02-28T15:59:59.999Z'),
    });
  });

  it('finds a previous month’s deadline that rolled into this month', () => {
    // 每月31日前: 2025-05-31 is in the Dragon Boat holiday (May 31–Jun 2), so May's deadline is Jun 3.
    expect(beforeDayOfMonth(sh('2025-06-02T10:00:00'), 31, calendar)).toMatchObject({
      date: '2025-06-03',
      rolledFrom: '2025-05-31',
    });
    // 每月1日前 during National Day 2024: October's deadline rolls to Oct 8.
    expect(beforeDayOfMonth(sh('2024-10-03T10:00:00'), 1, calendar)).toMatchObject({
      date: '2024-10-08',
      rolledFrom: '2024-10-01',
    });
  });

  describe('每月30日前 in February (clamped to the month end by default)', () => {
    it('2025: 28 February', () => {
      // January's deadline (Jan 30, inside Spring Festival) rolled to Wednesday 5 February and is still open then.
      expect(beforeDayOfMonth(sh('2025-02-05T09:00:00'), 30, calendar)).toMatchObject({
        date: '2025-02-05',
        rolledFrom: '2025-01-30',
      });
      expect(beforeDayOfMonth(sh('2025-02-06T09:00:00'), 30, calendar)).toEqual({
        date: '2025-02-28',
        dueAt: new Date('2025-02-28T15:59:59.999Z'),
      });
    });

    it('2024 (leap year): 29 February', () => {
      expect(beforeDayOfMonth(sh('2024-02-05T09:00:00'), 30, calendar).date).toBe('2024-02-29');
      expect(beforeDayOfMonth(new Date('2024-01-31T17:30:00Z'), 31, calendar).date).toBe('2024-02-29');
    });

    it('returns to day 30 in March', () => {
      expect(beforeDayOfMonth(sh('2024-03-01T09:00:00'), 30, calendar)).toMatchObject({
        date: '2024-04-01', // 30 March 2024 is a Saturday
        rolledFrom: '2024-03-30',
      });
    });

    it('the skip policy moves to the next month that has day 30', () => {
      const options = { shortMonth: 'skip' as const };
      expect(beforeDayOfMonth(sh('2025-02-06T09:00:00'), 30, calendar, options)).toMatchObject({
        date: '2025-03-31',
        rolledFrom: '2025-03-30', // a Sunday
      });
      expect(
        beforeDayOfMonth(sh('2025-02-06T09:00:00'), 30, calendar, { ...options, rollForward: false }).date,
      ).toBe('2025-03-30');
    });
  });

  it('can read "N日前" as exclusive (due at the end of day N−1)', () => {
    expect(beforeDayOfMonth(sh('2024-03-05T09:00:00'), 25, calendar, { inclusive: false }).date).toBe(
      '2024-03-25',
    ); // Sun 24 → Mon 25
    expect(
      beforeDayOfMonth(sh('2024-03-05T09:00:00'), 25, calendar, { inclusive: false, rollForward: false })
        .date,
    ).toBe('2024-03-24');
    // 每月1日前, exclusive: the last day of the previous month (Sunday 31 March → Monday 1 April).
    expect(beforeDayOfMonth(sh('2024-03-05T09:00:00'), 1, calendar, { inclusive: false })).toMatchObject({
      date: '2024-04-01',
      rolledFrom: '2024-03-31',
    });
  });

  it('rejects impossible days', () => {
    expect(() => beforeDayOfMonth(sh('2024-03-05T09:00:00'), 0, calendar)).toThrow(RangeError);
    expect(() => beforeDayOfMonth(sh('2024-03-05T09:00:00'), 32, calendar)).toThrow(RangeError);
  });
});

describe('monthlyDeadline (one cycle of 每月N日前)', () => {
  it('gives the 2023 monthly dispatch deadlines of seed 000 (June–December, by the 25th)', () => {
    const dates = [6, 7, 8, 9, 10, 11, 12].map((m) => monthlyDeadline(2023, m, 25, calendar)?.date);
    expect(dates).toEqual([
      '2023-06-25', // a Sunday, but worked after the Dragon Boat holiday
      '2023-07-25',
      '2023-08-25',
      '2023-09-25',
      '2023-10-25',
      '2023-11-27', // Saturday 25th rolled to Monday
      '2023-12-25',
    ]);
  });

  it('returns undefined for a month without day N under the skip policy', () => {
    expect(monthlyDeadline(2025, 2, 30, calendar, { shortMonth: 'skip' })).toBeUndefined();
    expect(monthlyDeadline(2025, 2, 30, calendar)?.date).toBe('2025-02-28');
  });
});

describe('month and year ends', () => {
  it('5月底前 is the end of 31 May, not rolled even though 2025-05-31 is a holiday Saturday', () => {
    expect(endOfMonth(2024, 5)).toEqual({ date: '2024-05-31', dueAt: new Date('2024-05-31T15:59:59.999Z') });
    expect(endOfMonth(2025, 5).date).toBe('2025-05-31');
    expect(endOfMonth(2024, 2).date).toBe('2024-02-29');
    expect(endOfMonth(2025, 2).date).toBe('2025-02-28');
  });

  it('picks the year of the next end of month X', () => {
    expect(nextEndOfMonth(sh('2024-03-10T09:00:00'), 5).date).toBe('2024-05-31');
    expect(nextEndOfMonth(sh('2024-05-31T23:00:00'), 5).date).toBe('2024-05-31');
    expect(nextEndOfMonth(sh('2024-06-01T00:00:00'), 5).date).toBe('2025-05-31');
  });

  it('年底前 is the end of 31 December, Shanghai time', () => {
    expect(endOfYear(2024)).toEqual({ date: '2024-12-31', dueAt: new Date('2024-12-31T15:59:59.999Z') });
    expect(endOfYear(2026).dueAt.toISOString()).toBe('2026-12-31T15:59:59.999Z');
  });

  it('上旬 / 中旬 / 下旬 end on days 10, 20 and the month end', () => {
    expect(endOfTenDayPeriod(2024, 2, 'early').date).toBe('2024-02-10');
    expect(endOfTenDayPeriod(2024, 2, 'mid').date).toBe('2024-02-20');
    expect(endOfTenDayPeriod(2024, 2, 'late').date).toBe('2024-02-29');
  });
});
