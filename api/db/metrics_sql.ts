import { AGGREGATE_KEYS, type AggregateKey, type FigureSums } from "../../geo/aggregate.ts";
import { DEFAULT_IDLE_LAND_RULES, type IdleLandRules } from "../../geo/idle_land.ts";
import { INDUSTRIAL_LAND_USE_PREFIXES, STATUS_TO_TDT } from "../../geo/land_class.ts";
import { THRESHOLD_REL_TOL } from "../../geo/thresholds.ts";
import type { PlotStatus } from "../../geo/types.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import type { Queryable } from "./db.ts";

/**
 * The sums of geo/aggregate.ts `aggregateSums`, computed in PostGIS for scale (one statement, two
 * aggregation stages: per enterprise, then overall, so distinct-enterprise counts cost one pass).
 * Class memberships, industrial land-use prefixes and idle thresholds are passed from geo/ so each
 * rule has one definition; `za_idle_class` and `za_full_years` (migration 0005) mirror geo/idle_land.ts.
 */

type Cond = string;
interface SqlSpec {
  /** Sum for the numerator, over `used`. */
  num: string;
  /** Sum for the denominator, over `den` ("0" for areas). */
  den: string;
  numWhere: Cond;
  denWhere: Cond;
  /** Plots whose data entered the figure. */
  used: Cond;
  eligible: Cond;
}

const ALL = "true";
const A = "is_a";
const AB21 = "(is_a OR is_b21)";
const D = "is_d";
const A2 = "is_a2";
const G = "(is_d AND idle = 'idle')";
const DET = "(is_d AND idle IN ('idle', 'not_idle'))";

const area = (c: Cond): SqlSpec => ({ num: "mu", den: "0", numWhere: c, denWhere: c, used: c, eligible: c });
const rate = (num: Cond, den: Cond, eligible: Cond): SqlSpec => ({
  num: "mu",
  den: "mu",
  numWhere: num,
  denWhere: den,
  used: den,
  eligible,
});
const intensity = (eligible: Cond, part: string, den: "m2" | "mu"): SqlSpec => {
  const used = `(${eligible} AND ${part} IS NOT NULL)`;
  return { num: part, den, numWhere: used, denWhere: used, used, eligible };
};

/** Which plots enter each figure: the SQL twin of `aggregateSums` in geo/aggregate.ts. */
const SPECS: Record<AggregateKey, SqlSpec> = {
  areaMu: area(ALL),
  supplyReadyMu: area(AB21),
  suppliedMu: area(D),
  builtMu: area(A),
  idleMu: area(G),
  approvedUnsuppliedMu: area("status = 'approved_unsupplied'"),
  availableMu: area("status = 'available'"),
  suppliableMu: area("is_e"),
  industrialMu: area(A2),
  developmentRate: rate(AB21, ALL, ALL),
  supplyRate: rate(D, AB21, AB21),
  builtRate: rate(A, D, D),
  industrialLandRate: rate(A2, A, A),
  far: intensity(A, "floor_m2", "m2"),
  buildingDensity: intensity(A, "footprint_m2", "m2"),
  industrialFar: intensity(A2, "floor_m2", "m2"),
  industrialCoverage: intensity(A2, "covered_m2", "m2"),
  investmentPerMuWan: intensity(A2, "fai_wan", "mu"),
  investmentPerHaWan: intensity(A2, "fai_wan", "mu"),
  taxPerMuWan: intensity(A2, "tax_wan", "mu"),
  taxPerHaWan: intensity(A2, "tax_wan", "mu"),
  outputPerMuWan: intensity(A2, "output_wan", "mu"),
  highTechLandRate: rate("(is_a AND high_tech)", A, A),
  idleRate: rate(G, DET, D),
};

/** Registers each distinct aggregate expression once and hands back its column alias. */
class Columns {
  readonly stage1: string[] = [];
  readonly stage2: string[] = [];
  private readonly seen = new Map<string, string>();
  add(inner: string, outer: (alias: string) => string): string {
    const key = `${inner}|${outer("x")}`;
    const found = this.seen.get(key);
    if (found) return found;
    const alias = `c${this.seen.size}`;
    this.seen.set(key, alias);
    this.stage1.push(`${inner} AS ${alias}_1`);
    this.stage2.push(`${outer(`${alias}_1`)} AS ${alias}`);
    return alias;
  }
}

const COLS = new Columns();
const ALIASES = Object.fromEntries(
  AGGREGATE_KEYS.map((k) => {
    const s = SPECS[k];
    const sumOf = (e: string, w: Cond) =>
      COLS.add(`sum(${e}) FILTER (WHERE ${w})`, (a) => `coalesce(sum(${a}), 0)::float8`);
    const countOf = (w: Cond) =>
      COLS.add(`count(*) FILTER (WHERE ${w})`, (a) => `coalesce(sum(${a}), 0)::int`);
    return [
      k,
      {
        numerator: sumOf(s.num, s.numWhere),
        denominator: s.den === "0" ? null : sumOf(s.den, s.denWhere),
        plots: countOf(s.used),
        eligiblePlots: countOf(s.eligible),
        enterprises: COLS.add(
          `bool_or(${s.used})`,
          (a) => `(count(*) FILTER (WHERE ${a} AND enterprise_id IS NOT NULL))::int`,
        ),
      },
    ];
  }),
) as Record<AggregateKey, Record<keyof FigureSums, string | null>>;

const statuses = (pick: (m: (typeof STATUS_TO_TDT)[PlotStatus]) => boolean): string[] =>
  (Object.keys(STATUS_TO_TDT) as PlotStatus[]).filter((s) => pick(STATUS_TO_TDT[s]));

const prefixPairs = Object.entries(INDUSTRIAL_LAND_USE_PREFIXES).flatMap(([ed, ps]) =>
  ps.map((p) => `${ed}|${p}`),
);
const PREFIX_LENGTH = INDUSTRIAL_LAND_USE_PREFIXES["GB/T 21010-2017"][0]?.length ?? 4;
if (
  Object.values(INDUSTRIAL_LAND_USE_PREFIXES)
    .flat()
    .some((p) => p.length !== PREFIX_LENGTH)
) {
  throw new Error("industrial land-use prefixes must all have the same length for the SQL match");
}

/** The statement; parameters are listed in `metricsSums`. */
export const METRICS_SUMS_SQL = `
WITH scope AS (
  SELECT pl.* FROM plots pl JOIN parks p ON p.id = pl.park_id
   WHERE ($1::int IS NULL OR pl.park_id = $1) AND ($2::int IS NULL OR p.zone_id = $2)
),
firm_land AS (
  SELECT enterprise_id, sum(area_m2) AS m2 FROM plots
   WHERE enterprise_id IN (SELECT enterprise_id FROM scope) GROUP BY enterprise_id
),
fai AS (
  SELECT enterprise_id, sum(fixed_asset_investment_wan) AS wan FROM enterprise_stats
   WHERE year <= $3 AND fixed_asset_investment_wan IS NOT NULL
     AND enterprise_id IN (SELECT enterprise_id FROM scope) GROUP BY enterprise_id
),
f AS (
  SELECT s.enterprise_id, s.status, s.area_m2 AS m2, s.area_m2 / $5::float8 AS mu,
         s.status = ANY($6::text[]) AS is_a, s.status = ANY($7::text[]) AS is_b21,
         s.status = ANY($8::text[]) AS is_d, s.status = ANY($9::text[]) AS is_e,
         s.status = ANY($6::text[])
           AND (s.land_use_edition || '|' || left(btrim(s.land_use_code), $11)) = ANY($10::text[]) AS is_a2,
         coalesce(e.is_high_tech, false) AS high_tech,
         CASE WHEN s.status = ANY($8::text[]) THEN za_idle_class(s.status, s.agreed_start_date, s.extended_start_date,
           s.actual_start_date, s.suspended_since, s.developed_area_ratio, s.invested_excl_land_wan,
           s.total_investment_excl_land_wan, $4::date, $12, $13, $14, $15, $16) END AS idle,
         s.built_floor_area_m2 AS floor_m2, s.building_footprint_m2 AS footprint_m2,
         s.building_footprint_m2 + s.structures_yard_m2 AS covered_m2,
         fai.wan * sh.share AS fai_wan, es.tax_wan * sh.share AS tax_wan, es.output_wan * sh.share AS output_wan
    FROM scope s
    LEFT JOIN enterprises e ON e.id = s.enterprise_id
    LEFT JOIN firm_land fl ON fl.enterprise_id = s.enterprise_id
    LEFT JOIN fai ON fai.enterprise_id = s.enterprise_id
    LEFT JOIN enterprise_stats es ON es.enterprise_id = s.enterprise_id AND es.year = $3
    CROSS JOIN LATERAL (SELECT CASE WHEN fl.m2 > 0 THEN least(1, s.area_m2 / fl.m2) ELSE 0 END AS share) sh
),
g AS (SELECT enterprise_id, ${COLS.stage1.join(",\n    ")} FROM f GROUP BY enterprise_id)
SELECT ${COLS.stage2.join(",\n  ")} FROM g`;

/** Scope of an aggregation: one park or one zone. */
export type MetricsScope = { park: number } | { zone: number };

/**
 * The figure sums of a park or zone for `year` (statistics of that year; cumulative investment up to
 * it), idle rules as of `asOf` (default 31 December of `year`).
 */
export async function metricsSums(
  q: Queryable,
  scope: MetricsScope,
  year: number,
  asOf = `${year}-12-31`,
  rules: IdleLandRules = DEFAULT_IDLE_LAND_RULES,
): Promise<Record<AggregateKey, FigureSums>> {
  const [park, zone] = "park" in scope ? [scope.park, null] : [null, scope.zone];
  const rows = await q.query<Record<string, number>>(METRICS_SUMS_SQL, [
    park,
    zone,
    year,
    asOf,
    M2_PER_MU,
    statuses((m) => m.abClass === "A"),
    statuses((m) => m.abClass === "B21"),
    statuses((m) => m.supplied),
    statuses((m) => m.suppliable),
    prefixPairs,
    PREFIX_LENGTH,
    rules.unstartedFeeYears,
    rules.stalledSuspendedYears,
    rules.stalledDevelopedMinRatio,
    rules.stalledInvestedMinRatio,
    THRESHOLD_REL_TOL,
  ]);
  const row = rows[0] ?? {};
  const get = (alias: string | null) => (alias === null ? 0 : (row[alias] ?? 0));
  return Object.fromEntries(
    AGGREGATE_KEYS.map((k) => {
      const a = ALIASES[k];
      return [
        k,
        {
          numerator: get(a.numerator),
          denominator: get(a.denominator),
          plots: get(a.plots),
          eligiblePlots: get(a.eligiblePlots),
          enterprises: get(a.enterprises),
        },
      ];
    }),
  ) as Record<AggregateKey, FigureSums>;
}
