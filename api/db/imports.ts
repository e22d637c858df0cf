import type { PlotFieldMapping } from "../schemas/imports.ts";
import type { Queryable } from "./db.ts";

/** The park an import targets: its code (for generated plot codes) and Gauss-Krüger EPSG. */
export async function parkForImport(
  q: Queryable,
  parkId: number,
): Promise<{ id: number; code: string; gkEpsg: number | null } | null> {
  const [r] = await q.query<{ id: number; code: string; gk_epsg: number | null }>(
    "SELECT id, code, gk_epsg FROM parks WHERE id = $1",
    [parkId],
  );
  return r ? { id: r.id, code: r.code, gkEpsg: r.gk_epsg } : null;
}

/** A row of the import history. */
export interface ImportRecord {
  id: number;
  target: string;
  parkId: number | null;
  fileName: string;
  format: string;
  encoding: string | null;
  sourceCrs: string;
  sourceCoordinates: string;
  featureCount: number;
  insertedCount: number;
  updatedCount: number;
  createdBy: string;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
}

const RECORD_COLUMNS = `id, target, park_id AS "parkId", file_name AS "fileName", format, encoding,
  source_crs AS "sourceCrs", source_coordinates AS "sourceCoordinates", feature_count AS "featureCount",
  inserted_count AS "insertedCount", updated_count AS "updatedCount", created_by AS "createdBy",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(undone_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "undoneAt", undone_by AS "undoneBy"`;

/** Records an import (before its plots are written, so changes can reference it); returns its id. */
export async function insertImport(
  q: Queryable,
  r: Omit<ImportRecord, "id" | "createdAt" | "undoneAt" | "undoneBy" | "insertedCount" | "updatedCount"> & {
    report: unknown;
  },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO imports (target, park_id, file_name, format, encoding, source_crs, source_coordinates, feature_count, created_by, report)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) RETURNING id`,
    [
      r.target,
      r.parkId,
      r.fileName,
      r.format,
      r.encoding,
      r.sourceCrs,
      r.sourceCoordinates,
      r.featureCount,
      r.createdBy,
      JSON.stringify(r.report),
    ],
  );
  if (!row) throw new Error("insertImport: no id returned");
  return row.id;
}

/** Stores the final counts and report of an import. */
export async function finishImport(
  q: Queryable,
  id: number,
  counts: { inserted: number; updated: number },
  report: unknown,
): Promise<void> {
  await q.query(
    "UPDATE imports SET inserted_count = $2, updated_count = $3, report = $4::jsonb WHERE id = $1",
    [id, counts.inserted, counts.updated, JSON.stringify(report)],
  );
}

/** The import history, newest first. */
export async function listImports(q: Queryable, limit: number): Promise<ImportRecord[]> {
  return q.query<ImportRecord>(`SELECT ${RECORD_COLUMNS} FROM imports ORDER BY id DESC LIMIT $1`, [limit]);
}

/** One import with its stored report, or null. */
export async function getImport(
  q: Queryable,
  id: number,
): Promise<(ImportRecord & { report: unknown }) | null> {
  const [r] = await q.query<ImportRecord & { report: unknown }>(
    `SELECT ${RECORD_COLUMNS}, report FROM imports WHERE id = $1`,
    [id],
  );
  return r ?? null;
}

/** The id of the newest import of `target` (plots, constraints, stats) not yet undone, or null. */
export async function lastActiveImportId(q: Queryable, target: string): Promise<number | null> {
  const [r] = await q.query<{ id: number }>(
    "SELECT id FROM imports WHERE undone_at IS NULL AND target = $1 ORDER BY id DESC LIMIT 1",
    [target],
  );
  return r?.id ?? null;
}

/** Marks an import undone by `by`. */
export async function markImportUndone(tx: Queryable, id: number, by: string): Promise<void> {
  await tx.query("UPDATE imports SET undone_at = now(), undone_by = $2 WHERE id = $1", [id, by]);
}

/** Records the constraint layer a constraint import created. */
export async function setImportLayer(tx: Queryable, id: number, layerId: number): Promise<void> {
  await tx.query("UPDATE imports SET layer_id = $2 WHERE id = $1", [id, layerId]);
}

/**
 * Undoes a constraint import: deletes the layer it created (its features cascade, and migration
 * 0009's triggers rebuild the zone's `constraint_unions`). Null when the import has no layer left
 * (imported before migration 0014, or the layer was deleted since).
 */
export async function undoConstraintImport(
  tx: Queryable,
  id: number,
  by: string,
): Promise<{ deleted: number; restored: number; layerId: number } | null> {
  const [l] = await tx.query<{ layer_id: number; n: number }>(
    `SELECT i.layer_id, (SELECT count(*) FROM constraint_features f WHERE f.layer_id = i.layer_id)::int AS n
       FROM imports i JOIN constraint_layers l ON l.id = i.layer_id WHERE i.id = $1`,
    [id],
  );
  if (!l) return null;
  await tx.query("DELETE FROM constraint_layers WHERE id = $1", [l.layer_id]);
  await markImportUndone(tx, id, by);
  return { deleted: l.n, restored: 0, layerId: l.layer_id };
}

/**
 * Undoes an import: deletes the plots it inserted and gives updated plots their previous values
 * back (version + 1), each in one statement; marks the import undone. Returns the counts.
 */
export async function undoImport(
  tx: Queryable,
  id: number,
  by: string,
): Promise<{ deleted: number; restored: number }> {
  const [del] = await tx.query<{ n: number }>(
    `WITH d AS (
       DELETE FROM plots WHERE id = ANY((SELECT inserted_plot_ids FROM imports WHERE id = $1)::int[])
       RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [id],
  );
  const [res] = await tx.query<{ n: number }>(
    `WITH u AS (
       UPDATE plots p
          SET geom = c.previous_geom, land_use_code = c.previous->>'land_use_code',
              land_use_edition = c.previous->>'land_use_edition', status = c.previous->>'status',
              declared_area_m2 = (c.previous->>'declared_area_m2')::float8,
              approval_date = (c.previous->>'approval_date')::date, supply_date = (c.previous->>'supply_date')::date,
              version = p.version + 1, updated_at = now()
         FROM import_plot_changes c
        WHERE c.import_id = $1 AND c.action = 'update' AND p.id = c.plot_id
       RETURNING 1)
     SELECT count(*)::int AS n FROM u`,
    [id],
  );
  await markImportUndone(tx, id, by);
  return { deleted: del?.n ?? 0, restored: res?.n ?? 0 };
}

/** A saved field mapping by name, or null. */
export async function getFieldMapping(
  q: Queryable,
  target: string,
  name: string,
): Promise<PlotFieldMapping | null> {
  const [r] = await q.query<{ mapping: PlotFieldMapping }>(
    "SELECT mapping FROM import_field_mappings WHERE target = $1 AND name = $2",
    [target, name],
  );
  return r?.mapping ?? null;
}

/** Saves (or replaces) a named field mapping. */
export async function saveFieldMapping(
  q: Queryable,
  target: string,
  name: string,
  mapping: PlotFieldMapping,
): Promise<void> {
  await q.query(
    `INSERT INTO import_field_mappings (target, name, mapping) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (target, name) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()`,
    [target, name, JSON.stringify(mapping)],
  );
}

/** All saved mappings of a target. */
export async function listFieldMappings(
  q: Queryable,
  target: string,
): Promise<{ name: string; mapping: PlotFieldMapping }[]> {
  return q.query("SELECT name, mapping FROM import_field_mappings WHERE target = $1 ORDER BY name", [target]);
}

/** Number of plots (for tests and reports). */
export async function countPlots(q: Queryable): Promise<number> {
  const [r] = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM plots");
  return r?.n ?? 0;
}

/** A background job's stored state. */
export interface ImportJobRow {
  id: string;
  status: "running" | "succeeded" | "failed";
  fileName: string;
  importId: number | null;
  processed: number;
  total: number;
  error: unknown;
  result: unknown;
}

/** Records a started job. */
export async function insertJob(q: Queryable, id: string, fileName: string): Promise<void> {
  await q.query("INSERT INTO import_jobs (id, status, file_name) VALUES ($1, 'running', $2)", [id, fileName]);
}

/** Stores a job's outcome. */
export async function finishJob(
  q: Queryable,
  id: string,
  f: {
    status: "succeeded" | "failed";
    importId: number | null;
    processed: number;
    total: number;
    error?: unknown;
    result?: unknown;
  },
): Promise<void> {
  await q.query(
    `UPDATE import_jobs SET status = $2, import_id = $3, processed = $4, total = $5, error = $6::jsonb, result = $7::jsonb,
            finished_at = now() WHERE id = $1`,
    [
      id,
      f.status,
      f.importId,
      f.processed,
      f.total,
      JSON.stringify(f.error ?? null),
      JSON.stringify(f.result ?? null),
    ],
  );
}

/** A job by id, or null. */
export async function getJob(q: Queryable, id: string): Promise<ImportJobRow | null> {
  const [r] = await q.query<ImportJobRow>(
    `SELECT id::text, status, file_name AS "fileName", import_id AS "importId", processed, total, error, result
       FROM import_jobs WHERE id = $1`,
    [id],
  );
  return r ?? null;
}
