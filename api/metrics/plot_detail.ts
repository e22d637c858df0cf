import { type ApprovedUnsuppliedAge, approvedUnsuppliedAge } from "../../geo/approved_unsupplied_age.ts";
import { compareIsoDates } from "../../geo/calendar_years.ts";
import { type NullReason, nullReason } from "../../geo/computed.ts";
import { industryMinFar } from "../../geo/far_minimum.ts";
import { plotCompliance } from "../../geo/plot_compliance.ts";
import { plotIndicators } from "../../geo/plot_indicators.ts";
import type { IsoDate } from "../../geo/types.ts";
import { m2ToHa, squareMeters } from "../../geo/units.ts";
import type { ParkRecords, PlotDetailRow } from "../db/plot_detail.ts";
import { assessPlot, parkContext, plotGrade } from "./plot_assessment.ts";

/** 批而未供 age, or null with the reason (not that status, no approval date, as-of before approval). */
function approvedUnsupplied(
  row: PlotDetailRow,
  asOf: IsoDate,
): { value: ApprovedUnsuppliedAge; reason: null } | { value: null; reason: NullReason } {
  const r = row.record;
  if (r.status !== "approved_unsupplied")
    return {
      value: null,
      reason: nullReason("not_applicable", "宗地不是批而未供状态", "the plot is not approved-but-unsupplied"),
    };
  if (r.approvalDate === null)
    return {
      value: null,
      reason: nullReason("missing_input", "缺少批准日期", "approval date is missing", "approvalDate"),
    };
  if (compareIsoDates(asOf, r.approvalDate) < 0)
    return {
      value: null,
      reason: nullReason(
        "not_applicable",
        `评价日 ${asOf} 早于批准日期 ${r.approvalDate}`,
        `as-of date ${asOf} precedes the approval date ${r.approvalDate}`,
        "asOf",
      ),
    };
  return { value: approvedUnsuppliedAge(r.approvalDate, asOf), reason: null };
}

/**
 * The plot detail: stored fields, areas, enterprise, yearly statistics, indicators per year and the
 * latest, compliance with the plan and the 2008 industry minimum FAR (built plots), idle land as of
 * `asOf`, 批而未供 age, low efficiency and the 亩均 grade of the latest year — all from geo/.
 * @param years - years with statistics (ascending); the last is "latest" (`fallbackYear` when none)
 */
export function plotDetail(
  row: PlotDetailRow,
  park: ParkRecords,
  years: readonly number[],
  fallbackYear: number,
  asOf: IsoDate,
) {
  const ctx = parkContext(park);
  const plot = row.record;
  const latestYear = years.at(-1) ?? fallbackYear;
  const latest = assessPlot(ctx, plot, latestYear, asOf);
  const firm = ctx.enterprise(plot.enterpriseId);
  const minFar = firm ? industryMinFar(firm.industryCode, firm.industryEdition) : null;
  const built = plot.status === "built";
  return {
    id: plot.id,
    code: row.code,
    parkId: row.parkId,
    parkName: row.parkName,
    parkNameEn: row.parkNameEn,
    zoneId: row.zoneId,
    status: plot.status,
    landUse: plot.landUseCode,
    landUseEdition: plot.landUseEdition,
    supplyType: row.supplyType,
    isStandardLand: row.isStandardLand,
    standard: row.standard,
    landPriceWan: plot.landPriceWan,
    dates: {
      approval: plot.approvalDate,
      supply: plot.supplyDate,
      agreedStart: plot.agreedStartDate,
      extendedStart: plot.extendedStartDate,
      actualStart: plot.actualStartDate,
      suspendedSince: plot.suspendedSince,
    },
    delayCause: plot.delayCause,
    developedAreaRatio: plot.developedAreaRatio,
    investedExclLandWan: plot.investedExclLandWan,
    totalInvestmentExclLandWan: plot.totalInvestmentExclLandWan,
    planned: {
      minFar: plot.plannedMinFar,
      maxFar: plot.plannedMaxFar,
      minCoverageRatio: plot.plannedMinCoverageRatio,
    },
    builtFloorAreaM2: plot.builtFloorAreaM2,
    buildingFootprintM2: plot.buildingFootprintM2,
    structuresYardM2: plot.structuresYardM2,
    declaredAreaM2: row.declaredAreaM2,
    version: row.version,
    areaM2: plot.areaM2,
    areaMu: row.areaMu,
    areaHa: m2ToHa(squareMeters(plot.areaM2)),
    isDemo: row.isDemo,
    enterprise: row.enterprise,
    geometry: row.geometry,
    asOf,
    availableYears: years,
    yearlyStats: park.stats
      .filter((s) => s.enterpriseId === plot.enterpriseId)
      .sort((a, b) => a.year - b.year),
    indicators: years.map((y) => plotIndicators(plot, ctx.plotStats(plot, y), y)),
    latest: latest.indicators,
    industryMinFar: minFar
      ? { value: minFar, reason: null }
      : {
          value: null,
          reason: firm
            ? nullReason(
                "not_applicable",
                "行业不在 2008 年工业项目建设用地控制指标表中",
                "the industry is not in the 2008 control-indicator table",
                "industryCode",
              )
            : nullReason(
                "missing_input",
                "宗地无用地企业，行业未知",
                "no enterprise: industry unknown",
                "enterpriseId",
              ),
        },
    compliance: built
      ? {
          applicable: true,
          reason: null,
          checks: plotCompliance({
            far: latest.indicators.far,
            coverage: latest.indicators.coverage,
            plannedMinFar: plot.plannedMinFar,
            plannedMaxFar: plot.plannedMaxFar,
            plannedMinCoverageRatio: plot.plannedMinCoverageRatio,
            industryCode: firm?.industryCode ?? null,
            industryEdition: firm?.industryEdition ?? null,
          }),
        }
      : {
          applicable: false,
          reason: {
            zh: "宗地尚未建成，不检查容积率和建筑系数",
            en: "not built: FAR and coverage are not checked",
          },
          checks: [],
        },
    idle: latest.idle,
    approvedUnsuppliedAge: approvedUnsupplied(row, asOf),
    lowEfficiency: {
      year: latestYear,
      parkTaxPerMuWan: ctx.year(latestYear).taxPerMuWan,
      ...latest.lowEfficiency,
    },
    grade: latest.grade,
    grades: years.map((y) => plotGrade(ctx, plot, y)),
    flags: latest.flags,
  };
}

/** The plot detail's JSON shape. */
export type PlotDetail = ReturnType<typeof plotDetail>;
