import { InvalidCivilDateError } from './calendar.errors';
import {
  addDays,
  civilDate,
  dayOfWeek,
  daysInMonth,
  diffDays,
  endOfDay,
  isCivilDate,
  lastDayOfMonth,
  parseCivilDate,
  startOfDay,
  toCivilDate,
} from './civil-date';

describe('civil dates in Asia/Shanghai', () => {
  it('reads an instant as a Shanghai date: 2024-01-31T17:30Z is already 1 February', () => {
    expect(toCivilDate(new Date('2024-01-31T17:30:00Z'))).toBe('2024-02-01');
    expect(toCivilDate(new Date('2024-01-31T15:59:59.999Z'))).toBe('2024-01-31');
    expect(toCivilDate(new Date('2024-01-31T16:00:00.000Z'))).toBe('2024-02-01');
    expect(toCivilDate(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });

  it('gives the first and last millisecond of a Shanghai day', () => {
    expect(startOfDay('2024-02-01').toISOString()).toBe('2024-01-31T16:00:00.000Z');
    expect(endOfDay('2024-02-01').toISOString()).toBe('2024-02-01T15:59:59.999Z');
    expect(endOfDay('2024-12-31').toISOString()).toBe('2024-12-31T15:59:59.999Z');
    expect(toCivilDate(startOfDay('2024-02-29'))).toBe('2024-02-29');
    expect(toCivilDate(endOfDay('2024-02-29'))).toBe('2024-02-29');
  });

  it('does not depend on the host time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        expect(toCivilDate(new Date('2024-01-31T17:30:00Z'))).toBe('2024-02-01');
        expect(startOfDay('2024-03-10').toISOString()).toBe('2024-03-09T16:00:00.000Z');
        expect(dayOfWeek('2024-10-01')).toBe(2);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('does day arithmetic across month, leap-day and year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(diffDays('2025-01-01', '2024-12-25')).toBe(-7);
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError);
  });

  it('knows weekdays and month lengths', () => {
    expect(dayOfWeek('2024-02-04')).toBe(0); // Sunday
    expect(dayOfWeek('2024-10-12')).toBe(6); // Saturday
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(lastDayOfMonth(2024, 4)).toBe('2024-04-30');
    expect(civilDate(2026, 2, 28)).toBe('2026-02-28');
    expect(parseCivilDate('2026-10-07')).toEqual({ year: 2026, month: 10, day: 7 });
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of [
      '2025-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-1-1',
      '2024-01-01T00:00',
      '',
      '0099-01-01',
    ]) {
      expect(() => parseCivilDate(bad)).toThrow(InvalidCivilDateError);
      expect(isCivilDate(bad)).toBe(false);
    }
    expect(isCivilDate('2024-02-29')).toBe(true);
    expect(isCivilDate(20240229)).toBe(false);
    expect(() => toCivilDate(new Date('nonsense'))).toThrow(InvalidCivilDateError);
    expect(() => civilDate(2025, 2, 30)).toThrow(InvalidCivilDateError);
  });
});
