import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { enMessages } from '../i18n/en';
import { zhCNMessages } from '../i18n/zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type ConsoleLocale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: ConsoleLocale = 'zh-CN';

/**
 * The language choice lives under its own key rather than in react-admin's store, because react-admin
 * clears its store on logout and the next login page should still speak the user's language.
 */
const LOCALE_STORAGE_KEY = 'zhiben.locale';

const isConsoleLocale = (value: unknown): value is ConsoleLocale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

const readStoredLocale = (): ConsoleLocale => {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isConsoleLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
};

const persistLocale = (locale: ConsoleLocale): void => {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  document.documentElement.lang = locale;
};

const messagesFor = (locale: string): TranslationMessages =>
  (locale === 'en' ? enMessages : zhCNMessages) as TranslationMessages;

const createI18nProvider = (): I18nProvider => {
  const initialLocale = readStoredLocale();
  document.documentElement.lang = initialLocale;
  const polyglot = polyglotI18nProvider(
    messagesFor,
    initialLocale,
    [
      { locale: 'zh-CN', name: '中文' },
      { locale: 'en', name: 'English' },
    ],
    // Server messages (already localised) are passed through notify() verbatim: show them as they are.
    { allowMissing: true },
  );
  return {
    ...polyglot,
    changeLocale: async (locale: string, options?: unknown) => {
      const next = isConsoleLocale(locale) ? locale : DEFAULT_LOCALE;
      await polyglot.changeLocale(next, options);
      persistLocale(next);
    },
  };
};

/** One instance for the whole app: the data provider reads the current locale to localise errors. */
export const i18nProvider = createI18nProvider();

export const currentLocale = (): ConsoleLocale => {
  const locale = i18nProvider.getLocale();
  return isConsoleLocale(locale) ? locale : DEFAULT_LOCALE;
};
