/** Beijing time has no daylight saving: a fixed +08:00. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as the value of an `<input type="datetime-local">`, on Beijing time. */
export const toShanghaiLocalInput = (iso: string): string => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
};

/** A `datetime-local` value read as Beijing time, as an ISO instant. */
export const fromShanghaiLocalInput = (local: string): string | null => {
  const ms = Date.parse(`${local.length === 16 ? `${local}:00` : local}+08:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

/** Today's civil date (YYYY-MM-DD) in Beijing. */
export const shanghaiToday = (now = Date.now()): string =>
  new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The civil date (YYYY-MM-DD) of an instant, in Beijing. */
export const shanghaiDate = (iso: string): string => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
};
