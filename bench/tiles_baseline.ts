/**
 * The floor of bench/tiles: one hand-written ST_AsMVT statement producing the plots tile the API
 * serves (same joins, properties, extent and buffer; no filters, no HTTP, no cache).
 * $1 z, $2 x, $3 y, $4 detail (z ≥ 13), $5 statistics year.
 */
export const BARE_PLOTS_MVT_SQL = `
SELECT ST_AsMVT(t, 'plots', 4096, 'geom', 'id') AS mvt FROM (
  SELECT pl.id, ST_AsMVTGeom(ST_Transform(pl.geom, 3857), ST_TileEnvelope($1, $2, $3), 4096, 64, true) AS geom,
    pl.status, a.grade, a.output_per_mu_wan AS value,
    NULLIF(a.is_idle, false) AS "idle", NULLIF(a.is_low_efficiency, false) AS "lowEfficiency",
    NULLIF(a.is_approved_unsupplied, false) AS "approvedUnsupplied",
    CASE WHEN $4 THEN pl.code END AS "code", CASE WHEN $4 THEN pl.park_id END AS "parkId",
    CASE WHEN $4 THEN p.zone_id END AS "zoneId", CASE WHEN $4 THEN pl.land_use_code END AS "landUse",
    CASE WHEN $4 THEN pl.area_mu::float8 END AS "areaMu", CASE WHEN $4 THEN pl.enterprise_id END AS "enterpriseId",
    CASE WHEN $4 THEN e.name END AS "enterpriseName", CASE WHEN $4 THEN pl.is_standard_land END AS "isStandardLand",
    CASE WHEN $4 THEN pl.is_demo END AS "isDemo", CASE WHEN $4 THEN a.output_per_mu_wan END AS "outputPerMuWan",
    CASE WHEN $4 THEN a.tax_per_mu_wan END AS "taxPerMuWan", CASE WHEN $4 THEN a.far END AS "far",
    CASE WHEN $4 THEN a.coverage_ratio END AS "coverage"
  FROM plots pl
  JOIN parks p ON p.id = pl.park_id
  LEFT JOIN enterprises e ON e.id = pl.enterprise_id
  LEFT JOIN plot_assessments a ON a.plot_id = pl.id AND a.year = $5
  WHERE pl.geom && ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326)
  ORDER BY pl.id) t
WHERE t.geom IS NOT NULL`;
