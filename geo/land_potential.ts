import type { LandAggregates } from "./aggregate.ts";
import { parseIsoDate } from "./calendar_years.ts";
import { type Computed, isKnown, known, nullReason, unknown } from "./computed.ts";
import { GeoError } from "./errors.ts";
import { safeRatio } from "./ratio.ts";
import type { Reason } from "./reason.ts";
import type { PlotRecord } from "./types.ts";
import { m2ToMu, squareMeters } from "./units.ts";

/**
 * How the annual supply in 尚可供地年数 is measured: the average over the last `windowYears` years
 * (default, 3) or the maximum year of the window (the 5-year-maximum alternative).
 * [configurable default]
 * @see ../shared/domain.md §4 (Potential), §13 item 3
 */
export type SupplyRateBasis = { readonly method: "average" | "max"; readonly windowYears: number };

/** Default: average annual supply over the last 3 years. */
export const DEFAULT_SUPPLY_RATE_BASIS: SupplyRateBasis = { method: "average", windowYears: 3 };

/** Ideal values the structure and intensity potentials measure against. */
export interface PotentialIdeals {
  /** Ideal 工业用地率 T (ratio). */
  readonly industrialLandRate: number;
  /** Ideal 工业用地综合容积率 T (ratio). */
  readonly industrialFar: number;
}

/** TD/T 1029 potentials of a park or zone. Areas in 亩. */
export interface LandPotentials {
  /** 扩展潜力 = E (suppliable land). */
  readonly expansionMu: Computed;
  /** 结构潜力 = A·(T − X) on 工业用地率, 0 when X ≥ T. */
  readonly structureMu: Computed;
  /** 强度潜力 = A2·(T − X)/T on 工业用地综合容积率, 0 when X ≥ T. */
  readonly intensityMu: Computed;
  /** 管理潜力 = D22 + G; D22 (expired, undisposed) is not in the plot register, so = G here. */
  readonly managementMu: Computed;
  /** Annual supply used for the years of supply, 亩/year. */
  readonly annualSupplyMu: Computed;
  /** 尚可供地年数 = E ÷ annual supply, years. */
  readonly yearsOfSupply: Computed;
  readonly notes: readonly Reason[];
}

/**
 * Potentials after TD/T 1029: expansion E; structure A·(T − X); intensity A2·(T − X)/T;
 * management D22 + G; 尚可供地年数 = E ÷ annual supply. Annual supply is the area of plots whose
 * `supplyDate` falls in the `windowYears` calendar years ending with `year` (averaged, or the
 * maximum year). Structure and intensity are clamped at 0 (no negative potential).
 * @see ../shared/domain.md §4 (Potential)
 */
export function landPotentials(
  aggregates: LandAggregates,
  plots: readonly Pick<PlotRecord, "areaM2" | "supplyDate">[],
  year: number,
  ideals: PotentialIdeals,
  basis: SupplyRateBasis = DEFAULT_SUPPLY_RATE_BASIS,
): LandPotentials {
  if (!(Number.isInteger(basis.windowYears) && basis.windowYears >= 1))
    throw new GeoError("basis.windowYears", `must be a positive integer, got ${basis.windowYears}`);
  const perYear = new Map<number, number>();
  for (let y = year - basis.windowYears + 1; y <= year; y++) perYear.set(y, 0);
  for (const p of plots) {
    if (p.supplyDate === null) continue;
    const y = parseIsoDate(p.supplyDate, "supplyDate").year;
    const acc = perYear.get(y);
    if (acc !== undefined) perYear.set(y, acc + m2ToMu(squareMeters(p.areaM2)));
  }
  const supplies = [...perYear.values()];
  const annual =
    basis.method === "average"
      ? supplies.reduce((a, b) => a + b, 0) / basis.windowYears
      : Math.max(...supplies);
  const E = aggregates.suppliableMu;
  const gap = (built: Computed, x: Computed, t: number, divideByT: boolean): Computed => {
    if (!isKnown(built)) return built;
    if (!isKnown(x)) return x;
    const g = Math.max(0, t - x.value) * built.value;
    return known(divideByT ? g / t : g);
  };
  const from = `${year - basis.windowYears + 1}`;
  return {
    expansionMu: E.value === null ? unknown(E.reason) : known(E.value),
    structureMu: gap(aggregates.builtMu, aggregates.industrialLandRate, ideals.industrialLandRate, false),
    intensityMu: gap(aggregates.industrialMu, aggregates.industrialFar, ideals.industrialFar, true),
    managementMu:
      aggregates.idleMu.value === null ? unknown(aggregates.idleMu.reason) : known(aggregates.idleMu.value),
    annualSupplyMu: known(annual),
    yearsOfSupply:
      annual === 0
        ? unknown(
            nullReason(
              "zero_denominator",
              `${from}–${year} 年无供地，无法计算尚可供地年数`,
              `no land supplied in ${from}–${year}: years of supply undefined`,
            ),
          )
        : safeRatio(E.value, annual, {
            numerator: { zh: "尚可供应土地", en: "suppliable land" },
            denominator: { zh: "年均供地面积", en: "annual supply" },
          }),
    notes: [
      {
        zh: "管理潜力未含 D22（到期未处置土地），宗地台账未记录出让年期",
        en: "management potential excludes D22 (expired, undisposed land): supply terms are not in the plot register",
      },
    ],
  };
}
