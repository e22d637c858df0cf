import { AGGREGATE_KEYS, type AggregateKey, type Figure, figuresFromSums } from "../../geo/aggregate.ts";
import { DEFAULT_SUPPLY_RATE_BASIS, landPotentials } from "../../geo/land_potential.ts";
import { ZHEJIANG_MU_JUN_PROFILE } from "../../geo/mu_jun_profiles.ts";
import {
  guizhouOutputTarget,
  type TargetProgress,
  trackTarget,
  type ZoneTarget,
} from "../../geo/target_tracking.ts";
import { DEFAULT_TDT_SCORING, tdtScores } from "../../geo/tdt_score.ts";
import type { Db } from "../db/db.ts";
import { refreshMetricsFacts, zoneSumsFromFacts } from "../db/metrics_facts.ts";
import { statsYears, supplyByYear } from "../db/metrics_inputs.ts";
import { type MetricsScope, metricsSums } from "../db/metrics_sql.ts";
import { muJunGradeCountsSql } from "../db/mu_jun_sql.ts";
import { INDICATOR_CATALOGUE, type IndicatorInfo } from "./indicator_catalogue.ts";
import { resolveYear } from "./resolve_year.ts";

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
 * Park or zone metrics: TD/T 1029 figures summed in PostGIS (`metricsSums`) and turned into values
 * by geo/ (`figuresFromSums`), with units, definitions, targets and data coverage; 亩均 grade counts
 * (SQL twin of geo/ `evaluateMuJun`);
 * TD/T scores; potentials. Targets: the zone's own where one names the indicator, else the Guizhou
 * output-intensity target for the zone's level (500 / 300 万元/亩).
 * @param askedYear statistics year; default the latest with statistics (404 `year_not_found` if absent).
 */
export async function computeAreaMetrics(
  q: Db,
  scope: MetricsScope,
  askedYear: number | undefined,
  zone: { level: "national" | "provincial"; targets: readonly ZoneTarget[] },
) {
  const availableYears = await statsYears(q, scope);
  const year = resolveYear(askedYear, availableYears);
  // A zone reads the stored facts (decision 0005), brought up to date first; a park (~100 plots)
  // computes from the tables. Independent statements are issued together: on a server pool they run
  // on separate connections (PGlite queues them).
  const zoneId = "zone" in scope ? scope.zone : null;
  if (zoneId !== null) await q.transaction((tx) => refreshMetricsFacts(tx));
  const [sums, muJun, supply] = await Promise.all([
    zoneId === null
      ? metricsSums(q, scope, year)
      : q.transaction((tx) => zoneSumsFromFacts(tx, zoneId, year)),
    // 亩均 grades in SQL (the twin of geo/mu_jun.ts evaluateMuJun, held equal by
    // tests/api/mu_jun_parity.test.ts): a zone's 420,000 firm-years no longer travel to Node.
    muJunGradeCountsSql(q, scope, year, ZHEJIANG_MU_JUN_PROFILE, zoneId === null ? "tables" : "facts"),
    supplyByYear(q, scope),
  ]);
  const aggregates = figuresFromSums(sums);
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

  return {
    year,
    availableYears,
    indicators,
    gradeCounts: muJun.counts,
    muJunProfile: ZHEJIANG_MU_JUN_PROFILE.id,
    scores: tdtScores(aggregates, DEFAULT_TDT_SCORING),
    potentials: landPotentials(
      aggregates,
      supply,
      year,
      { industrialLandRate: idealOf("industrialLandRate"), industrialFar: idealOf("industrialFar") },
      DEFAULT_SUPPLY_RATE_BASIS,
    ),
    dataCoverage: {
      plots: aggregates.areaMu.coverage.plots,
      enterprises: muJun.enterprises,
      enterprisesWithStats: muJun.enterprisesWithStats,
    },
  };
}
