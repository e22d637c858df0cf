import { AGGREGATE_KEYS, type AggregateKey, aggregateLand, type Figure } from "../../geo/aggregate.ts";
import { DEFAULT_SUPPLY_RATE_BASIS, landPotentials } from "../../geo/land_potential.ts";
import { evaluateMuJun, gradeCounts, type MuJunFirmYear } from "../../geo/mu_jun.ts";
import { ZHEJIANG_MU_JUN_PROFILE } from "../../geo/mu_jun_profiles.ts";
import {
  guizhouOutputTarget,
  type TargetProgress,
  trackTarget,
  type ZoneTarget,
} from "../../geo/target_tracking.ts";
import { DEFAULT_TDT_SCORING, tdtScores } from "../../geo/tdt_score.ts";
import type { MetricsInputs } from "../db/metrics_inputs.ts";
import { INDICATOR_CATALOGUE, type IndicatorInfo } from "./indicator_catalogue.ts";

/** One figure as the metrics endpoints return it. */
export type IndicatorOut = Figure &
  IndicatorInfo & { key: AggregateKey; target: ZoneTarget | null; progress: TargetProgress | null };

/** Ideal values of the structure and intensity potentials, taken from the TD/T scoring defaults. */
function idealOf(key: AggregateKey): number {
  for (const sub of DEFAULT_TDT_SCORING.subObjectives) {
    const spec = sub.indicators.find((i) => i.key === key);
    if (spec) return spec.ideal;
  }
  throw new Error(`no ideal value configured for ${key}`);
}

/**
 * Park or zone metrics for `year`, composed from geo/: TD/T 1029 aggregates with units, definitions,
 * targets and data coverage; 亩均 grade counts; TD/T scores; potentials; zone target tracking.
 * Targets: the zone's own (`zones.targets`) where one names the indicator, else the Guizhou output
 * intensity target for the zone's level (500 / 300 万元/亩).
 */
export function computeAreaMetrics(
  inputs: MetricsInputs,
  year: number,
  zone: { level: "national" | "provincial"; targets: readonly ZoneTarget[] },
) {
  const aggregates = aggregateLand({
    plots: inputs.plots,
    enterprises: inputs.enterprises,
    stats: inputs.stats,
    year,
    enterpriseLandAreaM2: inputs.enterpriseLandAreaM2,
  });
  const targetFor = (key: AggregateKey): ZoneTarget | null =>
    zone.targets.find((t) => t.indicator === key) ??
    (key === "outputPerMuWan" ? guizhouOutputTarget(zone.level) : null);
  const indicators = Object.fromEntries(
    AGGREGATE_KEYS.map((key) => {
      const fig = aggregates[key];
      const target = targetFor(key);
      return [
        key,
        {
          key,
          ...fig,
          ...INDICATOR_CATALOGUE[key],
          target,
          progress: target ? trackTarget(fig, target) : null,
        },
      ];
    }),
  ) as Record<AggregateKey, IndicatorOut>;

  const firms: MuJunFirmYear[] = inputs.enterprises.map((e) => ({
    enterpriseId: e.id,
    isAboveScale: e.isAboveScale,
    landAreaM2: inputs.enterpriseLandAreaM2[e.id] ?? 0,
    stats: inputs.stats.find((s) => s.enterpriseId === e.id && s.year === year) ?? null,
  }));
  const evaluations = evaluateMuJun(firms, ZHEJIANG_MU_JUN_PROFILE);
  const missingStatsPlots = inputs.plots.filter(
    (p) =>
      p.status === "built" &&
      (p.enterpriseId === null || !firms.some((f) => f.enterpriseId === p.enterpriseId && f.stats !== null)),
  ).length;

  return {
    year,
    availableYears: inputs.years,
    indicators,
    gradeCounts: gradeCounts(evaluations),
    muJunProfile: ZHEJIANG_MU_JUN_PROFILE.id,
    scores: tdtScores(aggregates, DEFAULT_TDT_SCORING),
    potentials: landPotentials(
      aggregates,
      inputs.plots,
      year,
      { industrialLandRate: idealOf("industrialLandRate"), industrialFar: idealOf("industrialFar") },
      DEFAULT_SUPPLY_RATE_BASIS,
    ),
    dataCoverage: {
      plots: inputs.plots.length,
      enterprises: inputs.enterprises.length,
      enterprisesWithStats: firms.filter((f) => f.stats !== null).length,
      builtPlotsWithoutStats: missingStatsPlots,
    },
  };
}
