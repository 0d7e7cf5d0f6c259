import * as calendarLib from './index';
import { beforeDayOfMonth, deadlineFor, WorkCalendar, withinWorkingDays } from './index';

describe('@zhiben/calendar public API', () => {
  it('exposes named exports only', () => {
    expect(calendarLib).not.toHaveProperty('default');
    expect(Object.keys(calendarLib)).toEqual(
      expect.arrayContaining([
        'WorkCalendar',
        'withinWorkingDays',
        'beforeDayOfMonth',
        'dueAt',
        'CalendarRangeError',
      ]),
    );
  });

  it('does not depend on the current time', () => {
    const event = new Date('2024-09-30T10:00:00+08:00');
    const compute = () => {
      const c = new WorkCalendar([{ date: '2024-10-09', kind: 'holiday' }]);
      return [
        withinWorkingDays(event, 3, c),
        beforeDayOfMonth(event, 25, c),
        deadlineFor(event, { amount: 24, unit: 'hours' }, c),
      ];
    };
    const results = ['2020-01-01T00:00:00Z', '2030-06-15T12:00:00Z'].map((now) => {
      jest.useFakeTimers({ now: new Date(now) });
      try {
        return compute();
      } finally {
        jest.useRealTimers();
      }
    });
    expect(results[0]).toEqual(results[1]);
    expect(results[0][0].date).toBe('2024-10-11');
  });
});
