/**
 * The baseline of bench/metrics: one hand-written SQL statement computing the same zone sums as
 * api/db/metrics_sql.ts, the way one would write it directly (classes and thresholds as literals,
 * single aggregation stage, count(DISTINCT …) for enterprises). Columns are `<key>__<field>`.
 */
const fig = (
  key: string,
  num: string,
  den: string,
  numW: string,
  denW: string,
  used: string,
  elig: string,
) => `
  coalesce(sum(${num}) FILTER (WHERE ${numW}), 0) AS "${key}__numerator",
  ${den === "0" ? "0" : `coalesce(sum(${den}) FILTER (WHERE ${denW}), 0)`} AS "${key}__denominator",
  count(*) FILTER (WHERE ${used}) AS "${key}__plots",
  count(*) FILTER (WHERE ${elig}) AS "${key}__eligiblePlots",
  count(DISTINCT enterprise_id) FILTER (WHERE ${used}) AS "${key}__enterprises"`;
const area = (key: string, w: string) => fig(key, "mu", "0", w, w, w, w);
const rate = (key: string, n: string, d: string, e: string) => fig(key, "mu", "mu", n, d, d, e);
const inten = (key: string, e: string, part: string, den: string) => {
  const u = `${e} AND ${part} IS NOT NULL`;
  return fig(key, part, den, u, u, u, e);
};

export const BASELINE_ZONE_SQL = `
WITH s AS (SELECT pl.* FROM plots pl JOIN parks p ON p.id = pl.park_id WHERE p.zone_id = $1),
f AS (
  SELECT s.enterprise_id, s.status, s.area_m2 AS m2, s.area_m2 / (10000.0 / 15) AS mu,
    s.status = 'built' AS a,
    s.status IN ('under_construction', 'supplied', 'available', 'reclaimed') AS b21,
    s.status IN ('built', 'under_construction', 'supplied') AS d,
    s.status IN ('available', 'reclaimed') AS e,
    s.status = 'built' AND ((s.land_use_edition = 'GB/T 21010-2017' AND left(btrim(s.land_use_code), 4) IN ('0601', '0604'))
      OR (s.land_use_edition <> 'GB/T 21010-2017' AND left(btrim(s.land_use_code), 4) IN ('1001', '1101'))) AS a2,
    coalesce(en.is_high_tech, false) AS ht,
    CASE WHEN s.status IN ('built', 'under_construction', 'supplied') THEN za_idle_class(s.status, s.agreed_start_date,
      s.extended_start_date, s.actual_start_date, s.suspended_since, s.developed_area_ratio, s.invested_excl_land_wan,
      s.total_investment_excl_land_wan, $3::date, 1, 1, 1.0 / 3, 0.25, 1e-9) END AS idle,
    s.built_floor_area_m2 AS floor, s.building_footprint_m2 AS fp, s.building_footprint_m2 + s.structures_yard_m2 AS cov,
    sh.share * (SELECT sum(fixed_asset_investment_wan) FROM enterprise_stats x
                 WHERE x.enterprise_id = s.enterprise_id AND x.year <= $2) AS fai,
    sh.share * es.tax_wan AS tax, sh.share * es.output_wan AS output
  FROM s
  LEFT JOIN enterprises en ON en.id = s.enterprise_id
  LEFT JOIN enterprise_stats es ON es.enterprise_id = s.enterprise_id AND es.year = $2
  CROSS JOIN LATERAL (SELECT coalesce(least(1, s.area_m2 / nullif((SELECT sum(area_m2) FROM plots o
    WHERE o.enterprise_id = s.enterprise_id), 0)), 0) AS share) sh
)
SELECT ${[
  area("areaMu", "true"),
  area("supplyReadyMu", "(a OR b21)"),
  area("suppliedMu", "d"),
  area("builtMu", "a"),
  area("idleMu", "d AND idle = 'idle'"),
  area("approvedUnsuppliedMu", "status = 'approved_unsupplied'"),
  area("availableMu", "status = 'available'"),
  area("suppliableMu", "e"),
  area("industrialMu", "a2"),
  rate("developmentRate", "(a OR b21)", "true", "true"),
  rate("supplyRate", "d", "(a OR b21)", "(a OR b21)"),
  rate("builtRate", "a", "d", "d"),
  rate("industrialLandRate", "a2", "a", "a"),
  inten("far", "a", "floor", "m2"),
  inten("buildingDensity", "a", "fp", "m2"),
  inten("industrialFar", "a2", "floor", "m2"),
  inten("industrialCoverage", "a2", "cov", "m2"),
  inten("investmentPerMuWan", "a2", "fai", "mu"),
  inten("taxPerMuWan", "a2", "tax", "mu"),
  inten("outputPerMuWan", "a2", "output", "mu"),
  rate("highTechLandRate", "a AND ht", "a", "a"),
  rate("idleRate", "d AND idle = 'idle'", "d AND idle IN ('idle', 'not_idle')", "d"),
].join(",")}
FROM f`;

/** Parameters of `BASELINE_ZONE_SQL`: zone id, statistics year, as-of date (31 December). */
export const baselineParams = (zoneId: number, year: number) => [zoneId, year, `${year}-12-31`];
