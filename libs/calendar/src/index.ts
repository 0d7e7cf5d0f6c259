export { CalendarRangeError, InvalidCivilDateError, type CalendarCoverage } from './calendar.errors';
export {
  type CivilDate,
  type CivilDateParts,
  SHANGHAI_OFFSET_MS,
  addDays,
  civilDate,
  dayOfWeek,
  daysInMonth,
  diffDays,
  endOfDay,
  isCivilDate,
  isWeekend,
  lastDayOfMonth,
  parseCivilDate,
  startOfDay,
  toCivilDate,
} from './civil-date';
export {
  type Deadline,
  type MonthlyDeadlineOptions,
  type ShortMonthPolicy,
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
export { type Duration, type DurationUnit, deadlineFor, dueAt, durationLabel, isDuration } from './duration';
export { OFFICIAL_COVERAGE, type HolidayLabel } from './holiday-data';
export {
  type CalendarOverride,
  type DayInfo,
  type DayKind,
  type DaySource,
  type OutOfRangePolicy,
  type WorkCalendarOptions,
  WorkCalendar,
} from './work-calendar';
