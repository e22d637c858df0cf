import type { DbCapabilities, Queryable } from "./db.ts";

/**
 * Probes what the connected PostGIS can do by running it, so a future PGlite with protobuf
 * support just works.
 */
export async function probeCapabilities(q: Queryable): Promise<DbCapabilities> {
  const v = await q.query<{ v: string }>("SELECT postgis_lib_version() AS v");
  let mvt = false;
  try {
    await q.query(
      `SELECT ST_AsMVT(t, 'probe') FROM
        (SELECT 1 AS id, ST_AsMVTGeom(ST_MakePoint(1, 1), ST_MakeEnvelope(0, 0, 4096, 4096)) AS geom) t`,
    );
    mvt = true;
  } catch {
    // The one intentional catch-to-false: PGlite's PostGIS is compiled without protobuf-c, so
    // ST_AsMVT raises; the tile layer then encodes in JS.
    mvt = false;
  }
  return { mvt, postgisVersion: v[0]?.v ?? "unknown" };
}
