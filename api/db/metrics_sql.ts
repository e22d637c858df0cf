import { AGGREGATE_KEYS, type AggregateKey, type FigureSums } from "../../geo/aggregate.ts";
import { DEFAULT_IDLE_LAND_RULES, type IdleLandRules } from "../../geo/idle_land.ts";
import { INDUSTRIAL_LAND_USE_PREFIXES, STATUS_TO_TDT } from "../../geo/land_class.ts";
import { THRESHOLD_REL_TOL } from "../../geo/thresholds.ts";
import type { PlotStatus } from "../../geo/types.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import type { Db } from "./db.ts";

/**
 * The sums of geo/aggregate.ts `aggregateSums`, computed in PostGIS for scale (one statement; see
 * `METRICS_SUMS_SQL` for its plan).
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

/**
 * Registers each distinct aggregate once and hands back its column alias. Every condition of SPECS
 * becomes one bit of a per-plot mask, so the plots are summed once per distinct mask (a few hundred
 * groups) instead of evaluating ~70 filtered aggregates per plot, and the distinct-enterprise counts
 * need one `bit_or` per firm instead of one `bool_or` per condition.
 */
class Columns {
  readonly totals: string[] = [];
  readonly firmCounts: string[] = [];
  /** Conditions, by bit position. */
  readonly conds: string[] = [];
  /** Summed expressions, by position (`e0`, `e1`, …). */
  readonly exprs: string[] = [];
  private readonly seen = new Map<string, string>();
  private alias(key: string): [string, boolean] {
    const found = this.seen.get(key);
    if (found) return [found, false];
    const alias = `c${this.seen.size}`;
    this.seen.set(key, alias);
    return [alias, true];
  }
  private bit(where: Cond): string {
    let i = this.conds.indexOf(where);
    if (i === -1) i = this.conds.push(where) - 1;
    if (i > 62) throw new Error("more than 63 distinct conditions: the mask is a bigint");
    return `${2n ** BigInt(i)}::int8`;
  }
  private expr(e: string): string {
    let i = this.exprs.indexOf(e);
    if (i === -1) i = this.exprs.push(e) - 1;
    return `e${i}`;
  }
  /** Σ `expr` over the plots meeting `where` (0 when none). */
  sum(expr: string, where: Cond): string {
    const [a, fresh] = this.alias(`sum|${expr}|${where}`);
    if (fresh)
      this.totals.push(
        `coalesce(sum(${this.expr(expr)}) FILTER (WHERE mask & ${this.bit(where)} <> 0), 0)::float8 AS ${a}`,
      );
    return a;
  }
  /** Number of plots meeting `where`. */
  count(where: Cond): string {
    const [a, fresh] = this.alias(`count|${where}`);
    if (fresh)
      this.totals.push(`coalesce(sum(n) FILTER (WHERE mask & ${this.bit(where)} <> 0), 0)::int AS ${a}`);
    return a;
  }
  /** Number of distinct enterprises with a plot meeting `where` (per-firm mask, then a count). */
  firms(where: Cond): string {
    const [a, fresh] = this.alias(`firms|${where}`);
    if (fresh)
      this.firmCounts.push(`coalesce(sum(k) FILTER (WHERE m & ${this.bit(where)} <> 0), 0)::int AS ${a}`);
    return a;
  }
  /** The per-plot mask expression. */
  mask(): string {
    return this.conds
      .map((c, i) => `CASE WHEN ${c} THEN ${2n ** BigInt(i)}::int8 ELSE 0::int8 END`)
      .join("\n      + ");
  }
}

const COLS = new Columns();
const ALIASES = Object.fromEntries(
  AGGREGATE_KEYS.map((k) => {
    const s = SPECS[k];
    return [
      k,
      {
        numerator: COLS.sum(s.num, s.numWhere),
        denominator: s.den === "0" ? null : COLS.sum(s.den, s.denWhere),
        plots: COLS.count(s.used),
        eligiblePlots: COLS.count(s.eligible),
        enterprises: COLS.firms(s.used),
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

/**
 * Per-plot facts of the scope selected by `parkClause` (a predicate on plots `s` using $1) and $2 (zone):
 * `p` joins each plot to its enterprise, with its maintained total land, and to the year's statistics
 * row, with the maintained cumulative investment (materialised once); `f` narrows it to the plot, its
 * park and enterprise, the bit mask of the conditions met and the summed quantities `e0`, `e1`, ….
 * Parameters as listed in `metricsParams`.
 */
export const plotFactsCtes = (parkClause: string) => `
p AS MATERIALIZED (
  SELECT s.id AS plot_id, s.park_id, s.enterprise_id, s.status, s.area_m2 AS m2, s.area_m2 / $5::float8 AS mu,
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
    FROM plots s
    LEFT JOIN enterprises e ON e.id = s.enterprise_id
    LEFT JOIN enterprise_stats es ON es.enterprise_id = s.enterprise_id AND es.year = $3
    -- The firm's whole land (all parks) is the maintained enterprises.land_m2 (migration 0006).
    CROSS JOIN LATERAL (SELECT CASE WHEN e.land_m2 > 0 THEN least(1, s.area_m2 / e.land_m2) ELSE 0 END AS share) sh
    -- Cumulative investment up to the year: the maintained running sum on the year's row, or, for a firm
    -- without a row that year, on its latest earlier row (one index probe, only for those firms).
    CROSS JOIN LATERAL (SELECT CASE
      WHEN es.enterprise_id IS NOT NULL THEN es.fai_cumulative_wan
      WHEN s.enterprise_id IS NOT NULL THEN (SELECT x.fai_cumulative_wan FROM enterprise_stats x
        WHERE x.enterprise_id = s.enterprise_id AND x.year < $3 ORDER BY x.year DESC LIMIT 1)
    END AS wan) fai
   WHERE ${parkClause}
     AND ($2::int IS NULL OR s.park_id IN (SELECT id FROM parks WHERE zone_id = $2))
),
-- Narrow per-plot rows: the plot, the enterprise, the mask of conditions met, the summed quantities.
f AS MATERIALIZED (
  SELECT plot_id, park_id, enterprise_id, ${COLS.mask()} AS mask,
    ${COLS.exprs.map((e, i) => `${e} AS e${i}`).join(", ")}
    FROM p
)`;

/** Number of summed quantities (`e0` … `e7`): the columns of `plot_metric_facts` (migration 0008). */
export const FACT_QUANTITIES = 8;
if (COLS.exprs.length > FACT_QUANTITIES) {
  throw new Error(
    `the metrics sum ${COLS.exprs.length} quantities; plot_metric_facts stores ${FACT_QUANTITIES}`,
  );
}
/** The quantity columns of `f` and `plot_metric_facts`, padded with NULLs to FACT_QUANTITIES. */
export const FACT_COLUMNS = Array.from({ length: FACT_QUANTITIES }, (_, i) => `e${i}`);
/** `f`'s quantity columns as stored, padded with NULLs. */
export const FACT_SELECT = FACT_COLUMNS.map((c, i) =>
  i < COLS.exprs.length ? c : `NULL::float8 AS ${c}`,
).join(", ");

/**
 * The sums over per-plot facts `f` (enterprise_id, mask, e0, …) summed per mask, and the distinct-firm
 * counts over `perFirm`, a query giving each firm's OR of its plots' masks as `m`.
 */
export const sumsTail = (
  perFirm = "SELECT bit_or(mask) AS m FROM f WHERE enterprise_id IS NOT NULL GROUP BY enterprise_id",
) => `
g AS (SELECT mask, ${COLS.exprs.map((_, i) => `sum(e${i}) AS e${i}`).join(", ")}, count(*) AS n FROM f GROUP BY mask),
totals AS (SELECT ${COLS.totals.join(",\n    ")} FROM g),
per_firm AS (SELECT m, count(*) AS k FROM (${perFirm}) x GROUP BY m),
firm_counts AS (SELECT ${COLS.firmCounts.join(", ")} FROM per_firm)
SELECT * FROM totals, firm_counts`;

/**
 * The statement; parameters are listed in `metricsParams`. Plan: per-plot facts (`plotFactsCtes`), then
 * summed per distinct mask and OR-ed per enterprise for the distinct-enterprise counts. Run with a
 * larger work_mem and without JIT (see `metricsSums`).
 */
export const METRICS_SUMS_SQL = `WITH ${plotFactsCtes("($1::int IS NULL OR s.park_id = $1)")},${sumsTail()}`;

/** work_mem for the metrics statement (transaction-local). */
export const METRICS_WORK_MEM = "256MB";

/** Scope of an aggregation: one park or one zone. */
export type MetricsScope = { park: number } | { zone: number };

/** The parameters of `METRICS_SUMS_SQL` (numbered as listed). */
export function metricsParams(
  scope: MetricsScope,
  year: number,
  asOf = `${year}-12-31`,
  rules: IdleLandRules = DEFAULT_IDLE_LAND_RULES,
): unknown[] {
  const [park, zone] = "park" in scope ? [scope.park, null] : [null, scope.zone];
  return [
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
  ];
}

/**
 * The figure sums of a park or zone for `year` (statistics of that year; cumulative investment up to
 * it), idle rules as of `asOf` (default 31 December of `year`).
 */
export async function metricsSums(
  q: Db,
  scope: MetricsScope,
  year: number,
  asOf = `${year}-12-31`,
  rules: IdleLandRules = DEFAULT_IDLE_LAND_RULES,
): Promise<Record<AggregateKey, FigureSums>> {
  const zone = "zone" in scope ? scope.zone : null;
  const params = metricsParams(scope, year, asOf, rules);
  const rows = await q.transaction(async (tx) => {
    // Sorts and hashes over a million plots: give this statement memory instead of disk spills.
    await tx.query(`SELECT set_config('work_mem', $1, true)`, [METRICS_WORK_MEM]);
    // Zone scope: hash joins, not 400k-fold index nested loops (before migration 0006 the planner
    // picked those and took 11.7 s instead of 7.4 s on a 530k-plot zone). A park (~100 plots) needs
    // the index loops (6 ms vs 1.8 s with hash joins), so this applies to zones only (docs/performance.md).
    if (zone !== null) await tx.query(`SELECT set_config('enable_nestloop', 'off', true)`);
    // JIT compiling this wide statement took 3.7 s of a 25.8 s zone run (PostgreSQL 15, default
    // jit_above_cost) and saves less than it costs on half a million rows.
    await tx.query(`SELECT set_config('jit', 'off', true)`);
    return tx.query<Record<string, number>>(METRICS_SUMS_SQL, params);
  });
  return sumsFromRow(rows[0] ?? {});
}

/** The figure sums of one row of `SUMS_TAIL`. */
export function sumsFromRow(row: Record<string, number>): Record<AggregateKey, FigureSums> {
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
