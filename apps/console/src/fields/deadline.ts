const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Within this much of the deadline a task or hazard counts as "due soon" (amber). */
export const DUE_SOON_MS = 2 * DAY_MS;

export type DeadlineState = 'none' | 'ok' | 'soon' | 'overdue';

export const deadlineState = (dueAt: string | null | undefined, now: number): DeadlineState => {
  if (!dueAt) return 'none';
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return 'none';
  if (due <= now) return 'overdue';
  return due - now <= DUE_SOON_MS ? 'soon' : 'ok';
};

/**
 * A duration as its two largest units ("3 天 4 小时", "2 h 5 min"): precise enough for a deadline,
 * short enough for a chip. `translate` resolves `zhiben.time.{days,hours,minutes}` with `%{n}`.
 */
export const formatSpan = (
  ms: number,
  translate: (key: string, options?: Record<string, unknown>) => string,
): string => {
  const span = Math.abs(ms);
  const days = Math.floor(span / DAY_MS);
  const hours = Math.floor((span % DAY_MS) / HOUR_MS);
  const minutes = Math.max(Math.floor((span % HOUR_MS) / MINUTE_MS), days === 0 && hours === 0 ? 1 : 0);
  const parts: string[] = [];
  if (days > 0) parts.push(translate('zhiben.time.days', { n: days }));
  if (hours > 0) parts.push(translate('zhiben.time.hours', { n: hours }));
  if (days === 0 && minutes > 0) parts.push(translate('zhiben.time.minutes', { n: minutes }));
  return parts.slice(0, 2).join(' ');
};
