import { type Computed, known, nullReason, unknown } from "./computed.ts";
import type { Reason } from "./reason.ts";
import { THRESHOLD_REL_TOL } from "./thresholds.ts";

/** Names one operand of a ratio in both languages, plus the field it comes from, for null reasons. */
export interface OperandLabel extends Reason {
  readonly field?: string;
}

/**
 * The quotient `numerator / denominator`, or null with the reason when it is undefined.
 *
 * The single safe division of geo/: every per-mu, per-ha, per-tce and percentage figure goes
 * through it so that no NaN or Infinity ever reaches JSON.
 * - numerator or denominator null/undefined → `missing_input` (missing statistics are never zero);
 * - NaN or ±Infinity → `non_finite_input`;
 * - denominator 0 → `zero_denominator`; denominator < 0 → `negative_denominator` (areas, energy,
 *   emissions, head counts and benchmarks are never negative);
 * - a negative numerator is allowed (value added and net tax can be negative).
 *
 * Unit: numerator unit ÷ denominator unit; `T` lets the caller brand it (e.g. `WanPerMu`).
 * @see ../shared/domain.md §4 (every indicator is a ratio), issue 3 "Bad input"
 */
export function safeRatio<T extends number = number>(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
  labels: { readonly numerator: OperandLabel; readonly denominator: OperandLabel },
): Computed<T> {
  const n = labels.numerator;
  const d = labels.denominator;
  if (numerator === null || numerator === undefined)
    return unknown(nullReason("missing_input", `缺少${n.zh}`, `${n.en} is missing`, n.field));
  if (denominator === null || denominator === undefined)
    return unknown(nullReason("missing_input", `缺少${d.zh}`, `${d.en} is missing`, d.field));
  if (!Number.isFinite(numerator))
    return unknown(nullReason("non_finite_input", `${n.zh}不是有限数`, `${n.en} is not finite`, n.field));
  if (!Number.isFinite(denominator))
    return unknown(nullReason("non_finite_input", `${d.zh}不是有限数`, `${d.en} is not finite`, d.field));
  if (denominator === 0)
    return unknown(nullReason("zero_denominator", `${d.zh}为 0，无法计算`, `${d.en} is zero`, d.field));
  if (denominator < 0)
    return unknown(nullReason("negative_denominator", `${d.zh}为负数`, `${d.en} is negative`, d.field));
  return known((numerator / denominator) as T);
}

/**
 * True when `value` is strictly below `threshold`, treating values within `THRESHOLD_REL_TOL`
 * (relative) of the threshold as equal to it. Every "below X" rule of geo/ uses it, so "exactly
 * 1/3 developed" and "exactly 25 % invested" are never below, whatever float the database held.
 */
export function isBelow(value: number, threshold: number): boolean {
  return value < threshold - THRESHOLD_REL_TOL * Math.max(Math.abs(threshold), Number.MIN_VALUE);
}

/** True when `value` is strictly above `threshold`, with the same tolerance as `isBelow`. */
export function isAbove(value: number, threshold: number): boolean {
  return value > threshold + THRESHOLD_REL_TOL * Math.max(Math.abs(threshold), Number.MIN_VALUE);
}
