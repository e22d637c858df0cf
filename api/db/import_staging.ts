import type { PlotImportRow } from "../../data/importers/plot_mapping.ts";
import type { Queryable } from "./db.ts";
import { multiPolygonHexEwkb } from "./ewkb.ts";

/** Rows per INSERT when filling the staging table: one statement per batch, never row by row. */
export const STAGING_BATCH_ROWS = 5000;

/**
 * Creates the transaction's staging table (dropped at commit or rollback) and fills it from
 * `batches` (each at most STAGING_BATCH_ROWS rows), each batch one `INSERT … SELECT FROM
 * json_to_recordset` statement with geometries as hex EWKB (read ~8× faster than GeoJSON; `OFFSET 0`
 * keeps the planner from inlining the subqueries, which would read each geometry once per
 * reference). The next batch is pulled — and so
 * reprojected and mapped by the caller's generator — while the database stages the previous one.
 * `onBatch` gets the number of rows sent so far.
 */
export async function stagePlots(
  tx: Queryable,
  batches: Iterable<readonly PlotImportRow[]>,
  onBatch: (done: number) => void = () => {},
): Promise<void> {
  await tx.exec(`CREATE TEMP TABLE import_staging (
      idx integer NOT NULL, code text NOT NULL, land_use_code text NOT NULL, land_use_edition text NOT NULL,
      status text NOT NULL, declared_area_m2 double precision, approval_date date, supply_date date,
      geom geometry(MultiPolygon, 4326) NOT NULL, is_valid boolean NOT NULL, area_m2 double precision,
      invalid_reason text
    ) ON COMMIT DROP`);
  let pending: Promise<unknown> | null = null;
  let sent = 0;
  const stageBatch = async (rows: readonly PlotImportRow[]) => {
    const json = JSON.stringify(
      rows.map((r) => ({
        idx: r.index,
        code: r.code,
        land_use_code: r.landUseCode,
        land_use_edition: r.landUseEdition,
        status: r.status,
        declared_area_m2: r.declaredAreaM2,
        approval_date: r.approvalDate,
        supply_date: r.supplyDate,
        geom: multiPolygonHexEwkb(r.geometry),
      })),
    );
    if (pending) await pending;
    onBatch(sent);
    sent += rows.length;
    pending = tx.query(
      `INSERT INTO import_staging (idx, code, land_use_code, land_use_edition, status, declared_area_m2, approval_date,
              supply_date, geom, is_valid, area_m2)
       SELECT idx, code, land_use_code, land_use_edition, status, declared_area_m2, approval_date, supply_date, g, v,
              CASE WHEN v THEN ST_Area(g::geography) END
         FROM (SELECT *, ST_IsValid(g) AS v
                 FROM (SELECT r.idx, r.code, r.land_use_code, r.land_use_edition, r.status, r.declared_area_m2,
                              r.approval_date, r.supply_date, r.geom::geometry AS g
                         FROM json_to_recordset($1::json) AS r(idx int, code text, land_use_code text, land_use_edition text,
                              status text, declared_area_m2 float8, approval_date date, supply_date date, geom text)
                       OFFSET 0) AS x
               OFFSET 0) AS y`,
      [json],
    );
  };
  try {
    for (const rows of batches) if (rows.length > 0) await stageBatch(rows);
  } catch (e) {
    // Let the statement in flight finish before the caller rolls back; its outcome no longer matters.
    if (pending) await Promise.allSettled([pending]);
    throw e;
  }
  if (pending) await pending;
  onBatch(sent);
  // The GiST index is built by stagingFindings, and only when stored plots lie within the file's extent.
  // The key is built once over the loaded rows (a bulk build, not 100,000 insertions); statistics for
  // the joins by idx and code only: the geometry histogram (0.2 s of 0.3 s) serves no plan here.
  await tx.exec("ALTER TABLE import_staging ADD PRIMARY KEY (idx); ANALYZE import_staging (idx, code);");
}

/** A geometry PostGIS found invalid, after `ST_MakeValid` (polygons kept); `empty` when nothing polygonal was left. */
export interface RepairedRow {
  idx: number;
  code: string;
  reason: string;
  empty: boolean;
}

/**
 * Repairs invalid staged geometries with `ST_MakeValid` (keeping the polygonal part) and measures
 * them on the ellipsoid, `ST_Area(geom::geography)` in m² (valid ones were measured when staged).
 */
export async function repairAndMeasure(tx: Queryable): Promise<RepairedRow[]> {
  const repaired = await tx.query<RepairedRow>(
    `UPDATE import_staging
        SET invalid_reason = ST_IsValidReason(geom),
            geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3))
      WHERE NOT is_valid
      RETURNING idx, code, invalid_reason AS reason, ST_IsEmpty(geom) AS empty`,
  );
  if (repaired.length > 0)
    await tx.exec(
      "UPDATE import_staging SET area_m2 = ST_Area(geom::geography)::float8, is_valid = true WHERE NOT is_valid",
    );
  return repaired;
}

/** Findings about staged plots relative to each other, the park and existing plots. Areas in m². */
export interface StagingFindings {
  overlapsExisting: { idx: number; code: string; other: string; overlap_m2: number }[];
  overlapsInFile: { idx: number; code: string; other: string; overlap_m2: number }[];
  duplicateGeometries: { idx: number; code: string; other: string }[];
  outsidePark: { idx: number; code: string; outside_m2: number }[];
  codesInOtherParks: { idx: number; code: string; park_id: number }[];
  /** Staged plots whose declared area may deviate by more than the ratio asked for (the caller decides). */
  declaredAreaSuspects: { idx: number; code: string; area_m2: number; declared_area_m2: number }[];
  /** Staged plots and their total area, m². */
  stagedCount: number;
  totalAreaM2: number;
  /** Staged plots whose code is already stored in the park (re-import): 0 lets later steps skip their joins. */
  storedInPark: number;
}

/**
 * Overlaps, park containment, duplicates and areas of the staged plots for park `parkId`. In-file
 * overlaps are tested exactly only for `candidates` (pairs of staged `idx` whose boxes meet, found in
 * JS by geo/ `intersectingBoxPairs`), which is much cheaper than a GiST self-join probe per plot.
 * Declared areas are pre-filtered in SQL at `mismatchRatio` (slightly below the rule's threshold, so
 * the caller's geo/ check stays the one definition) instead of sending every staged area to JS.
 */
export async function stagingFindings(
  tx: Queryable,
  parkId: number,
  candidates: readonly [number, number][],
  mismatchRatio: number,
): Promise<StagingFindings> {
  const minOverlapM2 = 0.01; // touching boundaries and float noise are not overlaps
  const [near] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM plots p, (SELECT ST_SetSRID(ST_Extent(geom)::geometry, 4326) AS e FROM import_staging) x
      WHERE p.geom && x.e`,
  );
  // Only stored plots within the file's extent are probed (a first import of a park meets none: no
  // index, no query), each against the staging table's GiST index, instead of one plots-index probe per
  // staged plot.
  const anyNear = (near?.n ?? 0) > 0;
  if (anyNear) await tx.exec("CREATE INDEX import_staging_geom ON import_staging USING gist (geom)");
  const overlapsExisting = !anyNear
    ? []
    : await tx.query<StagingFindings["overlapsExisting"][number]>(
        `WITH ext AS (SELECT ST_SetSRID(ST_Extent(geom)::geometry, 4326) AS e FROM import_staging),
              near AS MATERIALIZED (SELECT p.code, p.geom FROM plots p, ext WHERE p.geom && ext.e)
         SELECT s.idx, s.code, p.code AS other, ST_Area(ST_Intersection(s.geom, p.geom)::geography)::float8 AS overlap_m2
           FROM near p JOIN import_staging s ON s.geom && p.geom AND p.code <> s.code AND ST_Intersects(s.geom, p.geom)
          WHERE NOT ST_Touches(s.geom, p.geom)`,
      );
  // One self-join for both: pairs whose interiors meet, then equal (duplicate) or overlapping.
  const pairs = await tx.query<{
    a_idx: number;
    a_code: string;
    b_idx: number;
    b_code: string;
    same: boolean;
    overlap_m2: number;
  }>(
    `SELECT a.idx AS a_idx, a.code AS a_code, b.idx AS b_idx, b.code AS b_code, ST_Equals(a.geom, b.geom) AS same,
            CASE WHEN ST_Equals(a.geom, b.geom) THEN 0 ELSE ST_Area(ST_Intersection(a.geom, b.geom)::geography) END::float8 AS overlap_m2
       FROM unnest($1::int[], $2::int[]) AS c(a, b)
       JOIN import_staging a ON a.idx = c.a JOIN import_staging b ON b.idx = c.b
      WHERE ST_Intersects(a.geom, b.geom) AND NOT ST_Touches(a.geom, b.geom)`,
    [candidates.map((c) => c[0]), candidates.map((c) => c[1])],
  );
  const overlapsInFile = pairs
    .filter((p) => !p.same)
    .map((p) => ({ idx: p.a_idx, code: p.a_code, other: p.b_code, overlap_m2: p.overlap_m2 }));
  const duplicateGeometries = pairs
    .filter((p) => p.same)
    .map((p) => ({ idx: p.b_idx, code: p.b_code, other: p.a_code }));
  // Plots wholly outside count their own area; only those across the boundary need ST_Difference
  // (ST_Covers with the park first reuses a prepared park geometry across rows: 0.5 s for 100,000
  // plots where ST_CoveredBy(plot, park) took 2.3 s).
  const outsidePark = await tx.query<StagingFindings["outsidePark"][number]>(
    `SELECT s.idx, s.code,
            CASE WHEN ST_Intersects(k.geom, s.geom) THEN ST_Area(ST_Difference(s.geom, k.geom)::geography) ELSE s.area_m2 END::float8
              AS outside_m2
       FROM import_staging s JOIN parks k ON k.id = $1
      WHERE NOT ST_Covers(k.geom, s.geom)`,
    [parkId],
  );
  const codesInOtherParks = await tx.query<StagingFindings["codesInOtherParks"][number]>(
    `SELECT s.idx, s.code, p.park_id FROM import_staging s JOIN plots p ON p.code = s.code WHERE p.park_id <> $1`,
    [parkId],
  );
  const [stored] = await tx.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM import_staging s JOIN plots p ON p.code = s.code AND p.park_id = $1",
    [parkId],
  );
  const declaredAreaSuspects = await tx.query<StagingFindings["declaredAreaSuspects"][number]>(
    `SELECT idx, code, area_m2, declared_area_m2 FROM import_staging
      WHERE declared_area_m2 IS NOT NULL AND area_m2 > 0 AND abs(declared_area_m2 - area_m2) > $1 * area_m2
      ORDER BY idx`,
    [mismatchRatio],
  );
  const [totals] = await tx.query<{ n: number; m2: number }>(
    "SELECT count(*)::int AS n, coalesce(sum(area_m2), 0)::float8 AS m2 FROM import_staging",
  );
  return {
    overlapsExisting: overlapsExisting.filter((r) => r.overlap_m2 > minOverlapM2),
    overlapsInFile: overlapsInFile.filter((r) => r.overlap_m2 > minOverlapM2),
    duplicateGeometries,
    outsidePark: outsidePark.filter((r) => r.outside_m2 > minOverlapM2),
    codesInOtherParks,
    declaredAreaSuspects,
    stagedCount: totals?.n ?? 0,
    totalAreaM2: totals?.m2 ?? 0,
    storedInPark: stored?.n ?? 0,
  };
}

/**
 * Whether a staged plot differs from the stored one with its code. Geometry compares topologically
 * (`ST_Equals`): the same rings drawn in the other direction, as Shapefiles store them, are unchanged.
 */
const DIFFERS = `(NOT ST_Equals(p.geom, s.geom) OR p.land_use_code IS DISTINCT FROM s.land_use_code
   OR p.land_use_edition IS DISTINCT FROM s.land_use_edition OR p.status IS DISTINCT FROM s.status
   OR p.declared_area_m2 IS DISTINCT FROM s.declared_area_m2 OR p.approval_date IS DISTINCT FROM s.approval_date
   OR p.supply_date IS DISTINCT FROM s.supply_date)`;

/** Per updated plot: which fields change and the area change in m² (first 50), plus counts. */
export async function stagedChanges(
  tx: Queryable,
  parkId: number,
  storedInPark: number,
): Promise<{
  updated: number;
  geometryChanged: number;
  unchanged: number;
  changes: { code: string; fields: string[]; areaDeltaM2: number }[];
}> {
  if (storedInPark === 0) return { updated: 0, geometryChanged: 0, unchanged: 0, changes: [] };
  const [counts] = await tx.query<{ updated: number; geometry_changed: number; unchanged: number }>(
    `SELECT count(*) FILTER (WHERE ${DIFFERS})::int AS updated,
            count(*) FILTER (WHERE NOT ST_Equals(p.geom, s.geom))::int AS geometry_changed,
            count(*) FILTER (WHERE NOT ${DIFFERS})::int AS unchanged
       FROM import_staging s JOIN plots p ON p.code = s.code AND p.park_id = $1`,
    [parkId],
  );
  const rows = await tx.query<{ code: string; fields: string[]; area_delta_m2: number }>(
    `SELECT s.code, (s.area_m2 - p.area_m2)::float8 AS area_delta_m2,
            array_remove(ARRAY[
              CASE WHEN NOT ST_Equals(p.geom, s.geom) THEN 'geometry' END,
              CASE WHEN p.land_use_code IS DISTINCT FROM s.land_use_code THEN 'landUseCode' END,
              CASE WHEN p.land_use_edition IS DISTINCT FROM s.land_use_edition THEN 'landUseEdition' END,
              CASE WHEN p.status IS DISTINCT FROM s.status THEN 'status' END,
              CASE WHEN p.declared_area_m2 IS DISTINCT FROM s.declared_area_m2 THEN 'declaredAreaM2' END,
              CASE WHEN p.approval_date IS DISTINCT FROM s.approval_date THEN 'approvalDate' END,
              CASE WHEN p.supply_date IS DISTINCT FROM s.supply_date THEN 'supplyDate' END], NULL) AS fields
       FROM import_staging s JOIN plots p ON p.code = s.code AND p.park_id = $1
      WHERE ${DIFFERS}
      ORDER BY s.idx LIMIT 50`,
    [parkId],
  );
  return {
    updated: counts?.updated ?? 0,
    geometryChanged: counts?.geometry_changed ?? 0,
    unchanged: counts?.unchanged ?? 0,
    changes: rows.map((r) => ({ code: r.code, fields: r.fields, areaDeltaM2: r.area_delta_m2 })),
  };
}

/**
 * Writes the staged plots into park `parkId` in two statements: the previous values of plots that
 * change are saved for undo, then one upsert by code inserts new plots and updates changed ones in
 * place (version + 1); unchanged plots are left alone; the new plots' ids go to `imports.inserted_plot_ids`.
 * `storedInPark` (from stagingFindings) 0 skips the undo-record join. Returns the counts.
 */
export async function commitStaged(
  tx: Queryable,
  importId: number,
  parkId: number,
  storedInPark: number,
): Promise<{ inserted: number; updated: number }> {
  // A first import of these codes updates nothing: no previous values to save.
  if (storedInPark > 0)
    await tx.query(
      `INSERT INTO import_plot_changes (import_id, plot_id, action, previous, previous_geom)
     SELECT $1, p.id, 'update',
            jsonb_build_object('land_use_code', p.land_use_code, 'land_use_edition', p.land_use_edition,
              'status', p.status, 'declared_area_m2', p.declared_area_m2, 'approval_date', p.approval_date,
              'supply_date', p.supply_date),
            p.geom
       FROM import_staging s JOIN plots p ON p.code = s.code AND p.park_id = $2
      WHERE ${DIFFERS}`,
      [importId, parkId],
    );
  // The staged area_m2 is ST_Area(geom::geography) of the very geometry written (repairAndMeasure
  // re-measured repaired ones), so the area trigger is told to keep it (migration 0014) for this statement.
  await tx.exec("SET LOCAL za.plot_area_staged = 'on'");
  const [r] = await tx.query<{ inserted: number; updated: number }>(
    `WITH up AS (
       INSERT INTO plots AS p (park_id, code, land_use_code, land_use_edition, status, declared_area_m2, approval_date,
              supply_date, geom, area_m2, area_mu)
       SELECT $2, s.code, s.land_use_code, s.land_use_edition, s.status, s.declared_area_m2, s.approval_date, s.supply_date,
              s.geom, s.area_m2, s.area_m2 * 15.0 / 10000.0
         FROM import_staging s ORDER BY s.idx
       ON CONFLICT (code) DO UPDATE
          SET land_use_code = EXCLUDED.land_use_code, land_use_edition = EXCLUDED.land_use_edition,
              status = EXCLUDED.status, declared_area_m2 = EXCLUDED.declared_area_m2,
              approval_date = EXCLUDED.approval_date, supply_date = EXCLUDED.supply_date, geom = EXCLUDED.geom,
              area_m2 = EXCLUDED.area_m2, area_mu = EXCLUDED.area_mu, version = p.version + 1, updated_at = now()
        WHERE p.park_id = EXCLUDED.park_id AND ${DIFFERS.replaceAll("s.", "EXCLUDED.")}
       RETURNING p.id, (xmax = 0) AS inserted
     ), ins AS (
       UPDATE imports SET inserted_plot_ids = (SELECT coalesce(array_agg(id), '{}') FROM up WHERE inserted)
        WHERE id = $1 RETURNING cardinality(inserted_plot_ids) AS n
     )
     SELECT (SELECT n FROM ins)::int AS inserted, (SELECT count(*) FROM up WHERE NOT inserted)::int AS updated`,
    [importId, parkId],
  );
  await tx.exec("SET LOCAL za.plot_area_staged = 'off'");
  return { inserted: r?.inserted ?? 0, updated: r?.updated ?? 0 };
}
