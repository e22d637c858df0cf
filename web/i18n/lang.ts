import { en } from "./en.ts";
import { type MessageKey, zhCN } from "./zh_cn.ts";

/** UI languages; also sent as `Accept-Language` so API error messages match the UI. */
export const LANGS = ["zh-CN", "en"] as const;
export type Lang = (typeof LANGS)[number];
/** zh-CN is the default language and the source of keys. */
export const DEFAULT_LANG: Lang = "zh-CN";

/** Every dictionary, by language. */
export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

/** Values for `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** Looks `key` up in `lang`'s dictionary and fills `{name}` placeholders from `params`. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = DICTIONARIES[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Narrows an arbitrary string (e.g. from localStorage) to a supported language. */
export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}
