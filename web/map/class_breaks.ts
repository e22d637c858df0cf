/**
 * Class breaks for a choropleth: pure functions, no maplibre, no DOM.
 *
 * Breaks are the interior thresholds between classes, strictly ascending: `k` classes need `k − 1` breaks,
 * and a value `v` falls in class `i` = the number of breaks ≤ v (so a break value opens the next class,
 * as maplibre's `step` expression does). Ties can leave fewer distinct breaks than asked, hence fewer
 * classes: the caller colours `breaks.length + 1` classes.
 */

/** How the breaks are chosen. */
export const CLASS_METHODS = ["quantile", "equalInterval", "manual"] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

/** The finite values of `values`, ascending (nulls, NaN and ±Infinity are "no data", left out). */
export function finiteSorted(values: Iterable<number | null | undefined>): number[] {
  const out: number[] = [];
  for (const v of values) if (typeof v === "number" && Number.isFinite(v)) out.push(v);
  return out.sort((a, b) => a - b);
}

/** Strictly ascending copy of ascending `xs` (duplicates dropped). */
function distinct(xs: readonly number[]): number[] {
  const out: number[] = [];
  for (const x of xs) if (out.length === 0 || x > (out[out.length - 1] as number)) out.push(x);
  return out;
}

/**
 * The `p`-quantile of ascending `sorted` by linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R and NumPy).
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of an empty list");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be within [0, 1], got ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/**
 * Quantile breaks: thresholds at the i/k quantiles (i = 1 … k−1), so each class holds about n/k values.
 * A threshold equal to the minimum would open an empty first class and is dropped, as are duplicates.
 */
export function quantileBreaks(values: Iterable<number | null | undefined>, k: number): number[] {
  checkClassCount(k);
  const sorted = finiteSorted(values);
  if (sorted.length === 0) return [];
  const min = sorted[0] as number;
  const qs: number[] = [];
  for (let i = 1; i < k; i++) qs.push(quantile(sorted, i / k));
  return distinct(qs).filter((q) => q > min);
}

/** Equal-interval breaks: k classes of equal width between the minimum and the maximum. */
export function equalIntervalBreaks(values: Iterable<number | null | undefined>, k: number): number[] {
  checkClassCount(k);
  const sorted = finiteSorted(values);
  if (sorted.length === 0) return [];
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  if (max === min) return [];
  const width = (max - min) / k;
  const out: number[] = [];
  for (let i = 1; i < k; i++) out.push(min + i * width);
  return distinct(out);
}

function checkClassCount(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`class count must be a positive integer, got ${k}`);
}

/** Why a manual break list was refused. */
export type ManualBreaksIssue = "empty" | "notANumber" | "notAscending" | "tooMany";

/**
 * Parses manual breaks typed by a person: numbers separated by commas (`,` or `，`), semicolons or
 * spaces, strictly ascending, at most `maxBreaks` of them.
 */
export function parseManualBreaks(
  text: string,
  maxBreaks: number,
): { ok: true; breaks: number[] } | { ok: false; issue: ManualBreaksIssue } {
  const parts = text
    .split(/[,，;；\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (parts.length === 0) return { ok: false, issue: "empty" };
  if (parts.length > maxBreaks) return { ok: false, issue: "tooMany" };
  const breaks = parts.map(Number);
  if (breaks.some((b) => !Number.isFinite(b))) return { ok: false, issue: "notANumber" };
  for (let i = 1; i < breaks.length; i++) {
    if ((breaks[i] as number) <= (breaks[i - 1] as number)) return { ok: false, issue: "notAscending" };
  }
  return { ok: true, breaks };
}

/** The class of `value` under ascending `breaks`: the number of breaks ≤ value (0 … breaks.length). */
export function classIndex(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= (breaks[i] as number)) i++;
  return i;
}

/** How many values fall in each class, plus the count of values without data (null or not finite). */
export function classCounts(
  values: Iterable<number | null | undefined>,
  breaks: readonly number[],
): { counts: number[]; noData: number } {
  const counts = new Array<number>(breaks.length + 1).fill(0);
  let noData = 0;
  for (const v of values) {
    if (typeof v === "number" && Number.isFinite(v)) {
      const i = classIndex(v, breaks);
      counts[i] = (counts[i] ?? 0) + 1;
    } else noData++;
  }
  return { counts, noData };
}

/**
 * Breaks rounded for a person to read and edit: the fewest significant digits (from `minDigits`) that keep
 * them strictly ascending; the exact values when no rounding up to 15 digits does.
 */
export function roundedBreaks(breaks: readonly number[], minDigits = 3): number[] {
  for (let digits = minDigits; digits <= 15; digits++) {
    const out = breaks.map((b) => Number(b.toPrecision(digits)));
    if (out.every((b, i) => i === 0 || b > (out[i - 1] as number))) return out;
  }
  return [...breaks];
}
