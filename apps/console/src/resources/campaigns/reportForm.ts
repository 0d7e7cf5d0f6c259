import type { CampaignReportStatus, FormUnit, ReportRow } from './types';

/**
 * The dispatch-form fill-in (月度调度表) and the report status chips: pure helpers, mirroring the row
 * checks of the contract's `formValuesSchemaFor` (counts: non-negative integers; 万元: non-negative with
 * at most 4 decimals; 是否: yes/no; every row on submission). Cross-row checks (已完成整改 ≤ 发现) are the
 * server's; its 400 comes back per row.
 */

export type ReportValue = number | boolean | null;
export type ReportValues = Record<string, ReportValue>;

export const AMOUNT_DECIMALS = 4;
const MAX_VALUE = 1_000_000_000;

export type RowValueType = 'count' | 'amount' | 'boolean';
export const rowValueType = (unit: FormUnit): RowValueType =>
  unit === '万元' ? 'amount' : unit === '是否' ? 'boolean' : 'count';

/** What the status chip of a unit's report says: 已报 / 迟报 / 逾期 / 待签发 / 未到期. */
export type ReportChip = 'reported' | 'reportedLate' | 'overdue' | 'inReview' | 'notDue';

export const reportChip = (
  report: { status: CampaignReportStatus; late: boolean; dueAt: string },
  now: number,
): ReportChip => {
  if (report.status === 'submitted') return report.late ? 'reportedLate' : 'reported';
  if (report.status === 'submittedLate') return 'reportedLate';
  const due = Date.parse(report.dueAt);
  if (report.late || (Number.isFinite(due) && due < now)) return 'overdue';
  return report.status === 'review' ? 'inReview' : 'notDue';
};

export const REPORT_CHIP_COLORS: Record<ReportChip, 'success' | 'warning' | 'error' | 'info' | 'default'> = {
  reported: 'success',
  reportedLate: 'warning',
  overdue: 'error',
  inReview: 'info',
  notDue: 'default',
};

/** The text an input shows for a stored value. */
export const formatValue = (value: ReportValue | undefined): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'boolean'
      ? value
        ? 'true'
        : 'false'
      : String(value);

/** What a typed text means: the value, null when empty, or `NaN` when it is not a number. */
export const parseValue = (text: string, unit: FormUnit): ReportValue => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (rowValueType(unit) === 'boolean') return trimmed === 'true' ? true : trimmed === 'false' ? false : null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
};

export interface RowMessage {
  zh: string;
  en: string;
}

/** One row's value against its unit (null is fine for a draft; `complete` requires it). */
export const checkRowValue = (
  row: Pick<ReportRow, 'labelZh' | 'labelEn' | 'unit'>,
  value: ReportValue | undefined,
  complete: boolean,
): RowMessage | null => {
  const type = rowValueType(row.unit);
  if (value === null || value === undefined) {
    if (!complete) return null;
    return type === 'boolean'
      ? { zh: `请选择“${row.labelZh}”（是或否）`, en: `Answer "${row.labelEn}" (yes or no)` }
      : { zh: `请填写“${row.labelZh}”（无则填 0）`, en: `Fill in "${row.labelEn}" (0 if none)` };
  }
  if (type === 'boolean') {
    return typeof value === 'boolean' ? null : { zh: '须为是或否', en: 'Must be yes or no' };
  }
  if (typeof value !== 'number' || Number.isNaN(value)) return { zh: '须为数字', en: 'Must be a number' };
  if (value < 0) return { zh: '不能为负数', en: 'Must not be negative' };
  if (value > MAX_VALUE) return { zh: '数值过大', en: 'Too large' };
  if (type === 'count' && !Number.isInteger(value)) return { zh: '须为整数', en: 'Must be a whole number' };
  if (type === 'amount') {
    const scaled = value * 10 ** AMOUNT_DECIMALS;
    if (Math.abs(scaled - Math.round(scaled)) > 1e-6) {
      return { zh: `最多保留 ${AMOUNT_DECIMALS} 位小数`, en: `At most ${AMOUNT_DECIMALS} decimal places` };
    }
  }
  return null;
};

/** Every row's problem, by row id. */
export const checkReportValues = (
  rows: readonly Pick<ReportRow, 'id' | 'labelZh' | 'labelEn' | 'unit'>[],
  values: ReportValues,
  complete: boolean,
): Record<string, RowMessage> => {
  const out: Record<string, RowMessage> = {};
  for (const row of rows) {
    const problem = checkRowValue(row, values[row.id], complete);
    if (problem) out[row.id] = problem;
  }
  return out;
};

/** Rows that still hold the figure the system pre-filled (sent as `prefilledRows`). */
export const keptPrefilledRows = (
  rows: readonly Pick<ReportRow, 'id' | 'prefilledValue'>[],
  values: ReportValues,
): string[] =>
  rows.filter((r) => r.prefilledValue !== null && values[r.id] === r.prefilledValue).map((r) => r.id);

/** The values the form starts from: what the server holds (which starts as the pre-filled figures). */
export const initialValues = (rows: readonly Pick<ReportRow, 'id' | 'value'>[]): ReportValues =>
  Object.fromEntries(rows.map((r) => [r.id, r.value ?? null]));

/**
 * A 400's field errors (react-admin `body.errors`, dotted paths) → per-row messages. The server reports
 * row problems under `values.<rowId>`; other fields (signature, reportDate) keep their path.
 */
export const splitServerErrors = (
  errors: Record<string, unknown> | undefined,
  rowIds: ReadonlySet<string>,
): { rows: Record<string, string>; fields: Record<string, string> } => {
  const rows: Record<string, string> = {};
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors ?? {})) {
    if (path === 'root' || typeof message !== 'string') continue;
    const rowId = path.startsWith('values.') ? path.slice('values.'.length) : path;
    if (rowIds.has(rowId)) rows[rowId] = message;
    else fields[path] = message;
  }
  return { rows, fields };
};

/** Groups rows by section, keeping the form's order. */
export const rowsBySection = <R extends Pick<ReportRow, 'sectionId'>>(
  rows: readonly R[],
): [string, R[]][] => {
  const sections = new Map<string, R[]>();
  for (const row of rows) {
    const list = sections.get(row.sectionId) ?? [];
    list.push(row);
    sections.set(row.sectionId, list);
  }
  return [...sections.entries()];
};
