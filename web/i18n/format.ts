import { type Mu, muToHa } from "@geo/units.ts";
import { type Lang, translate } from "./lang.ts";

/**
 * Number and area formatting. The API returns unrounded numbers; rounding happens only here.
 * Areas arrive in 亩 (`…Mu`) and are shown in 亩 and hectares (1 ha = 15 亩, from geo/units.ts).
 */

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, fractionDigits: number): Intl.NumberFormat {
  const key = `${lang}|${fractionDigits}`;
  let nf = formatters.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(lang, {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
      useGrouping: true,
    });
    formatters.set(key, nf);
  }
  return nf;
}

/** A number with thousands separators and a fixed number of decimals. */
export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  return numberFormat(lang, fractionDigits).format(value);
}

/** An area in 亩 with thousands separators and one decimal, e.g. `12,345.6 亩` / `12,345.6 mu`. */
export function formatMu(areaMu: number, lang: Lang): string {
  return `${formatNumber(areaMu, lang, 1)} ${translate(lang, "units.mu")}`;
}

/** 亩 → hectares (1 ha = 15 亩). */
export function haFromMu(areaMu: number): number {
  return muToHa(areaMu as Mu);
}

/** An area given in 亩, shown in hectares with two decimals, e.g. `823.04 公顷` / `823.04 ha`. */
export function formatHaFromMu(areaMu: number, lang: Lang): string {
  return `${formatNumber(haFromMu(areaMu), lang, 2)} ${translate(lang, "units.ha")}`;
}

/** Both units: `1,234.5 亩（82.30 公顷）` / `1,234.5 mu (82.30 ha)`. */
export function formatAreaMuHa(areaMu: number, lang: Lang): string {
  return translate(lang, "units.areaMuHa", { mu: formatMu(areaMu, lang), ha: formatHaFromMu(areaMu, lang) });
}

/** A longitude or latitude in degrees with 5 decimals (about 1 m), no grouping. */
export function formatCoordinate(degrees: number): string {
  return degrees.toFixed(5);
}

/** The name in the UI language: `nameEn` in English when present, else the Chinese `name`. */
export function localName(item: { name: string; nameEn?: string | null }, lang: Lang): string {
  return lang === "en" && item.nameEn ? item.nameEn : item.name;
}

/**
 * An indicator value or class break (万元/亩, FAR …) with decimals by magnitude: 0 from 100 up,
 * 1 from 10, else 2 — enough to tell neighbouring class breaks apart without false precision.
 */
export function formatIndicatorValue(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  return formatNumber(value, lang, abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

/** A ratio (1 = 100 %) as a percentage with one decimal, e.g. `48.5%`. */
export function formatPercent(ratio: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ratio);
}

/** The text of a bilingual `{zh, en}` reason in the UI language. */
export function reasonText(reason: { zh: string; en: string }, lang: Lang): string {
  return lang === "en" ? reason.en : reason.zh;
}

/** A length in metres as `850 米` / `12.35 千米` (`m` / `km` in English). */
export function formatDistance(m: number, lang: Lang): string {
  return m < 1000
    ? `${formatNumber(m, lang, 0)} ${translate(lang, "units.m")}`
    : `${formatNumber(m / 1000, lang, 2)} ${translate(lang, "units.km")}`;
}

const API_UNITS: Record<string, "units.wanPerMu" | "units.wanPerHa" | "units.mu" | "units.ha"> = {
  "万元/亩": "units.wanPerMu",
  "万元/公顷": "units.wanPerHa",
  亩: "units.mu",
  公顷: "units.ha",
};

/** A unit as the metrics API names it (万元/亩, 亩 …) in the UI language; unknown units pass through. */
export function unitLabel(unit: string, lang: Lang): string {
  const key = API_UNITS[unit];
  return key ? translate(lang, key) : unit;
}

/** An ISO 8601 instant as a local date and time in `lang` (minutes), e.g. 2026/11/28 09:05. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: "short", timeStyle: "short" }).format(new Date(iso));
}
