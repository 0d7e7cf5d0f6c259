import { useCallback } from 'react';
import { useLocale, useTranslate } from 'react-admin';

/**
 * Formats instants in the UI language on Beijing time: deadlines in Zhiben are calendar days in
 * Asia/Shanghai wherever the viewer sits. Empty values read "—".
 */
export const useDateFormat = () => {
  const locale = useLocale();
  return useCallback(
    (iso: string | null | undefined, withTime = false): string => {
      if (!iso) return '—';
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return date.toLocaleString(locale, {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
      });
    },
    [locale],
  );
};

/** Unknown codes (a new task type or status from the engine) fall back to the code itself. */
export const useCodeLabel = () => {
  const translate = useTranslate();
  return useCallback(
    (prefix: string, code: string | null | undefined): string =>
      code ? translate(`${prefix}.${code}`, { _: code }) : '—',
    [translate],
  );
};

/** Picks the label in the UI language from a bilingual pair sent by the server. */
export const useBilingual = () => {
  const locale = useLocale();
  return useCallback(
    (zh: string | null | undefined, en: string | null | undefined): string =>
      (locale === 'en' ? (en ?? zh) : (zh ?? en)) ?? '',
    [locale],
  );
};
