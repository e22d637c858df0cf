import { ECONOMIC_INDICATOR_DEFS, type StatField } from "../../geo/economic_indicators.ts";
import { percentileCutoffs, validBands } from "../../geo/mu_jun.ts";
import { GRADES, type Grade, type MuJunProfile, type MuJunTerm } from "../../geo/mu_jun_profiles.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import type { Db, Queryable } from "./db.ts";
import type { MetricsScope } from "./metrics_sql.ts";

/**
 * The 亩均 evaluation of geo/mu_jun.ts `evaluateMuJun` (benchmarks, scores, percentile or band grades),
 * computed in PostgreSQL for zone scale: a 420,000-firm zone no longer ships its firm-years to Node.
 * geo/ stays the definition; this is its SQL twin, held equal by tests/api/mu_jun_parity.test.ts on the
 * demo data and random groups, both adapters. The arithmetic follows geo/ operation by operation so
 * that scores agree to the last bit and ties break the same way:
 * - land in 亩 = `enterprises.land_m2` (Σ of the firm's plots, migration 0006) ÷ M2_PER_MU;
 * - an indicator = numerator × factor ÷ denominator, null unless both are finite and the denominator > 0
 *   (`safeRatio`);
 * - a benchmark = Σ numerators ÷ Σ denominators over the size class's firms that reported both parts,
 *   summed in enterprise-id order (`benchmarksFor`), null unless finite with a positive sum;
 * - a score = ((0 + p₁) + p₂) + … with pᵢ = min(cap, value ÷ benchmark) × weight, null when a term is
 *   missing (`muJunScore`);
 * - percentile grades: the share strictly ahead, (rank − 1) ÷ n within the size class, against
 *   `percentileCutoffs`; bands: score ≥ the class minimum (`assignGrades`).
 */

const STAT_COLUMNS: Readonly<Record<StatField, string>> = {
  outputWan: "output_wan",
  valueAddedWan: "value_added_wan",
  taxWan: "tax_wan",
  revenueWan: "revenue_wan",
  fixedAssetInvestmentWan: "fixed_asset_investment_wan",
  energyTce: "energy_tce",
  emissionsT: "emissions_t",
  electricityKwh: "electricity_kwh",
  employees: "employees",
  rndWan: "rnd_wan",
};

/** SQL for "x is a finite float8" (NaN compares above Infinity in PostgreSQL, so it fails too). */
const finite = (x: string) => `abs(${x}) < 'Infinity'::float8`;

class Params {
  readonly values: unknown[];
  constructor(initial: unknown[]) {
    this.values = [...initial];
  }
  add(v: unknown, type: string): string {
    this.values.push(v);
    return `$${this.values.length}::${type}`;
  }
}

/**
 * Where the firm-years come from: `tables` joins the scope's plots, enterprises and statistics;
 * `facts` reads the stored `firm_metric_facts` of a zone (api/db/metrics_facts.ts: the same values,
 * kept current by the metrics queue), which spares the joins over a zone's 400,000 firms.
 */
export type MuJunSource = "tables" | "facts";

/**
 * The statement (CTEs up to `graded`) and its parameters, for a profile, scope and year.
 * Fixed parameters: $1 park, $2 zone, $3 year, $4 M2_PER_MU.
 */
export function muJunCompiled(
  profile: MuJunProfile,
  scope: MetricsScope,
  year: number,
  source: MuJunSource = "tables",
) {
  if (source === "facts" && !("zone" in scope)) throw new Error("firm_metric_facts hold zone scopes only");
  // Column references of a firm-year's statistics and land in either source.
  const stat = (col: string) => (source === "facts" ? `f.${col}` : `es.${col}`);
  const land = source === "facts" ? "f.land_m2" : "e.land_m2";
  const [park, zone] = "park" in scope ? [scope.park, null] : [null, scope.zone];
  const p = new Params([park, zone, year, M2_PER_MU]);
  const classes = [
    { key: "a", above: "above", terms: profile.aboveScale },
    { key: "b", above: "NOT above", terms: profile.belowScale },
  ] as const;
  const parts: string[] = [];
  const benches: string[] = [];
  const benchValues: string[] = [];
  const values: string[] = [];
  const scores: string[] = [];
  for (const c of classes) {
    const points: string[] = [];
    const present: string[] = [];
    c.terms.forEach((t: MuJunTerm, i) => {
      const d = ECONOMIC_INDICATOR_DEFS[t.indicator];
      const n = `n_${c.key}${i}`;
      const den = `d_${c.key}${i}`;
      const v = `v_${c.key}${i}`;
      const b = `b_${c.key}${i}`;
      parts.push(
        `${stat(STAT_COLUMNS[d.numerator])}::float8 * ${p.add(d.factor, "float8")} AS ${n}`,
        d.denominator === "landMu"
          ? `${land} / $4::float8 AS ${den}`
          : `${stat(STAT_COLUMNS[d.denominator])}::float8 AS ${den}`,
      );
      const reported = `${c.above} AND ${n} IS NOT NULL AND ${den} IS NOT NULL`;
      benches.push(
        `count(*) FILTER (WHERE ${reported}) AS k_${c.key}${i}`,
        `sum(${n}) FILTER (WHERE ${reported}) AS sn_${c.key}${i}`,
        `sum(${den}) FILTER (WHERE ${reported}) AS sd_${c.key}${i}`,
      );
      values.push(`CASE WHEN ${finite(n)} AND ${finite(den)} AND ${den} > 0 THEN ${n} / ${den} END AS ${v}`);
      benchValues.push(
        `CASE WHEN k_${c.key}${i} > 0 AND ${finite(`sn_${c.key}${i}`)} AND ${finite(`sd_${c.key}${i}`)}
                AND sd_${c.key}${i} > 0 THEN sn_${c.key}${i} / sd_${c.key}${i} END AS ${b}`,
      );
      const ratio =
        profile.termRatioCap === null
          ? `${v} / ${b}`
          : `least(${p.add(profile.termRatioCap, "float8")}, ${v} / ${b})`;
      points.push(`(${ratio}) * ${p.add(t.weight, "float8")}`);
      present.push(`${v} IS NOT NULL AND ${b} > 0`);
    });
    const sum = points.reduce((acc, x) => `(${acc} + ${x})`, "0::float8");
    scores.push(`CASE WHEN ${present.join(" AND ") || "true"} THEN ${sum} END AS score_${c.key}`);
  }
  let grade: string;
  // count(*) over the partition without ORDER BY: with it, the frame would end at the current row.
  let ahead = "(rank() OVER g - 1)::float8 / (count(*) OVER (PARTITION BY above, score IS NULL))::float8";
  if (profile.grading.method === "bands") {
    const m = validBands(profile.grading.minScores);
    ahead = "NULL::float8";
    grade = `CASE WHEN score >= ${p.add(m.A, "float8")} THEN 'A' WHEN score >= ${p.add(m.B, "float8")} THEN 'B'
                  WHEN score >= ${p.add(m.C, "float8")} THEN 'C' ELSE 'D' END`;
  } else {
    const cut = percentileCutoffs(profile.grading.shares);
    grade = `CASE ${GRADES.map((g, k) => `WHEN ahead < ${p.add(cut[k], "float8")} THEN '${g}'`).join(" ")}
                  ELSE '${GRADES[GRADES.length - 1]}' END`;
  }
  const firmYears =
    source === "facts"
      ? `fy AS MATERIALIZED (
  SELECT f.enterprise_id AS id, f.is_above_scale AS above, f.has_stats,
         ${parts.join(",\n         ")}
    -- ($1 is NULL for a zone; named so every parameter has a type.)
    FROM firm_metric_facts f WHERE f.zone_id = $2::int AND f.year = $3::int AND $1::int IS NULL
   ORDER BY f.enterprise_id
),`
      : `firms AS (
  SELECT DISTINCT pl.enterprise_id AS id FROM plots pl
   WHERE pl.enterprise_id IS NOT NULL
     AND ($1::int IS NULL OR pl.park_id = $1)
     AND ($2::int IS NULL OR pl.park_id IN (SELECT id FROM parks WHERE zone_id = $2))
),
fy AS MATERIALIZED (
  SELECT e.id, e.is_above_scale AS above, es.enterprise_id IS NOT NULL AS has_stats,
         ${parts.join(",\n         ")}
    FROM firms JOIN enterprises e ON e.id = firms.id
    LEFT JOIN enterprise_stats es ON es.enterprise_id = e.id AND es.year = $3::int
   ORDER BY e.id
),`;
  const sql = `
WITH ${firmYears}
-- Benchmarks: one row of sums over the whole group in enterprise-id order (fy is materialised in that
-- order and a CTE scan keeps it, so the float sums accumulate in geo/'s order).
bench AS (SELECT ${benches.join(",\n         ")} FROM fy),
b AS (SELECT ${benchValues.join(",\n         ")} FROM bench),
-- MATERIALIZED: each value, then each score, computed once per firm (inlined, the planner would repeat
-- the expressions in the score and in the sort key).
valued AS MATERIALIZED (SELECT id, above, has_stats, ${values.join(",\n         ")} FROM fy),
scored AS MATERIALIZED (
  SELECT id, above, has_stats, CASE WHEN above THEN score_a ELSE score_b END AS score
    FROM (SELECT valued.*, ${scores.join(",\n         ")} FROM valued CROSS JOIN b) x
),
-- Share of the size class strictly ahead: rank() gives tied scores the better rank.
ranked AS (
  SELECT id, above, has_stats, score, ${ahead} AS ahead
    FROM scored WINDOW g AS (PARTITION BY above, score IS NULL ORDER BY score DESC)
),
graded AS (SELECT id, above, has_stats, score, CASE WHEN score IS NULL THEN NULL ELSE ${grade} END AS grade FROM ranked)`;
  return { sql, params: p.values };
}

/**
 * Runs the statement in a transaction with memory for its sorts and without JIT (compiling the wide
 * score expressions cost seconds and saved less on 420,000 firms; see docs/performance.md).
 */
function run<T>(q: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const go = async (tx: Queryable) => {
    await tx.query(`SELECT set_config('work_mem', '256MB', true), set_config('jit', 'off', true)`);
    return fn(tx);
  };
  // Inside a caller's transaction, leave its settings alone.
  return "transaction" in q ? (q as Db).transaction(go) : fn(q);
}

/** One firm's 亩均 result as the SQL twin computes it. */
export interface MuJunGradeRow {
  enterpriseId: number;
  isAboveScale: boolean;
  hasStats: boolean;
  score: number | null;
  grade: Grade | null;
}

/** Every firm of a park or zone with its score and grade for `year` under `profile`, by enterprise id. */
export async function muJunGradesSql(
  q: Queryable,
  scope: MetricsScope,
  year: number,
  profile: MuJunProfile,
): Promise<MuJunGradeRow[]> {
  const { sql, params } = muJunCompiled(profile, scope, year);
  return run(q, (tx) =>
    tx.query<MuJunGradeRow>(
      `${sql} SELECT id AS "enterpriseId", above AS "isAboveScale", has_stats AS "hasStats", score, grade
              FROM graded ORDER BY id`,
      params,
    ),
  );
}

/** Grade counts of a park's or zone's firms, with how many firms there are and how many reported statistics. */
export interface MuJunGradeCounts {
  counts: Record<Grade | "ungraded", number>;
  enterprises: number;
  enterprisesWithStats: number;
}

/** The grade distribution of a park or zone for `year` under `profile` (the metrics endpoints' `gradeCounts`). */
export async function muJunGradeCountsSql(
  q: Queryable,
  scope: MetricsScope,
  year: number,
  profile: MuJunProfile,
  source: MuJunSource = "tables",
): Promise<MuJunGradeCounts> {
  const { sql, params } = muJunCompiled(profile, scope, year, source);
  const [row] = await run(q, (tx) =>
    tx.query<Record<Grade | "ungraded" | "enterprises" | "withStats", number>>(
      `${sql} SELECT ${GRADES.map((g) => `(count(*) FILTER (WHERE grade = '${g}'))::int AS "${g}"`).join(", ")},
              (count(*) FILTER (WHERE grade IS NULL))::int AS ungraded, count(*)::int AS enterprises,
              (count(*) FILTER (WHERE has_stats))::int AS "withStats"
         FROM graded`,
      params,
    ),
  );
  return {
    counts: { A: row?.A ?? 0, B: row?.B ?? 0, C: row?.C ?? 0, D: row?.D ?? 0, ungraded: row?.ungraded ?? 0 },
    enterprises: row?.enterprises ?? 0,
    enterprisesWithStats: row?.withStats ?? 0,
  };
}
