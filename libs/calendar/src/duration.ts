import { type Deadline, withinHours, withinNaturalDays, withinWorkingDays } from './deadlines';
import type { WorkCalendar } from './work-calendar';

export type DurationUnit = 'workingDays' | 'naturalDays' | 'hours';

/**
 * A relative time limit as stored in rule sets (时限), e.g. `{ amount: 3, unit: 'workingDays' }` for
 * "3个工作日内". Day amounts are whole numbers; hours may be fractional.
 */
export interface Duration {
  amount: number;
  unit: DurationUnit;
  /**
   * `naturalDays` only: if the last day is not a working day, extend to the next working day
   * (民法典 第二百零三条). Default `false`. Working-day limits always end on a working day and hour
   * limits are exact instants, so the flag does not apply to them.
   */
  rollForward?: boolean;
}

const UNITS: readonly DurationUnit[] = ['workingDays', 'naturalDays', 'hours'];

/** Runtime check for durations read from JSON rule sets. */
export function isDuration(value: unknown): value is Duration {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (!UNITS.includes(v.unit as DurationUnit)) return false;
  if (typeof v.amount !== 'number' || !Number.isFinite(v.amount) || v.amount < 0) return false;
  if (v.unit !== 'hours' && !Number.isSafeInteger(v.amount)) return false;
  if (
    v.rollForward !== undefined &&
    (typeof v.rollForward !== 'boolean' || (v.rollForward && v.unit !== 'naturalDays'))
  ) {
    return false;
  }
  return true;
}

/** The deadline that a duration sets for an event at `from`. The one place rules turn into deadlines. */
export function deadlineFor(from: Date, spec: Duration, calendar: WorkCalendar): Deadline {
  switch (spec.unit) {
    case 'workingDays':
      return withinWorkingDays(from, spec.amount, calendar);
    case 'naturalDays':
      return withinNaturalDays(from, spec.amount, spec.rollForward ? calendar : undefined);
    case 'hours':
      return withinHours(from, spec.amount);
    default: {
      const unknown: never = spec.unit;
      throw new TypeError(`Unknown duration unit ${JSON.stringify(unknown)}`);
    }
  }
}

/** The deadline instant for an event at `from` (see `deadlineFor`). */
export function dueAt(from: Date, spec: Duration, calendar: WorkCalendar): Date {
  return deadlineFor(from, spec, calendar).dueAt;
}

/** Chinese label for UI and notices: 3个工作日 / 7日 / 24小时. */
export function durationLabel(spec: Duration): string {
  switch (spec.unit) {
    case 'workingDays':
      return `${spec.amount}个工作日`;
    case 'naturalDays':
      return `${spec.amount}日`;
    case 'hours':
      return `${spec.amount}小时`;
    default: {
      const unknown: never = spec.unit;
      throw new TypeError(`Unknown duration unit ${JSON.stringify(unknown)}`);
    }
  }
}
