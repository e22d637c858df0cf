/**
 * Bilingual explanations attached to every finding (idle land, low efficiency, null values), and
 * the number formatting used inside those sentences.
 *
 * Numbers in API fields stay unrounded (CONVENTIONS §4); only the *text* of a reason rounds, so a
 * reader sees "0.42" rather than "0.41999999999999998".
 * @see ../shared/CONVENTIONS.md §4, §7
 */

/** One explanation in Chinese (zh-CN, the default locale) and English. */
export interface Reason {
  readonly zh: string;
  readonly en: string;
}

/** Builds a `Reason`. */
export const reason = (zh: string, en: string): Reason => ({ zh, en });

/**
 * A number for reason text: at most `maxDecimals` decimals, trailing zeros dropped, no exponent
 * for the magnitudes land metrics produce. Non-finite input is a programmer error upstream, shown
 * as-is rather than hidden.
 */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = n.toFixed(maxDecimals);
  const trimmed = fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
  return trimmed === "-0" ? "0" : trimmed;
}

/** A ratio (1 = 100 %) as a percentage for reason text, e.g. `formatPercent(1/3)` → `"33.33 %"`. */
export function formatPercent(ratio: number, maxDecimals = 2): string {
  return `${formatNumber(ratio * 100, maxDecimals)} %`;
}
