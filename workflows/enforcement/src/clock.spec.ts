import { DAY_MS } from '@zhiben/workflows-shared';
import {
  CLOCK_SKEW_MS,
  calendarAt,
  dueAfter,
  effectiveInstant,
  msUntil,
  taskDueAtMs,
  wallAt,
  type CalendarClock,
} from './clock';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('the calendar clock', () => {
  const origin = at('2026-11-25T04:00:00Z');
  const scaled: CalendarClock = { originMs: origin, msPerDay: 1000 };
  const real: CalendarClock = { originMs: origin, msPerDay: DAY_MS };

  it('is the identity on the real clock', () => {
    expect(calendarAt(real, origin + 12_345)).toBe(origin + 12_345);
    expect(wallAt(real, origin + 3 * DAY_MS)).toBe(origin + 3 * DAY_MS);
  });

  it('runs a day per scaled second and maps back', () => {
    expect(calendarAt(scaled, origin + 1500)).toBe(origin + 1.5 * DAY_MS);
    expect(wallAt(scaled, origin + 3 * DAY_MS)).toBe(origin + 3000);
    expect(msUntil(scaled, origin + 1000, origin + 3 * DAY_MS)).toBe(2000);
    // A calendar instant before the origin (a date entered for the past) fires at once.
    expect(msUntil(scaled, origin + 10, origin - DAY_MS)).toBe(0);
  });

  it('hands humanTask the due instant that makes its own scaling fire on time', () => {
    const now = origin + 500; // calendar: half a day in
    const due = origin + 2 * DAY_MS;
    const atMs = taskDueAtMs(scaled, now, due);
    // humanTask fires at now + (atMs - now) * msPerDay / DAY_MS.
    expect(now + Math.ceil(((atMs - now) * 1000) / DAY_MS)).toBe(wallAt(scaled, due));
    expect(taskDueAtMs(scaled, origin + 5000, due)).toBe(origin + 5000);
  });
});

describe('effectiveInstant (dates in decision data anchor the next clock)', () => {
  const start = at('2026-11-20T00:00:00Z');
  const now = at('2026-11-25T04:00:00Z');
  it('takes a valid date between the step start and now', () => {
    expect(effectiveInstant('2026-11-23T08:00:00Z', start, now)).toBe(at('2026-11-23T08:00:00Z'));
  });
  it('falls back to the decision time for a missing, malformed, early or future date', () => {
    for (const v of [
      undefined,
      null,
      '',
      'yesterday',
      42,
      '2026-11-19T23:59:59Z',
      iso(now + CLOCK_SKEW_MS + 1),
    ]) {
      expect(effectiveInstant(v, start, now)).toBe(now);
    }
  });
  it('tolerates a small clock skew, clamped to now', () => {
    expect(effectiveInstant(iso(now + 60_000), start, now)).toBe(now);
  });
});

describe('due instants: working days vs natural days vs hours (the rule decides)', () => {
  it('a 3-day limit reported on Friday: natural days end Monday, working days skip the weekend', () => {
    const friday = at('2026-11-27T02:00:00Z'); // Friday 10:00 in Beijing
    expect(iso(dueAfter(friday, { amount: 3, unit: 'naturalDays' }))).toBe('2026-11-30T15:59:59.999Z');
    expect(iso(dueAfter(friday, { amount: 3, unit: 'workingDays' }))).toBe('2026-12-02T15:59:59.999Z');
  });
  it('across the National Day holiday (and its 调休 Saturday) the difference is a week', () => {
    const beforeHoliday = at('2025-09-30T02:00:00Z');
    expect(iso(dueAfter(beforeHoliday, { amount: 3, unit: 'naturalDays' }))).toBe('2025-10-03T15:59:59.999Z');
    expect(iso(dueAfter(beforeHoliday, { amount: 3, unit: 'workingDays' }))).toBe('2025-10-11T15:59:59.999Z');
  });
  it('24 hours are exact, whatever the day', () => {
    const friday = at('2026-11-27T02:00:00Z');
    expect(iso(dueAfter(friday, { amount: 24, unit: 'hours' }))).toBe('2026-11-28T02:00:00.000Z');
  });
});
