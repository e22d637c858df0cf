/**
 * Attributes of one plot from its plan: land use, supply, dates consistent with the status,
 * investment, planned and built FAR / coverage, 标准地 terms. Money in 万元, areas in m².
 */
import type { DemoPlotProperties } from "../../api/schemas/demo_dataset.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import { AS_OF_YEAR, toDate } from "./dates.ts";
import { roundTo } from "./local_frame.ts";
import type { ParkSpec } from "./park_specs.ts";
import type { Rng } from "./rng.ts";
import type { PlotPlan } from "./status_plan.ts";

/** Timeline facts the enterprise statistics are derived from (decimal years). */
export interface PlotTimeline {
  readonly startYear: number | null;
  /** When building finished (built plots only). */
  readonly completedYear: number | null;
  readonly suspendedYear: number | null;
  readonly totalInvestmentWan: number | null;
  readonly investedWan: number | null;
}

/** A plot's properties (without its enterprise link) and timeline. */
export interface PlotRecord {
  readonly props: Omit<DemoPlotProperties, "enterpriseCreditCode">;
  readonly timeline: PlotTimeline;
}

const EDITION_2017 = "GB/T 21010-2017" as const;
const EDITION_2023 = "国土空间调查、规划、用途管制用地用海分类指南(2023)" as const;
const r2 = (v: number) => roundTo(v, 2);

interface Dates {
  approval: number | null;
  supply: number | null;
  agreed: number | null;
  start: number | null;
  completed: number | null;
  suspended: number | null;
}

function planDates(rng: Rng, plan: PlotPlan, builtCount: number): Dates {
  const none: Dates = {
    approval: null,
    supply: null,
    agreed: null,
    start: null,
    completed: null,
    suspended: null,
  };
  const back = (agreed: number, start: number | null, completed: number | null = null, suspended = null) => {
    const supply = Math.min(agreed - rng.range(0.25, 0.55), AS_OF_YEAR - 0.05);
    return { approval: supply - rng.range(0.3, 2.2), supply, agreed, start, completed, suspended };
  };
  switch (plan.status) {
    case "built": {
      const rank = plan.builtRank ?? 0;
      const start =
        plan.shape.kind === "smelter"
          ? rng.range(2019.2, 2020.6)
          : Math.min(
              2021.9,
              Math.max(2007.2, 2008 + (rank / Math.max(1, builtCount)) * 13.5 + rng.normal(0, 1)),
            );
      const completed = Math.min(2023.9, start + rng.range(0.9, 2));
      return back(start - rng.range(-0.1, 0.7), start, completed);
    }
    case "under_construction": {
      if (plan.idle === "stalled") {
        const start = rng.range(2019, 2022.5);
        const d = back(start - rng.range(0, 0.5), start);
        return { ...d, suspended: Math.min(2024.6, start + rng.range(0.5, 1.5)) };
      }
      const start = rng.range(2023, 2025.8);
      return back(start - rng.range(0, 0.5), start);
    }
    case "supplied": {
      if (plan.idle === "not_started") return back(rng.range(2023.3, 2024.8), null);
      if (plan.idle === "not_started_2y") return back(rng.range(2020.5, 2023.7), null);
      if (plan.idle === "exempt") return back(rng.range(2022.5, 2024.5), null);
      return back(rng.range(2025.1, 2026.5), null);
    }
    case "approved_unsupplied": {
      const bucket = rng.weighted([
        [[2024, 2025.9], 0.4],
        [[2021, 2023.9], 0.4],
        [[2014, 2020.9], 0.2],
      ] as const);
      return { ...none, approval: rng.range(bucket[0], bucket[1]) };
    }
    case "reclaimed":
      return { ...none, approval: rng.range(2010, 2018) };
    case "available":
      return none;
  }
}

/** Built (or, under construction, so-far) floor area, footprint and yards for a plot, m². */
function buildings(rng: Rng, plan: PlotPlan, areaM2: number, developed: number) {
  const minFar = plan.industry.minFar;
  let far: number;
  if (plan.shape.kind === "smelter") far = rng.range(0.6, 0.9);
  else if (plan.status === "built" && rng.chance(0.1))
    far = rng.range(Math.max(0.35, minFar * 0.55), minFar * 0.95);
  else far = Math.min(2, rng.range(minFar, minFar + 1.1));
  const coverage = plan.status === "built" && rng.chance(0.08) ? rng.range(0.2, 0.29) : rng.range(0.38, 0.65);
  const density = Math.min(far, coverage * rng.range(0.55, 0.9));
  return {
    builtFloorAreaM2: r2(far * areaM2 * developed),
    buildingFootprintM2: r2(density * areaM2 * developed),
    structuresYardM2: r2((coverage - density) * areaM2 * developed),
  };
}

function standardTerms(rng: Rng, plan: PlotPlan) {
  const heavy = plan.industry.minFar < 1;
  return {
    isStandardLand: true,
    stdMinInvestmentPerMuWan: roundTo(rng.range(150, 300), -1),
    stdMinOutputPerMuWan: roundTo(rng.range(250, 400), -1),
    stdMinTaxPerMuWan: Math.round(rng.range(8, 20)),
    stdMinFar: heavy ? 0.8 : 1,
    stdMaxFar: rng.pick([2, 2, 2.5]),
    stdMinCoverageRatio: rng.pick([0.4, 0.4, 0.45]),
    stdMaxEnergyTcePerWan: roundTo(plan.industry.energyTcePerWan * 1.5, 3),
    stdBuildMonths: 24,
  };
}

const NO_STANDARD = {
  isStandardLand: false,
  stdMinInvestmentPerMuWan: null,
  stdMinOutputPerMuWan: null,
  stdMinTaxPerMuWan: null,
  stdMinFar: null,
  stdMaxFar: null,
  stdMinCoverageRatio: null,
  stdMaxEnergyTcePerWan: null,
  stdBuildMonths: null,
};

/**
 * Fills in a plot's attributes.
 * @param code the plot's 宗地代码
 * @param builtCount number of built plots in the park (spreads start years by development rank)
 * @param standard whether an available plot is offered as 标准地
 */
export function plotRecord(
  rng: Rng,
  spec: ParkSpec,
  plan: PlotPlan,
  code: string,
  builtCount: number,
  standard: boolean,
): PlotRecord {
  const areaM2 = plan.shape.areaM2;
  const mu = areaM2 / M2_PER_MU;
  const d = planDates(rng, plan, builtCount);
  const ind = plan.industry;
  const use2023 =
    ind.landUse2023 !== null && ((d.supply !== null && d.supply >= 2024) || standard) && rng.chance(0.35);
  const occupied = d.supply !== null;
  const supplyType = !occupied
    ? null
    : ind.landUse === "0809"
      ? "allocation"
      : rng.weighted([
          ["transfer", 0.82],
          ["lease", 0.07],
          ["lease_then_transfer", (d.supply ?? 0) >= 2020 ? 0.16 : 0.04],
        ] as const);
  const recency = Math.min(1, Math.max(0, ((d.supply ?? 2008) - 2008) / 17));
  const pricePerMu =
    supplyType === "allocation" ? rng.range(6, 9) : rng.range(10, 16) + 14 * recency * rng.range(0.5, 1);
  const total = occupied ? ind.investPerMuWan * mu * Math.exp(rng.normal(0, 0.25)) : null;
  let developed: number | null = null;
  let invested: number | null = null;
  if (plan.status === "built") [developed, invested] = [1, total];
  else if (plan.status === "supplied") [developed, invested] = [0, 0];
  else if (plan.status === "under_construction" && total !== null) {
    // Progress grows with the time since the start: about 2.5 years to finish.
    const elapsed = AS_OF_YEAR - (d.start ?? AS_OF_YEAR);
    developed =
      plan.idle === "stalled"
        ? rng.range(0.08, 0.3)
        : Math.min(0.9, Math.max(0.1, (elapsed / 2.5) * rng.range(0.7, 1.2)));
    const share =
      plan.idle === "stalled"
        ? rng.range(0.08, 0.24)
        : Math.min(0.95, Math.max(0.25, developed * rng.range(0.8, 1.2)));
    invested = total * share;
  }
  const built =
    (plan.status === "built" || plan.status === "under_construction") && developed !== null
      ? buildings(rng, plan, areaM2, developed)
      : { builtFloorAreaM2: null, buildingFootprintM2: null, structuresYardM2: null };
  const declaredAreaM2 = rng.chance(0.025)
    ? areaM2 * (1 + (rng.chance(0.5) ? 1 : -1) * rng.range(0.015, 0.05))
    : areaM2 * (1 + rng.normal(0, 0.0015));
  const date = (t: number | null) => (t === null ? null : toDate(t));
  const idleCause = plan.idle === "exempt" ? spec.exemptCause : plan.idle === "none" ? null : "enterprise";
  const props: PlotRecord["props"] = {
    code,
    parkCode: spec.code,
    landUseCode: use2023 && ind.landUse2023 !== null ? ind.landUse2023 : ind.landUse,
    landUseEdition: use2023 ? EDITION_2023 : EDITION_2017,
    status: plan.status,
    supplyType,
    ...(standard ? standardTerms(rng, plan) : NO_STANDARD),
    landPriceWan: occupied ? r2(pricePerMu * mu) : null,
    approvalDate: date(d.approval),
    supplyDate: date(d.supply),
    agreedStartDate: date(d.agreed),
    extendedStartDate: null,
    actualStartDate: date(d.start),
    developedAreaRatio: developed === null ? null : roundTo(developed, 3),
    investedExclLandWan: invested === null ? null : r2(invested),
    totalInvestmentExclLandWan: total === null ? null : r2(total),
    suspendedSince: date(d.suspended),
    delayCause: idleCause ?? null,
    plannedMinFar: ind.minFar,
    plannedMaxFar: roundTo(Math.min(3, ind.minFar + rng.range(1, 1.8)), 1),
    plannedMinCoverageRatio: (d.supply ?? 2025) >= 2020 ? 0.4 : 0.3,
    ...built,
    declaredAreaM2: r2(declaredAreaM2),
  };
  return {
    props,
    timeline: {
      startYear: d.start,
      completedYear: d.completed,
      suspendedYear: d.suspended,
      totalInvestmentWan: total,
      investedWan: invested,
    },
  };
}
