import { type Computed, nullReason, unknown } from "./computed.ts";
import { GeoError } from "./errors.ts";
import { type OperandLabel, safeRatio } from "./ratio.ts";
import type { AnnualStats } from "./types.ts";
import { m2ToMu, squareMeters, type WanPerMu } from "./units.ts";

/**
 * Economic indicators of a land user for one year: the per-亩 and per-resource ratios used by plot
 * indicators, 亩均 evaluation and low-efficiency rules. One definition each; every one is
 * null-with-reason when an input is missing or a denominator is zero.
 *
 * | key | formula | unit |
 * |---|---|---|
 * | outputPerMuWan | 工业总产值 ÷ land | 万元/亩 |
 * | valueAddedPerMuWan | 增加值 ÷ land (亩均增加值) | 万元/亩 |
 * | taxPerMuWan | 税收 ÷ land (亩均税收, 单位用地税收) | 万元/亩 |
 * | revenuePerMuWan | 营业收入 ÷ land | 万元/亩 |
 * | valueAddedPerTceWan | 增加值 ÷ energy (单位能耗增加值) | 万元/tce |
 * | valueAddedPerTonneWan | 增加值 ÷ emissions (单位排放增加值) | 万元/t |
 * | valueAddedPerEmployeeWan | 增加值 ÷ staff (全员劳动生产率) | 万元/person |
 * | rndIntensityRatio | R&D ÷ 营业收入 (R&D 占比, 研发投入强度) | ratio |
 * | taxPerKwhYuan | 税收 × 10⁴ ÷ electricity (单位电耗税收) | 元/kWh |
 * | revenuePerTceWan | 营业收入 ÷ energy (单位能耗销售收入) | 万元/tce |
 * | revenuePerTonneWan | 营业收入 ÷ emissions (单位排放销售收入) | 万元/t |
 * @see ../shared/domain.md §8 (亩均 indicators), §4 (效益)
 */
export interface EconomicIndicators {
  readonly outputPerMuWan: Computed<WanPerMu>;
  readonly valueAddedPerMuWan: Computed<WanPerMu>;
  readonly taxPerMuWan: Computed<WanPerMu>;
  readonly revenuePerMuWan: Computed<WanPerMu>;
  readonly valueAddedPerTceWan: Computed;
  readonly valueAddedPerTonneWan: Computed;
  readonly valueAddedPerEmployeeWan: Computed;
  readonly rndIntensityRatio: Computed;
  readonly taxPerKwhYuan: Computed;
  readonly revenuePerTceWan: Computed;
  readonly revenuePerTonneWan: Computed;
}

/** Keys of `EconomicIndicators`, in table order. */
export const ECONOMIC_INDICATOR_KEYS = [
  "outputPerMuWan",
  "valueAddedPerMuWan",
  "taxPerMuWan",
  "revenuePerMuWan",
  "valueAddedPerTceWan",
  "valueAddedPerTonneWan",
  "valueAddedPerEmployeeWan",
  "rndIntensityRatio",
  "taxPerKwhYuan",
  "revenuePerTceWan",
  "revenuePerTonneWan",
] as const;
/** One economic indicator key. */
export type EconomicIndicatorKey = (typeof ECONOMIC_INDICATOR_KEYS)[number];

const L = {
  land: { zh: "用地面积（亩）", en: "land area (mu)", field: "areaM2" },
  output: { zh: "工业总产值", en: "output value", field: "outputWan" },
  valueAdded: { zh: "增加值", en: "value added", field: "valueAddedWan" },
  tax: { zh: "税收", en: "tax", field: "taxWan" },
  revenue: { zh: "营业收入", en: "revenue", field: "revenueWan" },
  energy: { zh: "综合能耗", en: "energy use", field: "energyTce" },
  emissions: { zh: "主要污染物排放量", en: "emissions", field: "emissionsT" },
  employees: { zh: "从业人员数", en: "staff", field: "employees" },
  rnd: { zh: "研发投入", en: "R&D spending", field: "rndWan" },
  electricity: { zh: "用电量", en: "electricity use", field: "electricityKwh" },
} as const satisfies Record<string, OperandLabel>;

/** A statistics field that is a number (the numerators and denominators of the indicators). */
export type StatField = (typeof ADDITIVE_STAT_FIELDS)[number];

/**
 * How one economic indicator is formed: `factor × stats[numerator] ÷ denominator`, where the
 * denominator is a statistics field or the land area in 亩 (`"landMu"`). The single definition
 * behind `economicIndicators` (per firm or plot) and the group benchmarks of 亩均 evaluation.
 */
export interface EconomicIndicatorDef {
  readonly numerator: StatField;
  readonly denominator: StatField | "landMu";
  /** Unit factor applied to the numerator (10⁴ 元 per 万元 for 元/kWh; else 1). */
  readonly factor: number;
  /** Unit of the result, as shown to people, e.g. `万元/亩`. */
  readonly unit: string;
  readonly numeratorLabel: OperandLabel;
  readonly denominatorLabel: OperandLabel;
}

const def = (
  numerator: StatFieldLabel,
  denominator: StatFieldLabel | "land",
  unit: string,
  factor = 1,
): EconomicIndicatorDef => ({
  numerator: L[numerator].field,
  denominator: denominator === "land" ? "landMu" : L[denominator].field,
  factor,
  unit,
  numeratorLabel: L[numerator],
  denominatorLabel: L[denominator],
});
type StatFieldLabel = Exclude<keyof typeof L, "land">;

/** 元 per 万元. */
const YUAN_PER_WAN = 10_000;

/** The definitions of all economic indicators (see `EconomicIndicators` for the table). */
export const ECONOMIC_INDICATOR_DEFS: Readonly<Record<EconomicIndicatorKey, EconomicIndicatorDef>> = {
  outputPerMuWan: def("output", "land", "万元/亩"),
  valueAddedPerMuWan: def("valueAdded", "land", "万元/亩"),
  taxPerMuWan: def("tax", "land", "万元/亩"),
  revenuePerMuWan: def("revenue", "land", "万元/亩"),
  valueAddedPerTceWan: def("valueAdded", "energy", "万元/tce"),
  valueAddedPerTonneWan: def("valueAdded", "emissions", "万元/t"),
  valueAddedPerEmployeeWan: def("valueAdded", "employees", "万元/人"),
  rndIntensityRatio: def("rnd", "revenue", "ratio"),
  taxPerKwhYuan: def("tax", "electricity", "元/kWh", YUAN_PER_WAN),
  revenuePerTceWan: def("revenue", "energy", "万元/tce"),
  revenuePerTonneWan: def("revenue", "emissions", "万元/t"),
};

/** The numerator and denominator of indicator `key` for `stats` on `landMu` 亩 (null when unreported). */
export function indicatorParts(
  key: EconomicIndicatorKey,
  stats: AnnualStats,
  landMu: number,
): { readonly numerator: number | null; readonly denominator: number | null } {
  const d = ECONOMIC_INDICATOR_DEFS[key];
  const n = stats[d.numerator];
  return {
    numerator: n === null ? null : n * d.factor,
    denominator: d.denominator === "landMu" ? landMu : stats[d.denominator],
  };
}

/**
 * The economic indicators of `stats` on `landAreaM2` of land (m², converted to 亩 here).
 * `stats === null` means no statistics for `year`: every indicator is null with that reason,
 * never zero.
 * @param stats - the year's statistics attributable to this land (see `scaleStats`), or null
 * @param landAreaM2 - land area, m²
 * @param year - the statistics year, for the reason text
 * @see ../shared/domain.md §8
 */
export function economicIndicators(
  stats: AnnualStats | null,
  landAreaM2: number,
  year: number,
): EconomicIndicators {
  const none = unknown(
    nullReason("missing_input", `无 ${year} 年统计数据`, `no statistics for ${year}`, "annualStats"),
  );
  const mu = m2ToMu(squareMeters(landAreaM2));
  const entries = ECONOMIC_INDICATOR_KEYS.map((k) => {
    if (stats === null) return [k, none] as const;
    const p = indicatorParts(k, stats, mu);
    const d = ECONOMIC_INDICATOR_DEFS[k];
    return [
      k,
      safeRatio(p.numerator, p.denominator, { numerator: d.numeratorLabel, denominator: d.denominatorLabel }),
    ] as const;
  });
  // fromEntries loses the key types; ECONOMIC_INDICATOR_KEYS lists exactly the keys of EconomicIndicators.
  return Object.fromEntries(entries) as unknown as EconomicIndicators;
}

/** The extensive (additive) fields of `AnnualStats`, which scale with an area share. */
export const ADDITIVE_STAT_FIELDS = [
  "outputWan",
  "valueAddedWan",
  "taxWan",
  "revenueWan",
  "fixedAssetInvestmentWan",
  "energyTce",
  "emissionsT",
  "electricityKwh",
  "employees",
  "rndWan",
] as const;

/**
 * `stats` scaled by `share` (0–1): the part attributed to one of an enterprise's several plots.
 * Working rule: an enterprise's figures are split over its plots pro rata by area; ratios such as
 * value added per tce are unchanged by the split. Employees become fractional. [configurable default]
 * Throws `GeoError` when `share` is outside [0, 1].
 * @see ../shared/domain.md §2 (credited values), issue 3
 */
export function scaleStats(stats: AnnualStats, share: number): AnnualStats {
  if (!(share >= 0 && share <= 1)) throw new GeoError("share", `must be within [0, 1], got ${share}`);
  const scaled: Record<string, number | null> = {};
  for (const f of ADDITIVE_STAT_FIELDS) {
    const v = stats[f];
    scaled[f] = v === null ? null : v * share;
  }
  return { ...stats, ...scaled };
}
