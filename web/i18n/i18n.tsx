import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { DEFAULT_LANG, isLang, type Lang, type MessageParams, translate } from "./lang.ts";
import type { MessageKey } from "./zh_cn.ts";

/** The localStorage key the chosen UI language persists under. */
export const LANG_STORAGE_KEY = "zoneatlas.lang";

/** What components get from `useI18n()`. */
export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: MessageParams): string;
}

export const I18nContext = createContext<I18n>({
  lang: DEFAULT_LANG,
  setLang: () => undefined,
  t: (key, params) => translate(DEFAULT_LANG, key, params),
});

function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(value) ? value : DEFAULT_LANG;
  } catch (err) {
    // Storage can be disabled (privacy mode); the default language still works.
    console.warn("cannot read the stored UI language", err);
    return DEFAULT_LANG;
  }
}

/** Provides the UI language (persisted in localStorage) and `t()`; keeps `<html lang>` and the title in sync. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch (err) {
      console.warn("cannot persist the UI language", err);
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, "app.documentTitle");
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its setter and `t()`. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
