import { aggregateLand } from "../../geo/aggregate.ts";
import type { Computed } from "../../geo/computed.ts";
import { scaleStats } from "../../geo/economic_indicators.ts";
import { assessIdleLand, type IdleLandAssessment } from "../../geo/idle_land.ts";
import {
  assessLowEfficiency,
  DEFAULT_LOW_EFFICIENCY_RULES,
  type LowEfficiencyAssessment,
} from "../../geo/low_efficiency.ts";
import { evaluateMuJun, type MuJunEvaluation } from "../../geo/mu_jun.ts";
import { ZHEJIANG_MU_JUN_PROFILE } from "../../geo/mu_jun_profiles.ts";
import { type PlotIndicators, plotIndicators } from "../../geo/plot_indicators.ts";
import type { AnnualStats, EnterpriseRecord, IsoDate, PlotRecord } from "../../geo/types.ts";
import type { ParkRecords } from "../db/plot_detail.ts";
import type { PlotFlag } from "../schemas/plots.ts";

/** Today's date `YYYY-MM-DD` in the server's time zone: the default as-of date of the idle rules. */
export function todayIso(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What one park contributes to a plot's figures in one statistics year. */
export interface ParkYear {
  readonly year: number;
  /**
   * The park's 工业用地地均税收 (TD/T 1029: Σ tax ÷ Σ 亩 over built industrial plots with
   * statistics, geo `aggregateLand`), the "park average" of the low-efficiency tax rule.
   */
  readonly taxPerMuWan: Computed;
  /** Each of the park's enterprises' 亩均 evaluation (Zhejiang profile, the park's firms as benchmark group). */
  readonly evaluations: ReadonlyMap<number, MuJunEvaluation>;
}

/** A park's records with its per-year figures computed once and cached. */
export interface ParkContext {
  readonly records: ParkRecords;
  readonly enterprise: (id: number | null) => EnterpriseRecord | null;
  /** The statistics of `plot`'s enterprise for `year`, split by area (decision 0003), or null. */
  readonly plotStats: (plot: PlotRecord, year: number) => AnnualStats | null;
  readonly year: (year: number) => ParkYear;
}

/** Builds the park context: indexes the records; per-year figures are computed on first use. */
export function parkContext(records: ParkRecords): ParkContext {
  const firms = new Map(records.enterprises.map((e) => [e.id, e]));
  const stats = new Map(records.stats.map((s) => [`${s.enterpriseId}:${s.year}`, s]));
  const years = new Map<number, ParkYear>();
  const statsOf = (id: number, year: number) => stats.get(`${id}:${year}`) ?? null;
  const year = (y: number): ParkYear => {
    const cached = years.get(y);
    if (cached) return cached;
    const aggregates = aggregateLand({ ...records, year: y });
    const evaluations = evaluateMuJun(
      records.enterprises.map((e) => ({
        enterpriseId: e.id,
        isAboveScale: e.isAboveScale,
        landAreaM2: records.enterpriseLandAreaM2[e.id] ?? 0,
        stats: statsOf(e.id, y),
      })),
      ZHEJIANG_MU_JUN_PROFILE,
    );
    const out: ParkYear = {
      year: y,
      taxPerMuWan: aggregates.taxPerMuWan,
      evaluations: new Map(evaluations.map((e) => [e.enterpriseId, e])),
    };
    years.set(y, out);
    return out;
  };
  return {
    records,
    enterprise: (id) => (id === null ? null : (firms.get(id) ?? null)),
    plotStats: (plot, y) => {
      if (plot.enterpriseId === null) return null;
      const row = statsOf(plot.enterpriseId, y);
      const total = records.enterpriseLandAreaM2[plot.enterpriseId] ?? 0;
      if (row === null || !(total > 0)) return null;
      return scaleStats(row, Math.min(1, plot.areaM2 / total));
    },
    year,
  };
}

/** A plot's 亩均 grade for one year: the enterprise's class within its park, or null with the reason. */
export interface PlotGrade {
  readonly year: number;
  readonly grade: MuJunEvaluation["grade"];
  readonly className: MuJunEvaluation["className"];
  readonly score: number | null;
  readonly sizeClass: MuJunEvaluation["sizeClass"] | null;
  readonly reasons: MuJunEvaluation["reasons"];
}

/** The grade of the plot's enterprise in `year` (a plot without an enterprise is ungraded, with that reason). */
export function plotGrade(ctx: ParkContext, plot: PlotRecord, year: number): PlotGrade {
  const ev = plot.enterpriseId === null ? undefined : ctx.year(year).evaluations.get(plot.enterpriseId);
  if (!ev)
    return {
      year,
      grade: null,
      className: null,
      score: null,
      sizeClass: null,
      reasons: [{ zh: "宗地无用地企业，不参加亩均评价", en: "no enterprise on the plot: not evaluated" }],
    };
  return {
    year,
    grade: ev.grade,
    className: ev.className,
    score: ev.score,
    sizeClass: ev.sizeClass,
    reasons: ev.reasons,
  };
}

/** The figures shared by the plot list and the plot detail, for one statistics year and as-of date. */
export interface PlotAssessment {
  readonly indicators: PlotIndicators;
  readonly idle: IdleLandAssessment;
  readonly lowEfficiency: LowEfficiencyAssessment;
  readonly grade: PlotGrade;
  readonly flags: readonly PlotFlag[];
}

/**
 * Assesses one plot of the park: indicators of `year` (statistics split by area), idle land as of
 * `asOf`, low efficiency of `year` (tax against the park's 工业用地地均税收; grade D over the
 * rule's window of years, each graded within the park), the year's grade, and the list flags.
 */
export function assessPlot(ctx: ParkContext, plot: PlotRecord, year: number, asOf: IsoDate): PlotAssessment {
  const indicators = plotIndicators(plot, ctx.plotStats(plot, year), year);
  const idle = assessIdleLand(plot, asOf);
  const firm = ctx.enterprise(plot.enterpriseId);
  const n = DEFAULT_LOW_EFFICIENCY_RULES.gradeD.consecutiveYears;
  const window = Array.from({ length: n }, (_, k) => year - n + 1 + k);
  const grade = plotGrade(ctx, plot, year);
  const lowEfficiency = assessLowEfficiency({
    status: plot.status,
    year,
    far: indicators.far.value,
    coverage: indicators.coverage.value,
    industryCode: firm?.industryCode ?? null,
    industryEdition: firm?.industryEdition ?? null,
    taxPerMuWan: indicators.taxPerMuWan.value,
    parkTaxPerMuWan: ctx.year(year).taxPerMuWan.value,
    gradeHistory:
      plot.enterpriseId === null
        ? []
        : window.map((y) => ({ year: y, grade: y === year ? grade.grade : plotGrade(ctx, plot, y).grade })),
    idle,
  });
  const flags: PlotFlag[] = [];
  if (idle.status !== "not_idle") flags.push("idle");
  if (lowEfficiency.lowEfficiency) flags.push("low_efficiency");
  if (plot.status === "approved_unsupplied") flags.push("approved_unsupplied");
  return { indicators, idle, lowEfficiency, grade, flags };
}
