import { known, nullReason, unknown } from "./computed.ts";
import { type OperandLabel, safeRatio } from "./ratio.ts";
import type { Reason } from "./reason.ts";

/** How many plots and enterprises stand behind a figure. */
export interface Coverage {
  /** Plots whose data entered the figure. */
  readonly plots: number;
  /** Plots the figure is about (e.g. built industrial plots for 工业用地综合容积率). */
  readonly eligiblePlots: number;
  /** Eligible plots left out for missing data (no statistics, no floor area …), never counted as zero. */
  readonly missingPlots: number;
  /** Distinct enterprises on the plots that entered the figure. */
  readonly enterprises: number;
}

/** A park or zone figure: value (or null with reason) and its data coverage. */
export type Figure = ReturnType<typeof safeRatio> & { readonly coverage: Coverage };

/**
 * The sums a figure is made of. geo/aggregate.ts computes them from plot records; the API's SQL
 * computes the same sums in PostGIS for scale; `figureFromSums` turns either into the figure, so
 * the ratio, null and reason rules have one definition.
 */
export interface FigureSums {
  /** Σ numerator (亩 for areas and rates; floor area m², 万元 … for intensities). */
  readonly numerator: number;
  /** Σ denominator (亩 or m²); 0 for area figures. */
  readonly denominator: number;
  /** Plots whose data entered the figure. */
  readonly plots: number;
  readonly eligiblePlots: number;
  readonly enterprises: number;
}

/**
 * `area`: Σ 亩 of a class. `rate`: Σ 亩 ÷ Σ 亩. `intensity`: Σ part ÷ Σ denominator over the eligible
 * plots that have the part, × `scale`; null with `missing_input` when no eligible plot has it.
 */
export type FigureSpec =
  | { readonly kind: "area" }
  | { readonly kind: "rate"; readonly numerator: OperandLabel; readonly denominator: OperandLabel }
  | {
      readonly kind: "intensity";
      readonly numerator: OperandLabel;
      readonly denominator: OperandLabel;
      readonly scale: number;
    };

/** The figure of `spec` from its sums. */
export function figureFromSums(spec: FigureSpec, s: FigureSums): Figure {
  const coverage: Coverage = {
    plots: s.plots,
    eligiblePlots: s.eligiblePlots,
    missingPlots: s.eligiblePlots - s.plots,
    enterprises: s.enterprises,
  };
  if (spec.kind === "area") return { ...known(s.numerator), coverage };
  const labels = { numerator: spec.numerator, denominator: spec.denominator };
  if (spec.kind === "rate") return { ...safeRatio(s.numerator, s.denominator, labels), coverage };
  if (s.eligiblePlots > 0 && s.plots === 0) {
    const why: Reason = {
      zh: `全部 ${s.eligiblePlots} 宗地缺少${spec.numerator.zh}`,
      en: `${spec.numerator.en} missing on all ${s.eligiblePlots} plots`,
    };
    return { ...unknown(nullReason("missing_input", why.zh, why.en)), coverage };
  }
  const r = safeRatio(s.numerator, s.denominator, labels);
  return { ...(r.value === null ? r : known(r.value * spec.scale)), coverage };
}
