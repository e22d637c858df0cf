import type { PlotStatus } from "@api/schemas/enums.ts";
import type { TileIndicator } from "@api/schemas/tiles.ts";
import { GRADES, type Grade } from "@geo/mu_jun_profiles.ts";
import type { ExpressionSpecification } from "maplibre-gl";
import {
  type ClassMethod,
  classCounts,
  equalIntervalBreaks,
  finiteSorted,
  quantileBreaks,
} from "../class_breaks.ts";
import {
  GRADE_COLORS,
  NO_DATA_COLOR,
  PLOT_STATUS_COLORS,
  PLOT_STATUS_ORDER,
  SEQUENTIAL_COLORS,
} from "./palette.ts";

/** What plots can be coloured by. */
export const PLOT_INDICATORS = ["outputPerMuWan", "taxPerMuWan", "far", "grade", "status"] as const;
export type PlotIndicator = (typeof PLOT_INDICATORS)[number];

/** Indicators with numeric values, carried in plot tiles as `value` (`indicator=` in the tile URL). */
export const NUMERIC_INDICATORS = [
  "outputPerMuWan",
  "taxPerMuWan",
  "far",
] as const satisfies readonly TileIndicator[];
export type NumericIndicator = (typeof NUMERIC_INDICATORS)[number];

export const isNumericIndicator = (i: PlotIndicator): i is NumericIndicator =>
  (NUMERIC_INDICATORS as readonly string[]).includes(i);

/** Default classes of a numeric indicator. */
export const CLASS_COUNT = SEQUENTIAL_COLORS.length;

/** The tile `indicator=` for a choice: the numeric indicator itself, else the server's default. */
export function tileIndicatorOf(indicator: PlotIndicator): TileIndicator {
  return isNumericIndicator(indicator) ? indicator : "outputPerMuWan";
}

/** One plot's values as the classification reads them (the `GET /api/plots` list properties). */
export interface PlotValues {
  status: PlotStatus;
  grade: Grade | null;
  outputPerMuWan: number | null;
  taxPerMuWan: number | null;
  far: number | null;
}

/** How plots are coloured right now: plain data for the legend and the map's paint expression. */
export type PlotClassification =
  | {
      kind: "numeric";
      indicator: NumericIndicator;
      method: ClassMethod;
      /** Interior thresholds, strictly ascending; `colors.length === breaks.length + 1`. */
      breaks: number[];
      colors: string[];
      /** Smallest and largest value among the plots (null without any value). */
      min: number | null;
      max: number | null;
      counts: number[];
      noData: number;
    }
  | {
      kind: "categorical";
      indicator: "grade" | "status";
      categories: Array<{ value: string; color: string; count: number }>;
      noData: number;
    };

/** `n` colours spread evenly over the sequential ramp (its ends included when n ≥ 2). */
export function rampColors(n: number): string[] {
  const last = SEQUENTIAL_COLORS.length - 1;
  if (n <= 1) return [SEQUENTIAL_COLORS[Math.floor(last / 2)] as string];
  return Array.from({ length: n }, (_, i) => SEQUENTIAL_COLORS[Math.round((i * last) / (n - 1))] as string);
}

/** Breaks for `method`; `manual` uses `manualBreaks` as given (already validated). */
export function breaksFor(method: ClassMethod, values: readonly (number | null)[], manualBreaks: number[]) {
  if (method === "manual") return manualBreaks;
  return method === "quantile"
    ? quantileBreaks(values, CLASS_COUNT)
    : equalIntervalBreaks(values, CLASS_COUNT);
}

/** Classifies `plots` by `indicator`: breaks, colours and counts for numbers, categories for grade and status. */
export function classifyPlots(
  plots: readonly PlotValues[],
  indicator: PlotIndicator,
  method: ClassMethod,
  manualBreaks: number[],
): PlotClassification {
  if (indicator === "status") {
    return {
      kind: "categorical",
      indicator,
      categories: PLOT_STATUS_ORDER.map((s) => ({
        value: s,
        color: PLOT_STATUS_COLORS[s],
        count: plots.filter((p) => p.status === s).length,
      })),
      noData: 0,
    };
  }
  if (indicator === "grade") {
    return {
      kind: "categorical",
      indicator,
      categories: GRADES.map((g) => ({
        value: g,
        color: GRADE_COLORS[g],
        count: plots.filter((p) => p.grade === g).length,
      })),
      noData: plots.filter((p) => p.grade === null).length,
    };
  }
  const values = plots.map((p) => p[indicator]);
  const breaks = breaksFor(method, values, manualBreaks);
  const sorted = finiteSorted(values);
  const { counts, noData } = classCounts(values, breaks);
  return {
    kind: "numeric",
    indicator,
    method,
    breaks,
    colors: rampColors(breaks.length + 1),
    min: sorted[0] ?? null,
    max: sorted[sorted.length - 1] ?? null,
    counts,
    noData,
  };
}

/**
 * The plot fill colour for a classification, reading only properties tiles carry at every zoom
 * (`value`, `grade`, `status`). Missing values (MVT leaves nulls out) get the no-data colour.
 * `null` (nothing classified yet) paints every plot as no data.
 */
export function plotFillColor(c: PlotClassification | null): ExpressionSpecification | string {
  if (c === null) return NO_DATA_COLOR;
  if (c.kind === "categorical") {
    const key = c.indicator === "grade" ? "grade" : "status";
    const pairs = c.categories.flatMap((cat) => [cat.value, cat.color]);
    return ["match", ["get", key], ...pairs, NO_DATA_COLOR] as unknown as ExpressionSpecification;
  }
  const value: ExpressionSpecification = ["get", "value"];
  const [first, ...rest] = c.colors;
  const stepped: ExpressionSpecification | string =
    c.breaks.length === 0
      ? (first ?? NO_DATA_COLOR)
      : (["step", value, first, ...c.breaks.flatMap((b, i) => [b, rest[i]])] as ExpressionSpecification);
  return ["case", ["==", ["typeof", value], "number"], stepped, NO_DATA_COLOR];
}
