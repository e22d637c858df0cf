/**
 * Illustrative annual statistics of one firm (2020–2024): output per 亩 drawn log-normally
 * around the industry median (with deliberate weak and excellent tails), then value added, tax,
 * revenue, investment, energy, emissions, staff and R&D derived from it. Money in 万元.
 */
import type { z } from "zod";
import type { DemoStatsSchema } from "../../api/schemas/demo_dataset.ts";
import { STATS_FIRST_YEAR, STATS_LAST_YEAR } from "./dates.ts";
import { roundTo } from "./local_frame.ts";
import type { ParkSpec } from "./park_specs.ts";
import type { PlotTimeline } from "./plot_attributes.ts";
import type { Rng } from "./rng.ts";
import type { PlotPlan } from "./status_plan.ts";

/** One year of a firm's statistics. */
export type DemoStats = z.infer<typeof DemoStatsSchema>;

/** kWh per tce at the equivalent-value factor 0.1229 kgce/kWh. */
const KWH_PER_TCE = 1 / 0.0001229;
const r2 = (v: number) => roundTo(v, 2);

/** Output per 亩 in the last year, 万元/亩. */
function outputPerMu(rng: Rng, spec: ParkSpec, plan: PlotPlan): number {
  if (plan.shape.kind === "smelter") return rng.range(1800, 2600);
  const u = rng.next();
  if (u < 0.06) return rng.range(12, 48);
  if (u < 0.1) return rng.range(1000, 1800);
  return plan.industry.outputPerMuWan * spec.outputFactor * Math.exp(rng.normal(0, 0.3));
}

function constructionRow(rng: Rng, year: number, faiWan: number): DemoStats {
  return {
    year,
    outputWan: 0,
    valueAddedWan: 0,
    taxWan: 0,
    revenueWan: 0,
    fixedAssetInvestmentWan: r2(faiWan),
    energyTce: null,
    emissionsT: null,
    electricityKwh: null,
    employees: rng.int(5, 25),
    rndWan: 0,
  };
}

/**
 * Statistics rows of a firm whose (first) plot has the given plan and timeline.
 * Built plots report from the year after completion (construction years before that, from 2020);
 * plots under construction report investment only (a few with trial output in 2024);
 * supplied plots report nothing.
 */
export function firmStats(
  rng: Rng,
  spec: ParkSpec,
  plan: PlotPlan,
  t: PlotTimeline,
  mu: number,
  isHighTech: boolean,
): DemoStats[] {
  if (t.startYear === null || t.startYear >= STATS_LAST_YEAR + 1) return [];
  const ind = plan.industry;
  const total = t.totalInvestmentWan ?? 0;
  const firstYear = Math.max(STATS_FIRST_YEAR, Math.floor(t.startYear));
  const rows: DemoStats[] = [];
  if (plan.status !== "built") {
    const lastYear = Math.min(STATS_LAST_YEAR, Math.floor(t.suspendedYear ?? STATS_LAST_YEAR));
    const years = Math.max(1, lastYear - firstYear + 1);
    for (let y = firstYear; y <= lastYear; y++)
      rows.push(constructionRow(rng, y, (t.investedWan ?? 0) / years));
    const last = rows[rows.length - 1];
    if (plan.idle === "none" && t.startYear < 2023.5 && last !== undefined && rng.chance(0.3)) {
      const out = ind.outputPerMuWan * spec.outputFactor * mu * rng.range(0.05, 0.2);
      rows[rows.length - 1] = {
        ...operatingRow(rng, plan, last.year, out, isHighTech, rng.range(0.03, 0.08)),
        fixedAssetInvestmentWan: last.fixedAssetInvestmentWan,
      };
    }
    return rows;
  }
  const completed = Math.floor(t.completedYear ?? t.startYear);
  const buildYears = Math.max(1, completed - Math.floor(t.startYear) + 1);
  const out2024 = outputPerMu(rng, spec, plan) * mu;
  const growth = rng.normal(0.07, 0.06);
  // Electrolytic aluminium runs on thin margins: much output per 亩, little tax per 万元 of it. Others
  // stay close to the park norm so that the deliberate weak tail (~6 %), not the spread, supplies the
  // low-efficiency plots (domain.md §12: seed 5–10 %).
  const taxRate = plan.shape.kind === "smelter" ? rng.range(0.015, 0.025) : rng.range(0.045, 0.065);
  for (let y = firstYear; y <= STATS_LAST_YEAR; y++) {
    if (y <= completed) {
      rows.push(constructionRow(rng, y, total / buildYears));
      continue;
    }
    const ramp = y === completed + 1 && completed >= STATS_FIRST_YEAR - 1 ? rng.range(0.4, 0.7) : 1;
    const out = (out2024 / (1 + growth) ** (STATS_LAST_YEAR - y)) * Math.exp(rng.normal(0, 0.04)) * ramp;
    rows.push(operatingRow(rng, plan, y, out, isHighTech, taxRate, total));
  }
  return rows;
}

function operatingRow(
  rng: Rng,
  plan: PlotPlan,
  year: number,
  outputWan: number,
  isHighTech: boolean,
  taxRate: number,
  totalInvestmentWan = 0,
): DemoStats {
  const ind = plan.industry;
  const revenue = outputWan * (1 + Math.max(-0.05, Math.min(0.05, rng.normal(0, 0.025))));
  const va = outputWan * rng.range(0.2, 0.35);
  const energy = outputWan * ind.energyTcePerWan * Math.exp(rng.normal(0, 0.2));
  const reported = rng.chance(0.96);
  const rnd = revenue * (isHighTech ? rng.range(0.03, 0.05) : rng.range(0.005, 0.02));
  return {
    year,
    outputWan: r2(outputWan),
    valueAddedWan: r2(va),
    taxWan: r2(outputWan * taxRate),
    revenueWan: r2(revenue),
    fixedAssetInvestmentWan: r2(rng.chance(0.3) ? 0 : totalInvestmentWan * rng.range(0.01, 0.06)),
    energyTce: reported ? r2(energy) : null,
    emissionsT: reported ? roundTo((va / ind.vaPerEmissionTWan) * Math.exp(rng.normal(0, 0.3)), 3) : null,
    electricityKwh: reported
      ? Math.round(energy * ind.elecShare * KWH_PER_TCE * Math.exp(rng.normal(0, 0.05)))
      : null,
    employees: Math.max(8, Math.round((outputWan / ind.outputPerEmployeeWan) * Math.exp(rng.normal(0, 0.2)))),
    rndWan: r2(rnd),
  };
}
