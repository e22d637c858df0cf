import type { FeatureCollection, Geometry, MultiPolygon } from "geojson";
import type { Queryable } from "./db.ts";
import { GEOJSON } from "./rows.ts";

/** One boundary vertex in a Gauss-Krüger CRS (axes as surveyors write them: X northing, Y easting). */
export interface GkVertex {
  /** 1-based polygon of the MultiPolygon. */
  part: number;
  /** 0 = exterior ring, 1… = holes. */
  ring: number;
  /** 1-based position in the ring (the closing vertex is left out). */
  index: number;
  /** Northing, m. */
  xM: number;
  /** Easting with the zone prefix, m (e.g. 35 421 273 in EPSG:4523). */
  yM: number;
}

/** Vertices of a geometry projected to `srid` (ST_Transform), the closing vertex of each ring left out. */
export async function gkVertices(q: Queryable, geometry: MultiPolygon, srid: number): Promise<GkVertex[]> {
  const rows = await q.query<GkVertex>(
    `SELECT d.path[1]::int AS part, (d.path[2] - 1)::int AS ring, d.path[3]::int AS index,
            ST_Y(d.geom)::float8 AS "xM", ST_X(d.geom)::float8 AS "yM"
       FROM ST_DumpPoints(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), $2::int)) d
      ORDER BY d.path[1], d.path[2], d.path[3]`,
    [JSON.stringify(geometry), srid],
  );
  return dropClosing(rows);
}

/** Drops the last vertex of every ring (it repeats the first). */
function dropClosing(rows: GkVertex[]): GkVertex[] {
  const out: GkVertex[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const next = rows[i + 1];
    if (!r) continue;
    const last = !next || next.part !== r.part || next.ring !== r.ring;
    if (!last) out.push(r);
  }
  return out;
}

/** A geometry projected to `srid`, coordinates [easting, northing] in metres (µm precision). */
export async function gkGeometry(q: Queryable, geometry: MultiPolygon, srid: number): Promise<MultiPolygon> {
  const [row] = await q.query<{ g: MultiPolygon }>(
    `SELECT ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), $2::int), 6)::json AS g`,
    [JSON.stringify(geometry), srid],
  );
  if (!row) throw new Error("gkGeometry returned no row");
  return row.g;
}

/** The OGC WKT of an EPSG code from PostGIS's spatial_ref_sys (for a Shapefile's .prj). */
export async function crsWkt(q: Queryable, srid: number): Promise<string> {
  const [row] = await q.query<{ srtext: string }>(`SELECT srtext FROM spatial_ref_sys WHERE srid = $1`, [
    srid,
  ]);
  if (!row) throw new Error(`EPSG:${srid} is missing from spatial_ref_sys`);
  return row.srtext;
}

/** What the pack's maps draw: the zone's parks, the park's plots and the constraints around the proposal. */
export interface PackLayers {
  parks: FeatureCollection<Geometry, { id: number; name: string; isSelf: boolean }>;
  plots: FeatureCollection<Geometry, { status: string }>;
  constraints: FeatureCollection<Geometry, { type: string }>;
}

/** Map layers for an application pack; constraints are clipped to the proposal's bbox grown by `marginDeg`. */
export async function packLayers(
  q: Queryable,
  zoneId: number,
  parkId: number,
  proposal: MultiPolygon,
  marginDeg: number,
): Promise<PackLayers> {
  const fc = <P>(rows: { geometry: Geometry; props: P }[]): FeatureCollection<Geometry, P> => ({
    type: "FeatureCollection",
    features: rows.map((r) => ({ type: "Feature", geometry: r.geometry, properties: r.props })),
  });
  const parks = await q.query<{ geometry: Geometry; props: { id: number; name: string; isSelf: boolean } }>(
    `SELECT ${GEOJSON("ST_SimplifyPreserveTopology(geom, 0.00002)")} AS geometry,
            json_build_object('id', id, 'name', name, 'isSelf', id = $2) AS props
       FROM parks WHERE zone_id = $1 ORDER BY id`,
    [zoneId, parkId],
  );
  const plots = await q.query<{ geometry: Geometry; props: { status: string } }>(
    `SELECT ${GEOJSON("geom")} AS geometry, json_build_object('status', status) AS props FROM plots WHERE park_id = $1`,
    [parkId],
  );
  const constraints = await q.query<{ geometry: Geometry; props: { type: string } }>(
    `WITH b AS (SELECT ST_Expand(ST_Envelope(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)), $3::float8) AS g)
     SELECT ${GEOJSON("ST_CollectionExtract(ST_Intersection(u.geom, b.g), 3)")} AS geometry,
            json_build_object('type', u.type) AS props
       FROM constraint_unions u, b WHERE u.zone_id = $1 AND u.geom && b.g ORDER BY u.type`,
    [zoneId, JSON.stringify(proposal), marginDeg],
  );
  return { parks: fc(parks), plots: fc(plots), constraints: fc(constraints) };
}
