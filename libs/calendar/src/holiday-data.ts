import packageTables from 'chinese-days/dist/chinese-days.json';
import type { CalendarCoverage } from './calendar.errors';
import type { CivilDate } from './civil-date';

/**
 * The official State Council holiday arrangements (国务院办公厅 放假安排), as shipped by the
 * `chinese-days` package in its generated JSON. We read the static tables instead of calling the
 * package's functions because those parse dates with the host's local time zone; a lookup built
 * once from plain data is pure and deterministic (and bundles into Temporal workflow code).
 *
 * Each value reads "English name,中文名,statutory day count", e.g. "Spring Festival,春节,4".
 */
interface PackageTables {
  /** Days off within an official holiday period (放假). Weekend days are listed only when the notice lists them. */
  holidays: Record<string, string>;
  /** Weekend days that are worked to make up for a holiday (调休上班 / 补班). */
  workdays: Record<string, string>;
  /** Weekdays given off in exchange for a make-up working day (调休日); a subset of `holidays`. */
  inLieuDays: Record<string, string>;
}

export interface HolidayLabel {
  /** Chinese name, e.g. 春节 */
  zh: string;
  /** English name, e.g. Spring Festival */
  en: string;
}

const tables: PackageTables = packageTables;

function toLookup(table: Record<string, string>): ReadonlyMap<CivilDate, HolidayLabel> {
  const map = new Map<CivilDate, HolidayLabel>();
  for (const [date, value] of Object.entries(table)) {
    // The English name comes first and the count last; split from the end to be safe.
    const parts = value.split(',');
    const zh = parts.length >= 3 ? parts[parts.length - 2] : (parts[1] ?? parts[0]);
    const en = parts.length >= 3 ? parts.slice(0, parts.length - 2).join(',') : parts[0];
    map.set(date, { zh: zh.trim(), en: en.trim() });
  }
  return map;
}

/** Official days off, keyed by civil date. */
export const OFFICIAL_HOLIDAYS: ReadonlyMap<CivilDate, HolidayLabel> = toLookup(tables.holidays);

/** Official make-up working days (weekend days worked), keyed by civil date, labelled with the holiday they serve. */
export const OFFICIAL_MAKEUP_WORKDAYS: ReadonlyMap<CivilDate, HolidayLabel> = toLookup(tables.workdays);

/** Official in-lieu days off (调休日). */
export const OFFICIAL_IN_LIEU_DAYS: ReadonlyMap<CivilDate, HolidayLabel> = toLookup(tables.inLieuDays);

/**
 * Years the package has an arrangement for. A year is covered when the package lists any day of it
 * (every year since 2004 has at least the New Year holiday); a year either is in the table whole or not at all.
 */
export const OFFICIAL_YEARS: ReadonlySet<number> = new Set(
  [...OFFICIAL_HOLIDAYS.keys(), ...OFFICIAL_MAKEUP_WORKDAYS.keys()].map((d) => Number(d.slice(0, 4))),
);

export const OFFICIAL_COVERAGE: CalendarCoverage = {
  firstYear: Math.min(...OFFICIAL_YEARS),
  lastYear: Math.max(...OFFICIAL_YEARS),
};
