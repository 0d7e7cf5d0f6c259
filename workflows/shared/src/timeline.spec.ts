import {
  DAY_MS,
  deadlineAfter,
  REAL_CLOCK,
  reminderInstants,
  scaledDelayMs,
  scaledInstant,
  shanghaiMinute,
} from './timeline';

const at = (iso: string) => Date.parse(iso);

describe('scaledDelayMs', () => {
  it('is the real delay on the real clock', () => {
    expect(scaledDelayMs(0, 3 * DAY_MS, REAL_CLOCK)).toBe(3 * DAY_MS);
  });

  it('shrinks a day to msPerDay', () => {
    expect(scaledDelayMs(0, DAY_MS, { msPerDay: 2000 })).toBe(2000);
    expect(scaledDelayMs(1_000, 1_000 + DAY_MS / 2, { msPerDay: 2000 })).toBe(1000);
  });

  it('never waits a negative time, and rounds up so a deadline is never early', () => {
    expect(scaledDelayMs(10, 5, { msPerDay: 2000 })).toBe(0);
    expect(scaledDelayMs(0, 1, { msPerDay: 2000 })).toBe(1);
  });

  it('rejects a clock without a positive msPerDay', () => {
    for (const msPerDay of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => scaledDelayMs(0, 1, { msPerDay })).toThrow(RangeError);
    }
  });

  it('scaledInstant maps a real instant onto the accelerated wall clock from the same origin', () => {
    const origin = at('2026-11-25T04:00:00Z');
    expect(scaledInstant(origin, origin + 2 * DAY_MS, { msPerDay: 1000 })).toBe(origin + 2000);
    expect(scaledInstant(origin, origin - DAY_MS, { msPerDay: 1000 })).toBe(origin);
  });
});

describe('deadlineAfter', () => {
  it('counts working days on the Chinese calendar (National Day week skipped)', () => {
    // 3 working days from Monday 2024-09-30 are Oct 8, 9 and 10 (see libs/calendar README).
    expect(
      new Date(deadlineAfter(at('2024-09-30T02:00:00Z'), { amount: 3, unit: 'workingDays' })).toISOString(),
    ).toBe('2024-10-10T15:59:59.999Z');
  });

  it('hours are exact', () => {
    expect(deadlineAfter(at('2026-11-25T04:00:00Z'), { amount: 24, unit: 'hours' })).toBe(
      at('2026-11-26T04:00:00Z'),
    );
  });

  it('falls back to Monday–Friday outside the published years instead of failing the workflow', () => {
    // Friday 2027-01-08 (no official 2027 arrangement in the data): 1 working day → Monday 2027-01-11.
    expect(
      new Date(deadlineAfter(at('2027-01-08T02:00:00Z'), { amount: 1, unit: 'workingDays' })).toISOString(),
    ).toBe('2027-01-11T15:59:59.999Z');
  });
});

describe('reminderInstants', () => {
  it('places reminders at fractions of the time to due, sorted and unique', () => {
    expect(reminderInstants(0, 1000, [0.8, 0.5, 0.5])).toEqual([500, 800]);
  });

  it('ignores fractions outside (0, 1) and an empty span', () => {
    expect(reminderInstants(0, 1000, [0, 1, 1.5, -0.1, Number.NaN])).toEqual([]);
    expect(reminderInstants(1000, 1000, [0.5])).toEqual([]);
  });
});

describe('shanghaiMinute', () => {
  it('formats in Beijing time', () => {
    expect(shanghaiMinute(at('2026-11-25T16:30:00Z'))).toBe('2026-11-26 00:30');
  });
});
