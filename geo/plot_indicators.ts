import { type Computed, known, nullReason, unknown } from "./computed.ts";
import { type EconomicIndicators, economicIndicators } from "./economic_indicators.ts";
import { type OperandLabel, safeRatio } from "./ratio.ts";
import type { AnnualStats, PlotRecord } from "./types.ts";
import { type Hectares, type Mu, m2ToHa, m2ToMu, squareMeters, type WanPerMu } from "./units.ts";

/** The plot fields `plotIndicators` reads. */
export type PlotIndicatorInput = Pick<
  PlotRecord,
  | "areaM2"
  | "builtFloorAreaM2"
  | "buildingFootprintM2"
  | "structuresYardM2"
  | "landPriceWan"
  | "investedExclLandWan"
>;

/**
 * Land-use indicators of one plot for one statistics year. Physical figures come from the plot
 * record; economic ones from the statistics attributed to the plot (`EconomicIndicators`).
 *
 * | key | formula | unit | source |
 * |---|---|---|---|
 * | areaMu, areaHa | area_m2 ÷ (10000/15), ÷ 10000 | 亩, ha | domain §3 |
 * | far | built floor area ÷ land area (容积率) | ratio | 国土资发〔2008〕24号 |
 * | coverage | (footprint + structures/yards) ÷ land area (建筑系数) | ratio | 国土资发〔2008〕24号 |
 * | buildingDensity | footprint ÷ land area (建筑密度) | ratio | TD/T 1029 |
 * | investmentPerMuWan | (investment excl. land + land price) ÷ 亩 (投资强度) | 万元/亩 | 国土资发〔2008〕24号 |
 * | investmentExclLandPerMuWan | investment excl. land ÷ 亩 (idle-land basis) | 万元/亩 | 闲置土地处置办法 |
 *
 * Investment intensity uses the plot's *project* investment (`investedExclLandWan`) plus the land
 * price, the 2008 control-indicator basis, which includes the land price (domain §9); the
 * TD/T zone figure instead uses enterprises' cumulative fixed-asset investment (see `aggregate.ts`).
 * @see ../shared/domain.md §3, §8, §9
 */
export interface PlotIndicators extends EconomicIndicators {
  readonly year: number;
  readonly areaMu: Mu;
  readonly areaHa: Hectares;
  readonly far: Computed;
  readonly coverage: Computed;
  readonly buildingDensity: Computed;
  readonly investmentPerMuWan: Computed<WanPerMu>;
  readonly investmentExclLandPerMuWan: Computed<WanPerMu>;
}

const LAND: OperandLabel = { zh: "用地面积", en: "land area", field: "areaM2" };
const LAND_MU: OperandLabel = { zh: "用地面积（亩）", en: "land area (mu)", field: "areaM2" };

/**
 * The sum of the inputs, or null with the reason naming the first missing one.
 * Used for composite numerators such as footprint + structures, so a missing part is never zero.
 */
export function sumOfKnown(
  parts: readonly { readonly value: number | null; readonly label: OperandLabel }[],
): Computed {
  let total = 0;
  for (const p of parts) {
    if (p.value === null)
      return unknown(
        nullReason("missing_input", `缺少${p.label.zh}`, `${p.label.en} is missing`, p.label.field),
      );
    total += p.value;
  }
  return known(total);
}

/**
 * The indicators of `plot` for `year`, given the statistics attributed to it (`null` when the
 * plot's enterprise reported none that year, or the plot has no enterprise).
 * @param plot - the plot's area, building and investment fields
 * @param stats - the year's statistics attributable to this plot (`scaleStats` for shared firms)
 * @param year - statistics year
 * @see ../shared/domain.md §8, §9
 */
export function plotIndicators(
  plot: PlotIndicatorInput,
  stats: AnnualStats | null,
  year: number,
): PlotIndicators {
  const m2 = squareMeters(plot.areaM2);
  const areaMu = m2ToMu(m2);
  const floor = {
    value: plot.builtFloorAreaM2,
    label: { zh: "建筑面积", en: "floor area", field: "builtFloorAreaM2" },
  };
  const footprint = {
    value: plot.buildingFootprintM2,
    label: { zh: "建筑基底面积", en: "building footprint", field: "buildingFootprintM2" },
  };
  const yards = {
    value: plot.structuresYardM2,
    label: { zh: "构筑物及堆场面积", en: "structures and yards", field: "structuresYardM2" },
  };
  const invested = {
    value: plot.investedExclLandWan,
    label: { zh: "已完成投资（不含地价）", en: "investment excl. land", field: "investedExclLandWan" },
  };
  const price = {
    value: plot.landPriceWan,
    label: { zh: "土地价款", en: "land price", field: "landPriceWan" },
  };
  const ratioOf = (num: Computed, label: OperandLabel): Computed =>
    num.value === null ? num : safeRatio(num.value, m2, { numerator: label, denominator: LAND });
  const withLand = sumOfKnown([invested, price]);
  return {
    year,
    areaMu,
    areaHa: m2ToHa(m2),
    far: safeRatio(floor.value, m2, { numerator: floor.label, denominator: LAND }),
    coverage: ratioOf(sumOfKnown([footprint, yards]), { zh: "建（构）筑物及堆场面积", en: "covered area" }),
    buildingDensity: safeRatio(footprint.value, m2, { numerator: footprint.label, denominator: LAND }),
    investmentPerMuWan:
      withLand.value === null
        ? withLand
        : safeRatio<WanPerMu>(withLand.value, areaMu, {
            numerator: { zh: "投资（含地价）", en: "investment incl. land" },
            denominator: LAND_MU,
          }),
    investmentExclLandPerMuWan: safeRatio<WanPerMu>(invested.value, areaMu, {
      numerator: invested.label,
      denominator: LAND_MU,
    }),
    ...economicIndicators(stats, plot.areaM2, year),
  };
}
