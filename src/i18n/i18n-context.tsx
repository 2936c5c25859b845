import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { readSetting, writeSetting } from '../state/site-storage';
import { format, LANGUAGES, MESSAGES, type Language, type MessageKey } from './messages';

/** Translates a key with optional `{name}` parameters. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The language in use, a setter that persists it, and the translate function. */
export interface I18nValue {
  lang: Language;
  setLang: (lang: Language) => void;
  t: Translate;
  /** Formats a number with the language's digit grouping. */
  num: (n: number, fractionDigits?: number) => string;
}

const STORAGE_KEY = 'digit-lab.lang';

/**
 * One Intl.NumberFormat per language and digit count: `toLocaleString` with options builds a new
 * formatter on every call (~1 ms each in a profile of the Train panel, which formats on every
 * metrics update).
 */
function formatterFor(lang: Language): (n: number, fractionDigits?: number) => string {
  const formats = new Map<number | undefined, Intl.NumberFormat>();
  return (n, fractionDigits) => {
    let f = formats.get(fractionDigits);
    if (!f) {
      f = new Intl.NumberFormat(lang, {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      });
      formats.set(fractionDigits, f);
    }
    return f.format(n);
  };
}

function initialLanguage(): Language {
  const saved = readSetting(STORAGE_KEY);
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The i18n context; read it with `useI18n`. */
export const I18nContext = createContext<I18nValue | null>(null);

/** Provides the UI language, persisted in localStorage. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const setLang = useCallback((next: Language) => {
    writeSetting(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18nValue>(
    () => ({
      lang,
      setLang,
      t: (key, params) => format(MESSAGES[lang][key], params),
      num: formatterFor(lang),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
