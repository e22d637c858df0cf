import type { Feature, Geometry } from "geojson";
import type { PlotFlag } from "../schemas/plots.ts";
import type {
  ConstraintTileQuery,
  ParkTileQuery,
  PlotTileFilters,
  TileCoords,
  TileIndicator,
  TileLayer,
} from "../schemas/tiles.ts";
import type { Queryable } from "./db.ts";

/** MVT tile extent (units per tile side) and buffer (units), the same in SQL and in the JS encoder. */
export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;
/** From this zoom up, features carry their detail properties; below it only the styling ones. */
export const DETAIL_MIN_ZOOM = 13;
/** Below this zoom, park and constraint outlines are simplified by this many tile units before MVT snapping. */
export const SIMPLIFY_MAX_ZOOM = 13;
const SIMPLIFY_UNITS = 2;
/** Web Mercator world width, m. */
const WORLD_M = 40_075_016.685_578_49;

// The select lists and filters of each layer, shared by the MVT statement (PostGIS) and the feature
// load of the JS tiler, so both modes carry the same properties and filter alike. Parameters $1…$n
// are the filters; the tile's z, x, y, margin (and tolerance) follow them in the MVT statement.

const PLOTS_FROM = `
  FROM plots pl
  JOIN parks p ON p.id = pl.park_id
  LEFT JOIN enterprises e ON e.id = pl.enterprise_id
  LEFT JOIN plot_assessments a ON a.plot_id = pl.id AND a.year = $1
  CROSS JOIN LATERAL (SELECT CASE $7::text
      WHEN 'outputPerMuWan' THEN a.output_per_mu_wan WHEN 'taxPerMuWan' THEN a.tax_per_mu_wan
      WHEN 'far' THEN a.far WHEN 'coverage' THEN a.coverage_ratio END AS value) v
 WHERE ($2::int IS NULL OR p.zone_id = $2)
   AND ($3::int IS NULL OR pl.park_id = $3)
   AND ($4::text IS NULL OR pl.status = $4)
   AND ($5::text IS NULL OR a.grade = $5)
   AND ($6::text IS NULL OR ($6 = 'idle' AND a.is_idle) OR ($6 = 'low_efficiency' AND a.is_low_efficiency)
        OR ($6 = 'approved_unsupplied' AND a.is_approved_unsupplied))
   AND ($8::float8 IS NULL OR v.value >= $8)
   AND ($9::float8 IS NULL OR v.value <= $9)
   AND ($10::text IS NULL OR EXISTS (SELECT 1 FROM plot_findings f WHERE f.plot_id = pl.id
        AND (f.status = $10 OR ($10 = 'open' AND f.status <> 'closed'))))`;
const PLOTS_PROPS = `
  pl.status, a.grade, v.value,
  NULLIF(a.is_idle, false) AS "idle", NULLIF(a.is_low_efficiency, false) AS "lowEfficiency",
  NULLIF(a.is_approved_unsupplied, false) AS "approvedUnsupplied",
  CASE WHEN $11 THEN pl.code END AS "code", CASE WHEN $11 THEN pl.park_id END AS "parkId",
  CASE WHEN $11 THEN p.zone_id END AS "zoneId", CASE WHEN $11 THEN pl.land_use_code END AS "landUse",
  CASE WHEN $11 THEN pl.area_mu::float8 END AS "areaMu", CASE WHEN $11 THEN pl.enterprise_id END AS "enterpriseId",
  CASE WHEN $11 THEN e.name END AS "enterpriseName",
  CASE WHEN $11 THEN pl.is_standard_land END AS "isStandardLand", CASE WHEN $11 THEN pl.is_demo END AS "isDemo",
  CASE WHEN $11 THEN a.output_per_mu_wan END AS "outputPerMuWan", CASE WHEN $11 THEN a.tax_per_mu_wan END AS "taxPerMuWan",
  CASE WHEN $11 THEN a.far END AS "far", CASE WHEN $11 THEN a.coverage_ratio END AS "coverage"`;

const PARKS_FROM = `
  FROM parks p
 WHERE ($1::int IS NULL OR p.zone_id = $1)
   AND ($2::int IS NULL OR p.id = $2)`;
const PARKS_PROPS = `
  p.zone_id AS "zoneId", p.role, p.name, p.name_en AS "nameEn", p.is_demo AS "isDemo",
  CASE WHEN $3 THEN p.code END AS "code", CASE WHEN $3 THEN (p.area_m2 * 15 / 10000)::float8 END AS "areaMu",
  CASE WHEN $3 THEN p.host_county END AS "hostCounty"`;

const CONSTRAINTS_FROM = `
  FROM constraint_features p
  JOIN constraint_layers l ON l.id = p.layer_id
 WHERE ($1::int IS NULL OR l.zone_id = $1)
   AND ($2::text IS NULL OR l.type = $2)`;
const CONSTRAINTS_PROPS = `
  l.type, p.layer_id AS "layerId", l.zone_id AS "zoneId", p.is_demo AS "isDemo",
  CASE WHEN $3 THEN p.name END AS "name", CASE WHEN $3 THEN (p.area_m2 * 15 / 10000)::float8 END AS "areaMu"`;

interface LayerSql {
  alias: string;
  from: string;
  props: string;
  /** Number of filter parameters ($1…$n, including the detail flag). */
  params: number;
  simplify: boolean;
}

const LAYERS: Record<TileLayer, LayerSql> = {
  plots: { alias: "pl", from: PLOTS_FROM, props: PLOTS_PROPS, params: 11, simplify: false },
  parks: { alias: "p", from: PARKS_FROM, props: PARKS_PROPS, params: 3, simplify: true },
  constraints: { alias: "p", from: CONSTRAINTS_FROM, props: CONSTRAINTS_PROPS, params: 3, simplify: true },
};

/**
 * A layer's filters as SQL parameters, in the order of its statement; the detail flag (z ≥
 * {@link DETAIL_MIN_ZOOM}) is appended by the callers below.
 */
export type TileFilterParams = readonly unknown[];

/** Parameters of the plots layer's filters. */
export const plotFilterParams = (f: PlotTileFilters): TileFilterParams => [
  f.year,
  f.zone,
  f.park,
  f.status,
  f.grade,
  f.flag,
  f.indicator,
  f.min,
  f.max,
  f.review,
];
/** Parameters of the parks layer's filters. */
export const parkFilterParams = (f: ParkTileQuery): TileFilterParams => [f.zone ?? null, f.park ?? null];
/** Parameters of the constraints layer's filters. */
export const constraintFilterParams = (f: ConstraintTileQuery): TileFilterParams => [
  f.zone ?? null,
  f.type ?? null,
];

/** The MVT statement's tail: clip and encode the rows of `inner` (which selects `id`, `geom` and properties). */
const mvtOf = (layer: TileLayer, inner: string) =>
  `SELECT ST_AsMVT(t, '${layer}', ${TILE_EXTENT}, 'geom', 'id') AS mvt FROM (${inner}) t WHERE t.geom IS NOT NULL`;

function mvtSql(layer: TileLayer): string {
  const l = LAYERS[layer];
  const n = l.params;
  const env = `ST_TileEnvelope($${n + 1}, $${n + 2}, $${n + 3})`;
  const geom = l.simplify
    ? `CASE WHEN $${n + 1} < ${SIMPLIFY_MAX_ZOOM} THEN ST_Simplify(ST_Transform(${l.alias}.geom, 3857), $${n + 5}::float8, true)
            ELSE ST_Transform(${l.alias}.geom, 3857) END`
    : `ST_Transform(${l.alias}.geom, 3857)`;
  return mvtOf(
    layer,
    `SELECT ${l.alias}.id, ST_AsMVTGeom(${geom}, ${env}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom, ${l.props}
      ${l.from}
        AND ${l.alias}.geom && ST_Transform(ST_TileEnvelope($${n + 1}, $${n + 2}, $${n + 3}, margin => $${n + 4}), 4326)
      ORDER BY ${l.alias}.id`,
  );
}

const MVT_SQL: Record<"parks" | "constraints", string> = {
  parks: mvtSql("parks"),
  constraints: mvtSql("constraints"),
};

/** The stored assessment column behind each indicator (whitelist: SQL text never comes from a request). */
const INDICATOR_COLUMNS: Record<TileIndicator, string> = {
  outputPerMuWan: "a.output_per_mu_wan",
  taxPerMuWan: "a.tax_per_mu_wan",
  far: "a.far",
  coverage: "a.coverage_ratio",
};
const FLAG_COLUMNS: Record<PlotFlag, string> = {
  idle: "a.is_idle",
  low_efficiency: "a.is_low_efficiency",
  approved_unsupplied: "a.is_approved_unsupplied",
};

/** A plots MVT statement for one combination of detail, indicator and present filters, with its parameters. */
export interface PlotsMvtStatement {
  /** Prepared-statement name: one per combination (each gets its own plan, generic ones included). */
  name: string;
  sql: string;
  params: unknown[];
}

/**
 * The plots tile statement specialised to the request: only the present filters appear (absent ones are
 * not `$n IS NULL OR …` terms a generic plan must keep), the indicator is its column, and below
 * {@link DETAIL_MIN_ZOOM} neither the detail properties nor the joins only they need (enterprises; parks
 * unless filtering by zone) are in the statement. The same rows and values as the layer's shared SQL (the
 * JS tiler's, `PLOTS_FROM`/`PLOTS_PROPS`); tests/api/tiles_modes.test.ts compares both per filter.
 * All SQL text comes from constants chosen by which filters are set; values are parameters.
 */
export function plotsMvtStatement(filters: TileFilterParams, tile: TileCoords): PlotsMvtStatement {
  const [year, zone, park, status, grade, flag, indicator, min, max, review] = filters as [
    number,
    number | null,
    number | null,
    string | null,
    string | null,
    PlotFlag | null,
    TileIndicator,
    number | null,
    number | null,
    string | null,
  ];
  const detail = tile.z >= DETAIL_MIN_ZOOM;
  const value = INDICATOR_COLUMNS[indicator];
  const params: unknown[] = [year, tile.z, tile.x, tile.y, TILE_MARGIN];
  const where: string[] = [];
  const bind = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  let mask = "";
  const add = (v: unknown, clause: (p: string) => string) => {
    mask += v === null ? "0" : "1";
    if (v !== null) where.push(clause(bind(v)));
  };
  add(zone, (p) => `p.zone_id = ${p}::int`);
  add(park, (p) => `pl.park_id = ${p}::int`);
  add(status, (p) => `pl.status = ${p}::text`);
  add(grade, (p) => `a.grade = ${p}::text`);
  add(min, (p) => `${value} >= ${p}::float8`);
  add(max, (p) => `${value} <= ${p}::float8`);
  if (flag !== null) where.push(FLAG_COLUMNS[flag]);
  // The review workflow filter: a finding in that status, or any not closed yet (`open`).
  if (review === "open") {
    mask += "o";
    where.push("EXISTS (SELECT 1 FROM plot_findings f WHERE f.plot_id = pl.id AND f.status <> 'closed')");
  } else
    add(
      review,
      (p) => `EXISTS (SELECT 1 FROM plot_findings f WHERE f.plot_id = pl.id AND f.status = ${p}::text)`,
    );
  const parks = detail || zone !== null;
  const props = [
    `pl.status, a.grade, ${value} AS value`,
    `NULLIF(a.is_idle, false) AS "idle", NULLIF(a.is_low_efficiency, false) AS "lowEfficiency"`,
    `NULLIF(a.is_approved_unsupplied, false) AS "approvedUnsupplied"`,
    ...(detail
      ? [
          `pl.code AS "code", pl.park_id AS "parkId", p.zone_id AS "zoneId", pl.land_use_code AS "landUse"`,
          `pl.area_mu::float8 AS "areaMu", pl.enterprise_id AS "enterpriseId", e.name AS "enterpriseName"`,
          `pl.is_standard_land AS "isStandardLand", pl.is_demo AS "isDemo"`,
          `a.output_per_mu_wan AS "outputPerMuWan", a.tax_per_mu_wan AS "taxPerMuWan", a.far AS "far"`,
          `a.coverage_ratio AS "coverage"`,
        ]
      : []),
  ].join(",\n    ");
  const sql = mvtOf(
    "plots",
    `SELECT pl.id, ST_AsMVTGeom(ST_Transform(pl.geom, 3857), ST_TileEnvelope($2, $3, $4), ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom,
    ${props}
  FROM plots pl${parks ? "\n  JOIN parks p ON p.id = pl.park_id" : ""}${detail ? "\n  LEFT JOIN enterprises e ON e.id = pl.enterprise_id" : ""}
  LEFT JOIN plot_assessments a ON a.plot_id = pl.id AND a.year = $1::int
 WHERE pl.geom && ST_Transform(ST_TileEnvelope($2, $3, $4, margin => $5::float8), 4326)${where.map((w) => `\n   AND ${w}`).join("")}
 ORDER BY pl.id`,
  );
  return { name: `za_mvt_plots_${detail ? "d" : "b"}_${indicator}_${mask}${flag ?? ""}`, sql, params };
}

/** The buffer as a fraction of the tile width (ST_TileEnvelope's margin). */
export const TILE_MARGIN = TILE_BUFFER / TILE_EXTENT;

/**
 * One tile of `layer` encoded by PostGIS (`ST_AsMVT` + `ST_AsMVTGeom`, feature id = record id).
 * Returns an empty array for an empty tile. Needs `db.capabilities.mvt`.
 */
export async function renderMvt(
  q: Queryable,
  layer: TileLayer,
  tile: TileCoords,
  filters: TileFilterParams,
): Promise<Uint8Array> {
  // Prepared once per connection: at z14–z16 parsing and planning a tile statement took as long as
  // running it (docs/performance.md).
  if (layer === "plots") {
    const st = plotsMvtStatement(filters, tile);
    // Generic plan always: with custom plans PostgreSQL re-planned the z13–z16 statement on every call.
    const rows = await q.query<{ mvt: Uint8Array | null }>(st.sql, st.params, {
      name: st.name,
      generic: true,
    });
    return rows[0]?.mvt ?? new Uint8Array();
  }
  const tolerance = (WORLD_M / 2 ** tile.z / TILE_EXTENT) * SIMPLIFY_UNITS;
  const params = [...filters, tile.z >= DETAIL_MIN_ZOOM, tile.z, tile.x, tile.y, TILE_MARGIN];
  if (LAYERS[layer].simplify) params.push(tolerance);
  const rows = await q.query<{ mvt: Uint8Array | null }>(MVT_SQL[layer], params, { name: `za_mvt_${layer}` });
  return rows[0]?.mvt ?? new Uint8Array();
}

/** A layer's features as GeoJSON with the tile properties at full detail (id = record id, nulls dropped). */
export async function loadTileFeatures(
  q: Queryable,
  layer: TileLayer,
  filters: TileFilterParams,
): Promise<Feature<Geometry, Record<string, unknown>>[]> {
  const l = LAYERS[layer];
  const rows = await q.query<Record<string, unknown> & { id: number; geometry: Geometry }>(
    `SELECT ${l.alias}.id, ST_AsGeoJSON(${l.alias}.geom, 9)::json AS geometry, ${l.props} ${l.from} ORDER BY ${l.alias}.id`,
    [...filters, true],
  );
  return rows.map(({ id, geometry, ...props }) => ({
    type: "Feature",
    id,
    geometry,
    properties: Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null)),
  }));
}

/** Each tile layer's current data version (bumped by triggers on every write, migration 0007). */
export async function loadLayerVersions(q: Queryable): Promise<Record<TileLayer, number>> {
  const rows = await q.query<{ layer: TileLayer; version: string }>(
    "SELECT layer, version::text AS version FROM za_layer_versions",
  );
  const out: Record<TileLayer, number> = { plots: 0, parks: 0, constraints: 0 };
  for (const r of rows) out[r.layer] = Number(r.version);
  return out;
}

/** The schema this connection writes to (notifications carry it: several schemas may share a database). */
export async function currentSchema(q: Queryable): Promise<string> {
  const rows = await q.query<{ s: string }>("SELECT current_schema() AS s");
  return rows[0]?.s ?? "public";
}

/** The properties every zoom carries; the rest appear from {@link DETAIL_MIN_ZOOM} (the SQL's `CASE WHEN detail`). */
export const BASE_PROPERTIES: Record<TileLayer, readonly string[]> = {
  plots: ["status", "grade", "value", "idle", "lowEfficiency", "approvedUnsupplied"],
  parks: ["zoneId", "role", "name", "nameEn", "isDemo"],
  constraints: ["type", "layerId", "zoneId", "isDemo"],
};
