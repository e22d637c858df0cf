import type { Reason } from "./reason.ts";

/**
 * Why a figure has no value. `code` is stable for programs; `zh`/`en` explain it to people.
 * - `missing_input`: an input is null or absent (no statistics are never read as zero);
 * - `zero_denominator`: the denominator is 0 (e.g. a park with no built land has no FAR);
 * - `negative_denominator`: the denominator is below 0, which no area, energy or head count can be;
 * - `non_finite_input`: an input is NaN or ±Infinity;
 * - `not_applicable`: the figure does not apply to this plot or group.
 */
export type NullReasonCode =
  | "missing_input"
  | "zero_denominator"
  | "negative_denominator"
  | "non_finite_input"
  | "not_applicable";

/** A `Reason` with a machine-readable code and, where one input is to blame, its field name. */
export interface NullReason extends Reason {
  readonly code: NullReasonCode;
  readonly field?: string;
}

/**
 * A computed figure: either a finite number with `reason: null`, or `value: null` with the reason.
 * Serialises to JSON without NaN or Infinity, and keeps the same two keys either way.
 */
export type Computed<T extends number = number> =
  | { readonly value: T; readonly reason: null }
  | { readonly value: null; readonly reason: NullReason };

/** A known value. Non-finite numbers are turned into a `non_finite_input` null. */
export function known<T extends number>(value: T): Computed<T> {
  if (!Number.isFinite(value))
    return unknown(nullReason("non_finite_input", "计算结果不是有限数", "result is not a finite number"));
  return { value, reason: null };
}

/** A null value with its reason. */
export const unknown = (reason: NullReason): Computed<never> => ({ value: null, reason });

/** Builds a `NullReason`. */
export function nullReason(code: NullReasonCode, zh: string, en: string, field?: string): NullReason {
  return field === undefined ? { code, zh, en } : { code, zh, en, field };
}

/** Applies `f` to a known value (e.g. a unit conversion); nulls pass through with their reason. */
export function mapComputed<T extends number, U extends number>(c: Computed<T>, f: (v: T) => U): Computed<U> {
  return isKnown(c) ? known(f(c.value)) : c;
}

/** True when `c` holds a value (type guard). */
export function isKnown<T extends number>(c: Computed<T>): c is { readonly value: T; readonly reason: null } {
  return c.value !== null;
}
