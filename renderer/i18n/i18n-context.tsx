import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../../shared/api-client';
import type { Locale, Message } from '../../shared/contract';
import { errorMessage, translate, type MessageParams } from '../../shared/i18n/catalog';
import type { UiKey } from '../../shared/i18n/ui-key';

// Every visible string of the page comes through here, keyed by the French catalog, so a
// missing or misspelt key is a type error rather than a blank on screen.
export type { UiKey };

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: UiKey, params?: MessageParams): string;
  // A message the services built (a catalog key and its params), e.g. an import warning.
  message(message: Message): string;
  // Whatever a call threw, as a sentence: the API's error code, never a stack trace.
  errorText(error: unknown): string;
  formatNumber(value: number): string;
  formatDateTime(iso: string): string;
  formatSize(bytes: number): string;
}

const storageKey = 'atelier.locale';
const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'fr';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.name');
  }, [locale]);

  const value = useMemo<I18n>(() => {
    const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
    const numbers = new Intl.NumberFormat(tag);
    const dates = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
    const sizes = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
    return {
      locale,
      setLocale(next) {
        localStorage.setItem(storageKey, next);
        setLocaleState(next);
      },
      t: (key, params) => translate(locale, key, params),
      message: (m) => translate(locale, m.code, m.params),
      errorText: (error) =>
        errorMessage(locale, error instanceof ApiError ? error.error : { code: 'api.internal', params: {} }),
      formatNumber: (n) => numbers.format(n),
      formatDateTime: (iso) => dates.format(new Date(iso)),
      formatSize(bytes) {
        const units = locale === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
        let value = bytes;
        let unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
          value /= 1000;
          unit++;
        }
        return `${sizes.format(value)} ${units[unit]}`;
      },
    };
  }, [locale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
