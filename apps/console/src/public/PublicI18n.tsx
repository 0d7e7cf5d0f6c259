import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { LOCALES, currentLocale, i18nProvider, type ConsoleLocale } from '../providers/i18nProvider';

/**
 * The public pages run outside react-admin (no login, no admin contexts): the console's one i18n
 * provider translates, and the language choice is shared with the console (same storage key).
 */
export interface PublicI18n {
  locale: ConsoleLocale;
  translate: (key: string, options?: Record<string, unknown>) => string;
  setLocale: (locale: ConsoleLocale) => void;
  /** An instant as Beijing date and time in the page's language. */
  formatDate: (iso: string | null | undefined, withTime?: boolean) => string;
  /** A whole-yuan amount with digit grouping. */
  formatYuan: (amount: number) => string;
  bilingual: (zh: string | null | undefined, en: string | null | undefined) => string;
}

const Context = createContext<PublicI18n | null>(null);

export const PublicI18nProvider = ({ children }: { children: ReactNode }) => {
  const [locale, setLocaleState] = useState<ConsoleLocale>(currentLocale);
  const setLocale = useCallback((next: ConsoleLocale) => {
    if (!(LOCALES as readonly string[]).includes(next)) return;
    void Promise.resolve(i18nProvider.changeLocale(next)).then(() => setLocaleState(next));
  }, []);
  const value = useMemo<PublicI18n>(() => {
    const dateFormat = new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    return {
      locale,
      // `locale` in the deps: a language change re-renders every page with the new messages.
      translate: (key, options) => i18nProvider.translate(key, { _: key, ...options }),
      setLocale,
      formatDate: (iso, withTime = false) => {
        if (!iso) return '—';
        const ms = Date.parse(iso);
        if (Number.isNaN(ms)) return '—';
        return (withTime ? dateTimeFormat : dateFormat).format(ms);
      },
      formatYuan: (amount) => amount.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN'),
      bilingual: (zh, en) => (locale === 'en' ? (en ?? zh) : (zh ?? en)) ?? '',
    };
  }, [locale, setLocale]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
};

export const usePublicI18n = (): PublicI18n => {
  const value = useContext(Context);
  if (!value) throw new Error('usePublicI18n outside PublicI18nProvider');
  return value;
};
