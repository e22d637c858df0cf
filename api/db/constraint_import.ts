import type { ConstraintImportRow } from "../../data/importers/constraint_rows.ts";
import type { Queryable } from "./db.ts";

/** The zone a constraint import targets, with the Gauss-Krüger EPSG of its first park that has one. */
export async function zoneForImport(
  q: Queryable,
  zoneId: number,
): Promise<{ id: number; gkEpsg: number | null } | null> {
  const [r] = await q.query<{ id: number; gk_epsg: number | null }>(
    `SELECT z.id, (SELECT p.gk_epsg FROM parks p WHERE p.zone_id = z.id AND p.gk_epsg IS NOT NULL ORDER BY p.id LIMIT 1) AS gk_epsg
       FROM zones z WHERE z.id = $1`,
    [zoneId],
  );
  return r ? { id: r.id, gkEpsg: r.gk_epsg } : null;
}

/** Whether the zone already has a constraint layer of this type and name (the table's unique key). */
export async function constraintLayerExists(
  q: Queryable,
  zoneId: number,
  type: string,
  name: string,
): Promise<boolean> {
  const [r] = await q.query<{ ok: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM constraint_layers WHERE zone_id = $1 AND type = $2 AND name = $3) AS ok",
    [zoneId, type, name],
  );
  return r?.ok === true;
}

/** A staged constraint polygon PostGIS found invalid, after `ST_MakeValid`; `empty` when nothing polygonal was left. */
export interface RepairedConstraint {
  idx: number;
  name: string | null;
  reason: string;
  empty: boolean;
}

/**
 * Stages constraint polygons in a temp table (dropped at commit or rollback) in one statement,
 * repairs invalid ones with `ST_MakeValid` (polygonal part kept) and returns those repairs.
 */
export async function stageConstraints(
  tx: Queryable,
  rows: readonly ConstraintImportRow[],
): Promise<RepairedConstraint[]> {
  await tx.exec(`CREATE TEMP TABLE constraint_import_staging (
      idx integer PRIMARY KEY, name text, geom geometry(MultiPolygon, 4326) NOT NULL, invalid_reason text
    ) ON COMMIT DROP`);
  await tx.query(
    `INSERT INTO constraint_import_staging (idx, name, geom)
     SELECT r.idx, r.name, ST_SetSRID(ST_GeomFromGeoJSON(r.geom::text), 4326)
       FROM json_to_recordset($1::json) AS r(idx int, name text, geom json)`,
    [JSON.stringify(rows.map((r) => ({ idx: r.index, name: r.name, geom: r.geometry })))],
  );
  return tx.query<RepairedConstraint>(
    `UPDATE constraint_import_staging
        SET invalid_reason = ST_IsValidReason(geom),
            geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3))
      WHERE NOT ST_IsValid(geom)
      RETURNING idx, name, invalid_reason AS reason, ST_IsEmpty(geom) AS empty`,
  );
}

/** Total area of the staged (repaired, non-empty) polygons on the ellipsoid, `ST_Area(geom::geography)`, m². */
export async function stagedConstraintAreaM2(tx: Queryable): Promise<number> {
  const [r] = await tx.query<{ m2: number }>(
    "SELECT coalesce(sum(ST_Area(geom::geography)), 0)::float8 AS m2 FROM constraint_import_staging WHERE NOT ST_IsEmpty(geom)",
  );
  return r?.m2 ?? 0;
}

/**
 * Creates the layer and copies the staged polygons into it (two statements); the statement-level
 * triggers of migration 0009 then refresh the zone's `constraint_unions` for the layer's type.
 * Returns the new layer's id and the number of features written.
 */
export async function commitConstraintLayer(
  tx: Queryable,
  layer: { zoneId: number; type: string; name: string; source: string },
): Promise<{ layerId: number; featureCount: number }> {
  const [l] = await tx.query<{ id: number }>(
    `INSERT INTO constraint_layers (zone_id, type, name, name_en, source) VALUES ($1, $2, $3, $3, $4) RETURNING id`,
    [layer.zoneId, layer.type, layer.name, layer.source],
  );
  if (!l) throw new Error("commitConstraintLayer: no layer id returned");
  const [n] = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO constraint_features (layer_id, name, geom)
       SELECT $1, name, geom FROM constraint_import_staging WHERE NOT ST_IsEmpty(geom) ORDER BY idx
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [l.id],
  );
  return { layerId: l.id, featureCount: n?.n ?? 0 };
}
