import { withinHours, withinNaturalDays, withinWorkingDays } from './deadlines';
import { deadlineFor, dueAt, durationLabel, isDuration } from './duration';
import { WorkCalendar } from './work-calendar';

const calendar = new WorkCalendar();
const event = new Date('2024-09-28T09:00:00+08:00');

describe('Duration rules', () => {
  it('delegate to the matching idiom', () => {
    expect(deadlineFor(event, { amount: 3, unit: 'workingDays' }, calendar)).toEqual(
      withinWorkingDays(event, 3, calendar),
    );
    expect(deadlineFor(event, { amount: 3, unit: 'naturalDays' }, calendar)).toEqual(
      withinNaturalDays(event, 3),
    );
    expect(deadlineFor(event, { amount: 24, unit: 'hours' }, calendar)).toEqual(withinHours(event, 24));
  });

  it('compute real deadlines across National Day 2024', () => {
    // Saturday event: Sunday Sep 29 (worked), Sep 30, Oct 8.
    expect(dueAt(event, { amount: 3, unit: 'workingDays' }, calendar)).toEqual(
      new Date('2024-10-08T15:59:59.999Z'),
    );
    expect(dueAt(event, { amount: 3, unit: 'naturalDays' }, calendar)).toEqual(
      new Date('2024-10-01T15:59:59.999Z'),
    );
    expect(dueAt(event, { amount: 3, unit: 'naturalDays', rollForward: true }, calendar)).toEqual(
      new Date('2024-10-08T15:59:59.999Z'),
    );
    expect(dueAt(event, { amount: 24, unit: 'hours' }, calendar)).toEqual(
      new Date('2024-09-29T01:00:00.000Z'),
    );
  });

  it('honour admin overrides through the calendar', () => {
    const shifted = new WorkCalendar([{ date: '2024-10-08', kind: 'holiday' }]);
    expect(deadlineFor(event, { amount: 3, unit: 'workingDays' }, shifted).date).toBe('2024-10-09');
  });

  it('validate rule data read from JSON', () => {
    expect(isDuration({ amount: 3, unit: 'workingDays' })).toBe(true);
    expect(isDuration({ amount: 1.5, unit: 'hours' })).toBe(true);
    expect(isDuration({ amount: 7, unit: 'naturalDays', rollForward: true })).toBe(true);
    expect(isDuration({ amount: 1.5, unit: 'workingDays' })).toBe(false);
    expect(isDuration({ amount: -1, unit: 'naturalDays' })).toBe(false);
    expect(isDuration({ amount: 3, unit: 'weeks' })).toBe(false);
    expect(isDuration({ amount: '3', unit: 'hours' })).toBe(false);
    expect(isDuration({ amount: 3, unit: 'workingDays', rollForward: true })).toBe(false);
    expect(isDuration(null)).toBe(false);
  });

  it('have Chinese labels', () => {
    expect(durationLabel({ amount: 3, unit: 'workingDays' })).toBe('3个工作日');
    expect(durationLabel({ amount: 7, unit: 'naturalDays' })).toBe('7日');
    expect(durationLabel({ amount: 24, unit: 'hours' })).toBe('24小时');
  });
});
