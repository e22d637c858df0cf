import type { Queryable } from "./db.ts";

/** One stored plot assessment (`plot_assessments`), written by api/metrics/assessment_refresh.ts. */
export interface PlotAssessmentRow {
  plot_id: number;
  year: number;
  as_of: string;
  output_per_mu_wan: number | null;
  tax_per_mu_wan: number | null;
  far: number | null;
  coverage_ratio: number | null;
  grade: "A" | "B" | "C" | "D" | null;
  is_idle: boolean;
  is_low_efficiency: boolean;
  is_approved_unsupplied: boolean;
}

/** A Web Mercator tile (z/x/y) whose buffered extent limits which queued parks are claimed. */
export interface TileArea {
  z: number;
  x: number;
  y: number;
  /** Buffer as a fraction of the tile's width (MVT buffer ÷ extent). */
  margin: number;
}

/**
 * Takes queued parks off `za_assessment_queue`: at most `limit` of them, skipping parks another
 * transaction holds (so several drains share the work), or all those with a plot in `tile`, waiting
 * for parks another transaction holds (so the tile is rendered after their re-assessment). Run inside
 * the transaction that writes their new assessments: the deleted rows stay locked until it commits.
 */
export async function claimQueuedParks(q: Queryable, tile?: TileArea, limit = 1_000_000): Promise<number[]> {
  const rows = tile
    ? await q.query<{ park_id: number }>(
        `DELETE FROM za_assessment_queue WHERE park_id IN (
           SELECT DISTINCT pl.park_id FROM plots pl JOIN za_assessment_queue zq ON zq.park_id = pl.park_id
            WHERE pl.geom && ST_Transform(ST_TileEnvelope($1, $2, $3, margin => $4), 4326))
         RETURNING park_id`,
        [tile.z, tile.x, tile.y, tile.margin],
      )
    : await q.query<{ park_id: number }>(
        `DELETE FROM za_assessment_queue WHERE park_id IN (
           SELECT park_id FROM za_assessment_queue ORDER BY park_id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING park_id`,
        [limit],
      );
  return rows.map((r) => r.park_id).sort((a, b) => a - b);
}

/** True when any park waits for re-assessment. */
export async function hasQueuedParks(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ ok: boolean }>("SELECT EXISTS (SELECT 1 FROM za_assessment_queue) AS ok");
  return rows[0]?.ok === true;
}

/** Queues parks for re-assessment (e.g. all of them when the stored as-of date is behind today). */
export async function queueParks(q: Queryable, parkIds: readonly number[] | "all"): Promise<void> {
  await q.query(
    parkIds === "all"
      ? "SELECT za_queue_parks(ARRAY(SELECT id FROM parks))"
      : "SELECT za_queue_parks($1::int[])",
    parkIds === "all" ? [] : [parkIds],
  );
}

/** The oldest as-of date of the stored assessments, or null when there are none. */
export async function oldestAssessmentAsOf(q: Queryable): Promise<string | null> {
  const rows = await q.query<{ d: string | null }>("SELECT min(as_of)::text AS d FROM plot_assessments");
  return rows[0]?.d ?? null;
}

/** Replaces the stored assessments of the plots of `parkIds` with `rows` (one statement each). */
export async function replaceAssessments(
  q: Queryable,
  parkIds: readonly number[],
  rows: readonly PlotAssessmentRow[],
): Promise<void> {
  await q.query(
    "DELETE FROM plot_assessments WHERE plot_id IN (SELECT id FROM plots WHERE park_id = ANY($1::int[]))",
    [parkIds],
  );
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO plot_assessments (plot_id, year, as_of, output_per_mu_wan, tax_per_mu_wan, far, coverage_ratio,
       grade, is_idle, is_low_efficiency, is_approved_unsupplied)
     SELECT plot_id, year, as_of, output_per_mu_wan, tax_per_mu_wan, far, coverage_ratio, grade, is_idle,
       is_low_efficiency, is_approved_unsupplied
       FROM json_to_recordset($1::json) AS t(plot_id int, year int, as_of date, output_per_mu_wan float8,
         tax_per_mu_wan float8, far float8, coverage_ratio float8, grade text, is_idle boolean,
         is_low_efficiency boolean, is_approved_unsupplied boolean)`,
    [JSON.stringify(rows)],
  );
}
