import { type Computed, known, nullReason, unknown } from "./computed.ts";
import { scaleStats } from "./economic_indicators.ts";
import {
  assessIdleLand,
  DEFAULT_IDLE_LAND_RULES,
  type IdleLandAssessment,
  type IdleLandRules,
} from "./idle_land.ts";
import { isIndustrialLandUse, STATUS_TO_TDT } from "./land_class.ts";
import { type OperandLabel, safeRatio } from "./ratio.ts";
import type { AnnualStats, EnterpriseRecord, IsoDate, PlotRecord } from "./types.ts";
import { MU_PER_HA, m2ToMu, squareMeters } from "./units.ts";

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
export type Figure = Computed & { readonly coverage: Coverage };

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

const coverageOf = (used: readonly Facts[], eligible: number): Coverage => ({
  plots: used.length,
  eligiblePlots: eligible,
  missingPlots: eligible - used.length,
  enterprises: new Set(used.flatMap((f) => (f.plot.enterpriseId === null ? [] : [f.plot.enterpriseId]))).size,
});
const sum = (fs: readonly Facts[], g: (f: Facts) => number): number => fs.reduce((s, f) => s + g(f), 0);
const MU: OperandLabel = { zh: "面积（亩）", en: "area (mu)" };

/** A figure over `eligible` plots using those with `part` known: Σ part ÷ Σ denominator. */
function intensity(
  eligible: readonly Facts[],
  part: (f: Facts) => number | null,
  denominator: (f: Facts) => number,
  labels: { numerator: OperandLabel; denominator: OperandLabel },
  scale = 1,
): Figure {
  const used = eligible.filter((f) => part(f) !== null);
  const coverage = coverageOf(used, eligible.length);
  if (eligible.length > 0 && used.length === 0)
    return {
      ...unknown(
        nullReason(
          "missing_input",
          `全部 ${eligible.length} 宗地缺少${labels.numerator.zh}`,
          `${labels.numerator.en} missing on all ${eligible.length} plots`,
        ),
      ),
      coverage,
    };
  const r = safeRatio(
    sum(used, (f) => part(f) ?? 0),
    sum(used, denominator),
    labels,
  );
  return { ...(r.value === null ? r : known(r.value * scale)), coverage };
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
  const area = (fs: readonly Facts[]): Figure => ({
    ...known(sum(fs, (f) => f.mu)),
    coverage: coverageOf(fs, fs.length),
  });
  const rate = (num: readonly Facts[], den: readonly Facts[], eligible: number, d: OperandLabel): Figure => ({
    ...safeRatio(
      sum(num, (f) => f.mu),
      sum(den, (f) => f.mu),
      { numerator: MU, denominator: d },
    ),
    coverage: coverageOf(den, eligible),
  });
  const m2 = (f: Facts) => f.plot.areaM2;
  const mu = (f: Facts) => f.mu;
  const lab = (zh: string, en: string, field?: string): OperandLabel =>
    field ? { zh, en, field } : { zh, en };
  const landA = lab("建成区面积 A", "built-up land A");
  const landA2 = lab("工业用地面积 A2", "industrial land A2");
  const coverageParts = (f: Facts) =>
    f.plot.buildingFootprintM2 === null || f.plot.structuresYardM2 === null
      ? null
      : f.plot.buildingFootprintM2 + f.plot.structuresYardM2;
  const fai = lab("累计固定资产投资", "cumulative fixed-asset investment", "fixedAssetInvestmentWan");
  const tax = lab("税收", "tax", "taxWan");
  return {
    areaMu: area(all),
    supplyReadyMu: area([...A, ...B21]),
    suppliedMu: area(D),
    builtMu: area(A),
    idleMu: area(G),
    approvedUnsuppliedMu: area(all.filter((f) => f.plot.status === "approved_unsupplied")),
    availableMu: area(all.filter((f) => f.plot.status === "available")),
    suppliableMu: area(all.filter((f) => f.e)),
    industrialMu: area(A2),
    developmentRate: rate([...A, ...B21], all, all.length, lab("总面积 A+B", "total area A+B")),
    supplyRate: rate(
      D,
      [...A, ...B21],
      A.length + B21.length,
      lab("具备供地条件面积 A+B21", "supply-ready land A+B21"),
    ),
    builtRate: rate(A, D, D.length, lab("已供应面积 D", "supplied land D")),
    industrialLandRate: rate(A2, A, A.length, landA),
    far: intensity(A, (f) => f.plot.builtFloorAreaM2, m2, {
      numerator: lab("建筑面积", "floor area"),
      denominator: landA,
    }),
    buildingDensity: intensity(A, (f) => f.plot.buildingFootprintM2, m2, {
      numerator: lab("建筑基底面积", "footprint"),
      denominator: landA,
    }),
    industrialFar: intensity(A2, (f) => f.plot.builtFloorAreaM2, m2, {
      numerator: lab("工业建筑面积", "industrial floor area"),
      denominator: landA2,
    }),
    industrialCoverage: intensity(A2, coverageParts, m2, {
      numerator: lab("建（构）筑物及堆场面积", "covered area"),
      denominator: landA2,
    }),
    investmentPerMuWan: intensity(A2, (f) => f.faiCumulativeWan, mu, { numerator: fai, denominator: landA2 }),
    investmentPerHaWan: intensity(
      A2,
      (f) => f.faiCumulativeWan,
      mu,
      { numerator: fai, denominator: landA2 },
      MU_PER_HA,
    ),
    taxPerMuWan: intensity(A2, (f) => f.stats?.taxWan ?? null, mu, { numerator: tax, denominator: landA2 }),
    taxPerHaWan: intensity(
      A2,
      (f) => f.stats?.taxWan ?? null,
      mu,
      { numerator: tax, denominator: landA2 },
      MU_PER_HA,
    ),
    outputPerMuWan: intensity(A2, (f) => f.stats?.outputWan ?? null, mu, {
      numerator: lab("工业总产值", "output value", "outputWan"),
      denominator: landA2,
    }),
    highTechLandRate: rate(H, known_, A.length, landA),
    idleRate: rate(G, determined, D.length, lab("已供应面积 D", "supplied land D")),
  };
}

/** Per-plot idle assessments as `aggregateLand` makes them (supplied plots only), keyed by plot id. */
export function idleAssessments(input: AggregateInput): ReadonlyMap<number, IdleLandAssessment> {
  return new Map(plotFacts(input).flatMap((f) => (f.idle === null ? [] : [[f.plot.id, f.idle] as const])));
}
