import { GeoError } from "./errors.ts";

/**
 * Splitting money between parties so that the parts always sum to the whole: cross-park referral
 * credits (Wenshan rule) and enclave benefit sharing (Lincang rule).
 *
 * Money is split in whole **yuan** (1 万元 = 10,000 元): the total is rounded to the yuan once, each
 * party's exact share `total × ratio` is floored, and the yuan left over go one by one to the parties
 * with the largest fractional remainders (largest-remainder / Hamilton method; ties go to the earlier
 * party). So Σ parts = total exactly, in integers, and no part is more than 1 元 from its exact share.
 * @see ../shared/domain.md §2 (Wenshan cross-park referral; Lincang 一核四园 sharing by input ratio)
 */

/** 元 per 万元. */
export const YUAN_PER_WAN = 10_000;

/** 万元 → whole 元 (rounded half away from zero). */
export const wanToYuan = (wan: number): number => Math.sign(wan) * Math.round(Math.abs(wan) * YUAN_PER_WAN);

/** Whole 元 → 万元. */
export const yuanToWan = (yuan: number): number => yuan / YUAN_PER_WAN;

/**
 * Apportions `totalYuan` (a non-negative safe integer) by `ratios` (non-negative, summing to 1 within
 * 1e-9) with the largest-remainder method. Returns integers, one per ratio, that sum to `totalYuan`.
 * Unit: 元 in, 元 out.
 * @throws GeoError when the total is not a non-negative safe integer, or the ratios are empty,
 *   negative or do not sum to 1
 */
export function apportionYuan(totalYuan: number, ratios: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalYuan) || totalYuan < 0)
    throw new GeoError("totalYuan", "must be a non-negative safe integer");
  if (ratios.length === 0) throw new GeoError("ratios", "must not be empty");
  if (ratios.some((r) => !Number.isFinite(r) || r < 0))
    throw new GeoError("ratios", "must be finite and non-negative");
  const sum = ratios.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9) throw new GeoError("ratios", `must sum to 1 (got ${sum})`);
  // Normalised, so a sum of 1 ± 1e-9 cannot move a large total by whole yuan.
  const exact = ratios.map((r) => (totalYuan * r) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = totalYuan - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rem: x - Math.floor(x) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  // left ≤ number of parties (each floor loses < 1 元); the loop also absorbs float dust either way.
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const target = order[k];
    if (target) parts[target.i] = (parts[target.i] ?? 0) + 1;
  }
  for (let k = order.length - 1; left < 0; k = (k - 1 + order.length) % order.length) {
    const target = order[k];
    if (target && (parts[target.i] ?? 0) > 0) {
      parts[target.i] = (parts[target.i] ?? 0) - 1;
      left++;
    }
  }
  return parts;
}

/** One party's credited part of a split sum. */
export interface CreditPart {
  /** The agreed ratio of this party, 0..1. */
  readonly shareRatio: number;
  /** Credited amount in whole 元 (the reconciled integer). */
  readonly creditedYuan: number;
  /** The same in 万元 (`creditedYuan / 10000`). */
  readonly creditedWan: number;
}

/**
 * Splits `totalWan` (万元, any sign) between parties by `ratios`; the parts are whole 元 summing
 * exactly to the total rounded to the yuan (`totalYuan`).
 */
export function splitWan(
  totalWan: number,
  ratios: readonly number[],
): { totalYuan: number; parts: CreditPart[] } {
  if (!Number.isFinite(totalWan)) throw new GeoError("totalWan", "must be finite");
  const totalYuan = wanToYuan(totalWan);
  // A negative total (e.g. a net tax refund) is split as its magnitude, every part keeping the sign.
  const sign = totalYuan < 0 ? -1 : 1;
  const yuan = apportionYuan(Math.abs(totalYuan), ratios).map((y) => sign * y + 0);
  return {
    totalYuan,
    parts: yuan.map((y, i) => ({ shareRatio: ratios[i] ?? 0, creditedYuan: y, creditedWan: yuanToWan(y) })),
  };
}
