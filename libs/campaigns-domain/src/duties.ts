import { addDays, type CivilDate, dayOfWeek, lastDayOfMonth, parseCivilDate } from '@zhiben/calendar';
import type { DutyPeriod } from '@zhiben/contracts';

/**
 * Compliance of "at least N per period" duties (至少N次, processes.md §0, P-10): occurrences are counted per
 * period and compared with the threshold. Weeks run Monday–Sunday; quarters and half-years are calendar
 * ones; `campaign` is one period over the whole range.
 *
 * Periods cut by the start or end of the range are still checked against the full threshold and marked
 * `partial`, so the dashboard can show them differently.
 */

export interface Period {
  /** `2023-06-12` (day), `W2023-06-12` (week of that Monday), `2023-06`, `2023-Q2`, `2023-H1`, `2023`, `campaign`. */
  key: string;
  from: CivilDate;
  to: CivilDate;
}

/** The period of `period` kind that contains `date` (for `campaign`: the given range). */
export function periodOf(
  date: CivilDate,
  period: DutyPeriod,
  range?: { from: CivilDate; to: CivilDate },
): Period {
  const { year, month } = parseCivilDate(date);
  switch (period) {
    case 'daily':
      return { key: date, from: date, to: date };
    case 'weekly': {
      const monday = addDays(date, -((dayOfWeek(date) + 6) % 7));
      return { key: `W${monday}`, from: monday, to: addDays(monday, 6) };
    }
    case 'monthly':
      return { key: date.slice(0, 7), from: `${date.slice(0, 7)}-01`, to: lastDayOfMonth(year, month) };
    case 'quarterly': {
      const q = Math.floor((month - 1) / 3);
      const first = q * 3 + 1;
      return {
        key: `${year}-Q${q + 1}`,
        from: `${year}-${String(first).padStart(2, '0')}-01`,
        to: lastDayOfMonth(year, first + 2),
      };
    }
    case 'halfYearly':
      return month <= 6
        ? { key: `${year}-H1`, from: `${year}-01-01`, to: `${year}-06-30` }
        : { key: `${year}-H2`, from: `${year}-07-01`, to: `${year}-12-31` };
    case 'yearly':
      return { key: String(year), from: `${year}-01-01`, to: `${year}-12-31` };
    case 'campaign':
      if (!range) throw new RangeError('A campaign-long duty needs the campaign range');
      return { key: 'campaign', from: range.from, to: range.to };
    default: {
      const unknown: never = period;
      throw new RangeError(`Unknown duty period ${String(unknown)}`);
    }
  }
}

export interface DutyRecordRef {
  occurredOn: CivilDate;
  count?: number;
}

export interface DutyPeriodResult extends Period {
  count: number;
  required: number;
  /** `met` once the count reaches the threshold; `short` when the period is over without it; else `open`. */
  status: 'met' | 'short' | 'open';
  /** The period is cut by the start or the end of the range. */
  partial: boolean;
}

/**
 * Period-by-period compliance of one unit's duty over `range`, up to `asOf` (inclusive). Records outside
 * the range are ignored.
 */
export function dutyCompliance(
  rhythm: { period: DutyPeriod; minCount: number },
  records: readonly DutyRecordRef[],
  range: { from: CivilDate; to: CivilDate },
  asOf: CivilDate,
): DutyPeriodResult[] {
  const last = asOf < range.to ? asOf : range.to;
  const counts = new Map<string, number>();
  for (const r of records) {
    if (r.occurredOn < range.from || r.occurredOn > range.to) continue;
    const key = periodOf(r.occurredOn, rhythm.period, range).key;
    counts.set(key, (counts.get(key) ?? 0) + (r.count ?? 1));
  }
  const out: DutyPeriodResult[] = [];
  for (let day = range.from; day <= last;) {
    const p = periodOf(day, rhythm.period, range);
    const from = p.from < range.from ? range.from : p.from;
    const to = p.to > range.to ? range.to : p.to;
    const count = counts.get(p.key) ?? 0;
    out.push({
      key: p.key,
      from,
      to,
      count,
      required: rhythm.minCount,
      status: count >= rhythm.minCount ? 'met' : to < asOf ? 'short' : 'open',
      partial: from !== p.from || to !== p.to,
    });
    day = addDays(to, 1);
  }
  return out;
}
