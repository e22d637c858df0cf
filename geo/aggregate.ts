import { type Figure, type FigureSpec, type FigureSums, figureFromSums } from "./aggregate_spec.ts";
import { scaleStats } from "./economic_indicators.ts";
import {
  assessIdleLand,
  DEFAULT_IDLE_LAND_RULES,
  type IdleLandAssessment,
  type IdleLandRules,
} from "./idle_land.ts";
import { isIndustrialLandUse, STATUS_TO_TDT } from "./land_class.ts";
import type { OperandLabel } from "./ratio.ts";
import type { AnnualStats, EnterpriseRecord, IsoDate, PlotRecord } from "./types.ts";
import { MU_PER_HA, m2ToMu, squareMeters } from "./units.ts";

export type { Coverage, Figure, FigureSums } from "./aggregate_spec.ts";

/** The aggregate keys (public API contract of issue 3), plus A2, E and the per-ha variants. */
export const AGGREGATE_KEYS = [
  "areaMu",
  "supplyReadyMu",
  "suppliedMu",
  "builtMu",
  "idleMu",
  "approvedUnsuppliedMu",
  "availableMu",
  "suppliableMu",
  "industrialMu",
  "developmentRate",
  "supplyRate",
  "builtRate",
  "industrialLandRate",
  "far",
  "buildingDensity",
  "industrialFar",
  "industrialCoverage",
  "investmentPerMuWan",
  "investmentPerHaWan",
  "taxPerMuWan",
  "taxPerHaWan",
  "outputPerMuWan",
  "highTechLandRate",
  "idleRate",
] as const;
/** One aggregate key. */
export type AggregateKey = (typeof AGGREGATE_KEYS)[number];
/** All aggregates of a park or zone for one year. */
export type LandAggregates = Readonly<Record<AggregateKey, Figure>>;

/** Inputs of `aggregateLand`: the park's or zone's plots, their enterprises and statistics. */
export interface AggregateInput {
  readonly plots: readonly PlotRecord[];
  readonly enterprises: readonly EnterpriseRecord[];
  /** Statistics rows of any years (the year's rows, and earlier ones for cumulative investment). */
  readonly stats: readonly AnnualStats[];
  readonly year: number;
  /** As-of date of the idle rules; default 31 December of `year` (the monitoring date). */
  readonly asOf?: IsoDate;
  readonly idleRules?: IdleLandRules;
  /**
   * Each enterprise's total land across all parks, m², for splitting its statistics; default: the
   * sum of its plots in `plots`. Pass it for a park whose firms also hold land elsewhere.
   */
  readonly enterpriseLandAreaM2?: Readonly<Record<number, number>>;
}

/** Per-plot facts computed once. */
interface Facts {
  readonly plot: PlotRecord;
  readonly mu: number;
  readonly a: boolean;
  readonly b21: boolean;
  readonly d: boolean;
  readonly e: boolean;
  readonly a2: boolean;
  readonly idle: IdleLandAssessment | null;
  readonly enterprise: EnterpriseRecord | null | undefined;
  readonly stats: AnnualStats | null;
  readonly faiCumulativeWan: number | null;
}

function plotFacts(input: AggregateInput): Facts[] {
  const asOf = input.asOf ?? `${input.year}-12-31`;
  const rules = input.idleRules ?? DEFAULT_IDLE_LAND_RULES;
  const plots = [...input.plots].sort((p, q) => p.id - q.id); // fixed summation order: results independent of input order
  const firms = new Map(input.enterprises.map((e) => [e.id, e]));
  const land = new Map<number, number>();
  for (const p of plots)
    if (p.enterpriseId !== null) land.set(p.enterpriseId, (land.get(p.enterpriseId) ?? 0) + p.areaM2);
  const rowsByFirm = new Map<number, AnnualStats[]>();
  for (const s of input.stats) {
    if (s.year > input.year) continue;
    const list = rowsByFirm.get(s.enterpriseId) ?? [];
    list.push(s);
    rowsByFirm.set(s.enterpriseId, list);
  }
  for (const list of rowsByFirm.values()) list.sort((s, t) => s.year - t.year);
  return plots.map((plot): Facts => {
    const cls = STATUS_TO_TDT[plot.status];
    const id = plot.enterpriseId;
    const total = id === null ? 0 : (input.enterpriseLandAreaM2?.[id] ?? land.get(id) ?? 0);
    const share = total > 0 ? Math.min(1, plot.areaM2 / total) : 0;
    const own = id === null ? [] : (rowsByFirm.get(id) ?? []);
    const row = own.find((s) => s.year === input.year);
    const fai = own.flatMap((s) => (s.fixedAssetInvestmentWan === null ? [] : [s.fixedAssetInvestmentWan]));
    return {
      plot,
      mu: m2ToMu(squareMeters(plot.areaM2)),
      a: cls.abClass === "A",
      b21: cls.abClass === "B21",
      d: cls.supplied,
      e: cls.suppliable,
      a2: cls.abClass === "A" && isIndustrialLandUse(plot.landUseCode, plot.landUseEdition),
      idle: cls.supplied ? assessIdleLand(plot, asOf, rules) : null,
      enterprise: id === null ? null : firms.get(id),
      stats: row === undefined ? null : scaleStats(row, share),
      faiCumulativeWan: fai.length === 0 ? null : fai.reduce((x, y) => x + y, 0) * share,
    };
  });
}

const enterprisesOf = (fs: readonly Facts[]): number =>
  new Set(fs.flatMap((f) => (f.plot.enterpriseId === null ? [] : [f.plot.enterpriseId]))).size;
const sum = (fs: readonly Facts[], g: (f: Facts) => number): number => fs.reduce((s, f) => s + g(f), 0);
const lab = (zh: string, en: string, field?: string): OperandLabel =>
  field ? { zh, en, field } : { zh, en };
const MU = lab("面积（亩）", "area (mu)");
const LAND_A = lab("建成区面积 A", "built-up land A");
const LAND_A2 = lab("工业用地面积 A2", "industrial land A2");
const LAND_D = lab("已供应面积 D", "supplied land D");
const FAI = lab("累计固定资产投资", "cumulative fixed-asset investment", "fixedAssetInvestmentWan");
const TAX = lab("税收", "tax", "taxWan");
const area: FigureSpec = { kind: "area" };
const rate = (denominator: OperandLabel): FigureSpec => ({ kind: "rate", numerator: MU, denominator });
const intensity = (numerator: OperandLabel, denominator: OperandLabel, scale = 1): FigureSpec => ({
  kind: "intensity",
  numerator,
  denominator,
  scale,
});

/** How each aggregate is formed from its sums (see `aggregateSums` for which plots enter them). */
export const AGGREGATE_SPECS: Readonly<Record<AggregateKey, FigureSpec>> = {
  areaMu: area,
  supplyReadyMu: area,
  suppliedMu: area,
  builtMu: area,
  idleMu: area,
  approvedUnsuppliedMu: area,
  availableMu: area,
  suppliableMu: area,
  industrialMu: area,
  developmentRate: rate(lab("总面积 A+B", "total area A+B")),
  supplyRate: rate(lab("具备供地条件面积 A+B21", "supply-ready land A+B21")),
  builtRate: rate(LAND_D),
  industrialLandRate: rate(LAND_A),
  far: intensity(lab("建筑面积", "floor area"), LAND_A),
  buildingDensity: intensity(lab("建筑基底面积", "footprint"), LAND_A),
  industrialFar: intensity(lab("工业建筑面积", "industrial floor area"), LAND_A2),
  industrialCoverage: intensity(lab("建（构）筑物及堆场面积", "covered area"), LAND_A2),
  investmentPerMuWan: intensity(FAI, LAND_A2),
  investmentPerHaWan: intensity(FAI, LAND_A2, MU_PER_HA),
  taxPerMuWan: intensity(TAX, LAND_A2),
  taxPerHaWan: intensity(TAX, LAND_A2, MU_PER_HA),
  outputPerMuWan: intensity(lab("工业总产值", "output value", "outputWan"), LAND_A2),
  highTechLandRate: rate(LAND_A),
  idleRate: rate(LAND_D),
};

const areaSums = (fs: readonly Facts[]): FigureSums => ({
  numerator: sum(fs, (f) => f.mu),
  denominator: 0,
  plots: fs.length,
  eligiblePlots: fs.length,
  enterprises: enterprisesOf(fs),
});
const rateSums = (num: readonly Facts[], den: readonly Facts[], eligible: number): FigureSums => ({
  numerator: sum(num, (f) => f.mu),
  denominator: sum(den, (f) => f.mu),
  plots: den.length,
  eligiblePlots: eligible,
  enterprises: enterprisesOf(den),
});
/** Σ part ÷ Σ denominator over the eligible plots that have `part`. */
function intensitySums(
  eligible: readonly Facts[],
  part: (f: Facts) => number | null,
  denominator: (f: Facts) => number,
): FigureSums {
  const used = eligible.filter((f) => part(f) !== null);
  return {
    numerator: sum(used, (f) => part(f) ?? 0),
    denominator: sum(used, denominator),
    plots: used.length,
    eligiblePlots: eligible.length,
    enterprises: enterprisesOf(used),
  };
}

/**
 * The sums behind every aggregate (numerator, denominator, plot and enterprise counts), from plot
 * records. The API computes the same sums in SQL; `tests/api/metrics_parity.test.ts` holds them equal.
 * Which plots enter each figure is documented on `aggregateLand`.
 */
export function aggregateSums(input: AggregateInput): Readonly<Record<AggregateKey, FigureSums>> {
  const all = plotFacts(input);
  const A = all.filter((f) => f.a);
  const B21 = all.filter((f) => f.b21);
  const D = all.filter((f) => f.d);
  const A2 = all.filter((f) => f.a2);
  const determined = D.filter(
    (f) => f.idle !== null && (f.idle.status !== "not_idle" || f.idle.missingInputs.length === 0),
  );
  const G = determined.filter((f) => f.idle !== null && f.idle.status !== "not_idle");
  const known_ = A.filter((f) => f.plot.enterpriseId === null || f.enterprise !== undefined);
  const H = known_.filter((f) => f.enterprise?.isHighTech === true);
  const m2 = (f: Facts) => f.plot.areaM2;
  const mu = (f: Facts) => f.mu;
  const covered = (f: Facts) =>
    f.plot.buildingFootprintM2 === null || f.plot.structuresYardM2 === null
      ? null
      : f.plot.buildingFootprintM2 + f.plot.structuresYardM2;
  const fai = intensitySums(A2, (f) => f.faiCumulativeWan, mu);
  const tax = intensitySums(A2, (f) => f.stats?.taxWan ?? null, mu);
  return {
    areaMu: areaSums(all),
    supplyReadyMu: areaSums([...A, ...B21]),
    suppliedMu: areaSums(D),
    builtMu: areaSums(A),
    idleMu: areaSums(G),
    approvedUnsuppliedMu: areaSums(all.filter((f) => f.plot.status === "approved_unsupplied")),
    availableMu: areaSums(all.filter((f) => f.plot.status === "available")),
    suppliableMu: areaSums(all.filter((f) => f.e)),
    industrialMu: areaSums(A2),
    developmentRate: rateSums([...A, ...B21], all, all.length),
    supplyRate: rateSums(D, [...A, ...B21], A.length + B21.length),
    builtRate: rateSums(A, D, D.length),
    industrialLandRate: rateSums(A2, A, A.length),
    far: intensitySums(A, (f) => f.plot.builtFloorAreaM2, m2),
    buildingDensity: intensitySums(A, (f) => f.plot.buildingFootprintM2, m2),
    industrialFar: intensitySums(A2, (f) => f.plot.builtFloorAreaM2, m2),
    industrialCoverage: intensitySums(A2, covered, m2),
    investmentPerMuWan: fai,
    investmentPerHaWan: fai,
    taxPerMuWan: tax,
    taxPerHaWan: tax,
    outputPerMuWan: intensitySums(A2, (f) => f.stats?.outputWan ?? null, mu),
    highTechLandRate: rateSums(H, known_, A.length),
    idleRate: rateSums(G, determined, D.length),
  };
}

/** Figures from their sums, by `AGGREGATE_SPECS`. */
export function figuresFromSums(sums: Readonly<Record<AggregateKey, FigureSums>>): LandAggregates {
  return Object.fromEntries(
    AGGREGATE_KEYS.map((k) => [k, figureFromSums(AGGREGATE_SPECS[k], sums[k])]),
  ) as unknown as LandAggregates;
}

/**
 * TD/T 1029 land-intensity aggregates of a park or zone for one year, from plot records,
 * enterprises and statistics. Areas in 亩, rates as fractions (1 = 100 %), money in 万元.
 *
 * Classes follow `STATUS_TO_TDT` and `isIndustrialLandUse` (working mappings): A = built,
 * B21 = under construction, supplied, available, reclaimed; B22 = approved unsupplied;
 * D = built + under construction + supplied; E = available + reclaimed; A2 = built industrial;
 * H = built plots of certified high-tech firms; G = idle plots (`assessIdleLand` at `asOf`, exempt
 * cases included: they are idle land with a negotiated disposal).
 *
 * | key | formula |
 * |---|---|
 * | developmentRate 土地开发率 | (A + B21) ÷ (A + B) |
 * | supplyRate 土地供应率 | D ÷ (A + B21) |
 * | builtRate 土地建成率 | A ÷ D |
 * | industrialLandRate 工业用地率 | A2 ÷ A |
 * | far 综合容积率, buildingDensity 建筑密度 | Σ floor area (footprint) ÷ Σ area, built plots |
 * | industrialFar, industrialCoverage 建筑系数 | the same on A2; coverage = (footprint + structures/yards) ÷ area |
 * | investmentPerMuWan 固投强度 | cumulative fixed-asset investment to `year` ÷ A2 (万元/亩; ×15 → 万元/ha) |
 * | taxPerMuWan 地均税收, outputPerMuWan 产出强度 | tax (工业总产值) of `year` ÷ A2 (万元/亩) |
 * | highTechLandRate 高新技术产业用地率 | H ÷ A |
 * | idleRate 土地闲置率 | G ÷ D (plots with a determinable idle status) |
 *
 * Enterprise statistics are split over the enterprise's plots pro rata by area (`scaleStats`).
 * Intensities use only the eligible plots that have the data (ratio of sums over those plots);
 * the rest are reported in `coverage.missingPlots`, never as zero. Zero denominators give null
 * with a reason. Results do not depend on the order of `plots` (summed in id order).
 * @see TD/T 1029-2010 / 2014; ../shared/domain.md §4, §11
 */
export function aggregateLand(input: AggregateInput): LandAggregates {
  return figuresFromSums(aggregateSums(input));
}

/** Per-plot idle assessments as `aggregateLand` makes them (supplied plots only), keyed by plot id. */
export function idleAssessments(input: AggregateInput): ReadonlyMap<number, IdleLandAssessment> {
  return new Map(plotFacts(input).flatMap((f) => (f.idle === null ? [] : [[f.plot.id, f.idle] as const])));
}
