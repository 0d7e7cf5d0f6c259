import { CalendarRangeError, dueAt, WorkCalendar } from '@zhiben/calendar';
import type { DurationSpec } from '@zhiben/contracts';

let official: WorkCalendar | undefined;
let approximate: WorkCalendar | undefined;

/**
 * The deadline a time limit sets for an event at `from`, on the working-day calendar. Outside the
 * years with a published holiday arrangement it counts Monday–Friday (as workflows/shared does)
 * instead of refusing to open the task.
 */
export function slaDeadline(from: Date, spec: DurationSpec): Date {
  official ??= new WorkCalendar();
  try {
    return dueAt(from, spec, official);
  } catch (e) {
    if (!(e instanceof CalendarRangeError)) throw e;
    approximate ??= new WorkCalendar([], { outOfRange: 'weekendsOnly' });
    return dueAt(from, spec, approximate);
  }
}
