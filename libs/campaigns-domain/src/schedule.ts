import {
  addDays,
  type CivilDate,
  civilDate,
  daysInMonth,
  endOfDay,
  lastDayOfMonth,
  parseCivilDate,
  startOfDay,
  type WorkCalendar,
} from '@zhiben/calendar';
import type { LeadTime, ReportSchedule } from '@zhiben/contracts';

/**
 * Due dates of a campaign's report schedules (processes.md P-09), the one place they are computed.
 *
 * Rules:
 * - **The plan's date is the due date.** "每月25日前" is due at the end of the 25th (inclusive, like
 *   `@zhiben/calendar`'s `monthlyDeadline`) even when the 25th is a Sunday or a holiday: the seeds name
 *   calendar dates and offices expect them. The schedule's `dueDatePolicy` can move such a date to the next
 *   (`rollForward`, 顺延) or previous (`rollBack`, 提前) working day; either way every occurrence also carries
 *   `workingDayDate` (the next working day on or after the nominal date) and `nonWorkingDay` so the console
 *   can say "25日为周日".
 * - **Short months.** A monthly due day the month lacks (29 in February 2025) is only possible with
 *   `shortMonth: 'lastDayOfMonth'` (the contracts reject it otherwise); the due date is then the month's
 *   last day and the occurrence says `clampedFrom`.
 * - **Which months.** A monthly schedule runs over `fromMonth`–`toMonth` (default: the campaign's months).
 *   A month whose due date falls before the campaign starts has no report. The month in which the campaign
 *   ends keeps its report even if it falls due after the end (it covers the campaign's last days).
 * - **One-off dates** inside the campaign; **annual** dates inside the campaign, one per year;
 *   **final** reports on their fixed date, or N days after the campaign ends (known only once it has ended).
 * - **Opening.** A report task opens `leadTime` before the due date (natural or working days), but never
 *   before the campaign starts.
 * - A campaign that ends on an event has no end date while it runs: pass `until` to compute occurrences
 *   due up to that date.
 *
 * Working-day questions outside the calendar's covered years throw `CalendarRangeError` (see
 * `@zhiben/calendar`): a schedule in 2027 needs that year's holiday arrangement first.
 */

export interface CampaignRange {
  startsOn: CivilDate;
  /** Last day of the campaign, or null while an event-ended campaign is still running. */
  endsOn: CivilDate | null;
}

export interface ReportOccurrence {
  scheduleId: string;
  /** Which occurrence a report answers: `2023-06` (month), `2023-08-05` (one-off date), `2024` (year), `final`. */
  key: string;
  /** The days the report covers (clipped to the campaign), when the schedule is periodic or final. */
  period: { from: CivilDate; to: CivilDate } | null;
  /** The date the plan names. */
  nominalDate: CivilDate;
  /** Set when the month has no such day and the due date moved to the month's last day. */
  clampedFrom?: number;
  /** The due date after the schedule's due-date policy. */
  dueDate: CivilDate;
  /** End of `dueDate` in Asia/Shanghai: a report is late when submitted after this instant. */
  dueAt: Date;
  /** `nominalDate`, or the next working day when it is a weekend or holiday (顺延). */
  workingDayDate: CivilDate;
  /** Whether `nominalDate` is a weekend or holiday day. */
  nonWorkingDay: boolean;
  /** Name of the holiday on `nominalDate` (zh), if any. */
  holidayName?: string;
  /** When the report task opens (start of the day, Asia/Shanghai). */
  opensOn: CivilDate;
  opensAt: Date;
}

/** What the timing alone decides, before the calendar and the due-date policy. */
type Nominal = Pick<ReportOccurrence, 'scheduleId' | 'key' | 'period' | 'nominalDate' | 'clampedFrom'>;

export interface OccurrenceOptions {
  /** Only occurrences whose nominal date is on or before this day. Required while `endsOn` is null. */
  until?: CivilDate;
}

export class ScheduleError extends Error {
  readonly code = 'INVALID_SCHEDULE' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleError';
  }
}

/** The occurrences of one report schedule within a campaign, in date order. */
export function reportOccurrences(
  schedule: ReportSchedule,
  range: CampaignRange,
  calendar: WorkCalendar,
  options: OccurrenceOptions = {},
): ReportOccurrence[] {
  const { startsOn, endsOn } = range;
  parseCivilDate(startsOn);
  if (endsOn !== null && endsOn < startsOn) {
    throw new ScheduleError(`Campaign ends (${endsOn}) before it starts (${startsOn})`);
  }
  const horizon = endsOn ?? options.until;
  if (horizon === undefined) {
    throw new ScheduleError(
      `Schedule ${schedule.id}: the campaign has no end date yet; pass \`until\` to bound the occurrences`,
    );
  }
  const inCampaign = (d: CivilDate) => d >= startsOn && (endsOn === null || d <= endsOn);
  const raw: Nominal[] = [];
  const t = schedule.timing;
  switch (t.kind) {
    case 'monthly': {
      const first = maxOf(t.fromMonth ?? startsOn.slice(0, 7), startsOn.slice(0, 7));
      const last = minOf(t.toMonth ?? horizon.slice(0, 7), horizon.slice(0, 7));
      for (let m = first; m <= last; m = nextMonth(m)) {
        const [year, month] = m.split('-').map(Number);
        const length = daysInMonth(year, month);
        let day: number;
        let clampedFrom: number | undefined;
        if (t.dueDay === 'last') {
          day = length;
        } else if (t.dueDay > length) {
          if (t.shortMonth !== 'lastDayOfMonth') {
            throw new ScheduleError(
              `Schedule ${schedule.id}: ${m} has no day ${t.dueDay} and the schedule does not say shortMonth: lastDayOfMonth`,
            );
          }
          day = length;
          clampedFrom = t.dueDay;
        } else {
          day = t.dueDay;
        }
        const nominalDate = civilDate(year, month, day);
        if (nominalDate < startsOn) continue; // due before the campaign started
        raw.push({
          scheduleId: schedule.id,
          key: m,
          period: {
            from: maxOf(`${m}-01`, startsOn),
            to: endsOn === null ? lastDayOfMonth(year, month) : minOf(lastDayOfMonth(year, month), endsOn),
          },
          nominalDate,
          ...(clampedFrom === undefined ? {} : { clampedFrom }),
        });
      }
      break;
    }
    case 'oneOff':
      for (const d of [...new Set(t.dates)].sort()) {
        if (inCampaign(d)) raw.push({ scheduleId: schedule.id, key: d, period: null, nominalDate: d });
      }
      break;
    case 'annual': {
      const firstYear = Math.max(t.fromYear ?? 0, Number(startsOn.slice(0, 4)));
      const lastYear = Math.min(t.toYear ?? 9999, Number(horizon.slice(0, 4)));
      for (let y = firstYear; y <= lastYear; y++) {
        if (t.day > daysInMonth(y, t.month)) {
          throw new ScheduleError(`Schedule ${schedule.id}: ${y}-${t.month} has no day ${t.day}`);
        }
        const d = civilDate(y, t.month, t.day);
        if (!inCampaign(d)) continue;
        raw.push({
          scheduleId: schedule.id,
          key: String(y),
          period: { from: maxOf(`${y}-01-01`, startsOn), to: minOf(`${y}-12-31`, endsOn ?? `${y}-12-31`) },
          nominalDate: d,
        });
      }
      break;
    }
    case 'final': {
      let d: CivilDate | undefined;
      if (t.date !== undefined) d = t.date;
      else if (t.daysAfterEnd !== undefined && endsOn !== null) d = addDays(endsOn, t.daysAfterEnd);
      if (d !== undefined && d >= startsOn) {
        raw.push({
          scheduleId: schedule.id,
          key: 'final',
          period: { from: startsOn, to: endsOn ?? d },
          nominalDate: d,
        });
      }
      break;
    }
    default: {
      const unknown: never = t;
      throw new ScheduleError(`Unknown schedule timing ${JSON.stringify(unknown)}`);
    }
  }
  return raw
    .filter((o) => options.until === undefined || o.nominalDate <= options.until)
    .map((o) => finish(o, schedule, startsOn, calendar));
}

/** All occurrences of all schedules of a campaign, by due instant (then schedule id). */
export function campaignOccurrences(
  schedules: readonly ReportSchedule[],
  range: CampaignRange,
  calendar: WorkCalendar,
  options: OccurrenceOptions = {},
): ReportOccurrence[] {
  return schedules
    .flatMap((s) => reportOccurrences(s, range, calendar, options))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.scheduleId.localeCompare(b.scheduleId));
}

export type OccurrenceStatus = 'scheduled' | 'open' | 'overdue' | 'submitted' | 'submittedLate';

/** Where a unit stands on one occurrence at `at`: not open yet, open, overdue, submitted (on time or late). */
export function occurrenceStatus(
  occurrence: Pick<ReportOccurrence, 'opensAt' | 'dueAt'>,
  at: Date,
  submittedAt?: Date | null,
): OccurrenceStatus {
  if (submittedAt) return submittedAt.getTime() <= occurrence.dueAt.getTime() ? 'submitted' : 'submittedLate';
  if (at.getTime() < occurrence.opensAt.getTime()) return 'scheduled';
  return at.getTime() <= occurrence.dueAt.getTime() ? 'open' : 'overdue';
}

/** The day a report task opens: `lead` before `dueDate`, never before the campaign starts. */
export function openingDay(
  dueDate: CivilDate,
  lead: LeadTime,
  startsOn: CivilDate,
  calendar: WorkCalendar,
): CivilDate {
  const day =
    lead.unit === 'naturalDays'
      ? addDays(dueDate, -lead.amount)
      : calendar.addWorkingDays(dueDate, -lead.amount);
  return maxOf(day, startsOn);
}

function finish(
  o: Nominal,
  schedule: ReportSchedule,
  startsOn: CivilDate,
  calendar: WorkCalendar,
): ReportOccurrence {
  const info = calendar.dayInfo(o.nominalDate);
  const workingDayDate = info.working ? o.nominalDate : calendar.nextWorkingDay(o.nominalDate);
  let dueDate: CivilDate;
  switch (schedule.dueDatePolicy) {
    case 'keep':
      dueDate = o.nominalDate;
      break;
    case 'rollForward':
      dueDate = workingDayDate;
      break;
    case 'rollBack':
      dueDate = info.working ? o.nominalDate : calendar.previousWorkingDay(o.nominalDate);
      break;
    default: {
      const unknown: never = schedule.dueDatePolicy;
      throw new ScheduleError(`Unknown due-date policy ${String(unknown)}`);
    }
  }
  const opensOn = openingDay(dueDate, schedule.leadTime, startsOn, calendar);
  const holidayName = info.kind === 'holiday' ? calendar.holidayName(o.nominalDate) : undefined;
  return {
    ...o,
    dueDate,
    dueAt: endOfDay(dueDate),
    workingDayDate,
    nonWorkingDay: !info.working,
    ...(holidayName === undefined ? {} : { holidayName }),
    opensOn,
    opensAt: startOfDay(opensOn),
  };
}

const maxOf = (a: string, b: string) => (a > b ? a : b);
const minOf = (a: string, b: string) => (a < b ? a : b);

function nextMonth(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
