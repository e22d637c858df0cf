import type { Polygon } from "geojson";
import type { Queryable } from "./db.ts";

/** One contiguous piece of candidate land, as measured by PostGIS. */
export interface CandidatePieceRow {
  /** Ellipsoidal area, m² (ST_Area on geography). */
  area_m2: number;
  /** Planar area in the park's Gauss-Krüger CRS, m² (for compactness with the planar perimeter). */
  plane_area_m2: number;
  /** Planar perimeter in the Gauss-Krüger CRS, m. */
  perimeter_m: number;
  /** Shortest planar distance to the park in the Gauss-Krüger CRS, m. */
  distance_m: number;
  /** Length of the piece's boundary within 0.5 m of the park, m. */
  shared_m: number;
  geometry: Polygon;
}

/** Inputs of `candidatePieces`; types must already be reduced to those the zone has layers for. */
export interface CandidateQuery {
  parkId: number;
  /** Metric CRS for buffers, distances and perimeters: the park's CGCS2000 3° Gauss-Krüger EPSG code. */
  srid: number;
  maxDistanceM: number;
  minAreaM2: number;
  excludeTypes: readonly string[];
  requireInsideTypes: readonly string[];
}

/**
 * Longest edge of the reach buffer, in metres of the Gauss-Krüger plane, before it is projected to
 * EPSG:4326: the buffer's arcs stay within millimetres of the true offset curve.
 */
const REACH_EDGE_M = 20;

/**
 * The candidate statement for `excludeCount` excluded types.
 *   reach   = park buffered by maxDistanceM in the park's Gauss-Krüger CRS (`$2`, metres, conformal:
 *             ≤ 0.06 % scale error in a 3° zone), densified and projected to EPSG:4326
 *   allowed = reach − ⋃ₜ (reach − ⋃ features of required type t)   (inside every required type)
 *   land    = allowed − ⋃(parks ∪ plots near the reach) − ⋃ excluded type 1 − … − ⋃ excluded type n
 *   pieces  = ST_Dump(land), each ≥ minAreaM2 on the ellipsoid (ST_Area(geography))
 * The overlay runs in EPSG:4326, the CRS every layer is stored and interpreted in, so a piece shares
 * its edges exactly with the layers it was cut from. (Cutting in Gauss-Krüger instead left up to
 * ~830 m² of false overlap along a 6 km red-line strip, because a straight lon/lat edge bows in the
 * projection; densifying cut that to ~1 m² but not to zero.) Perimeter, distance to the park and the
 * shared boundary are then measured on each piece projected to Gauss-Krüger.
 * Each type's ⋃ comes dissolved from `constraint_unions` (kept by triggers, migration 0009), clipped
 * to the reach's bounding box only when it reaches beyond it. The excluded types are subtracted one
 * after another rather than unioned first: on the bench (20,000 scattered farmland and red-line
 * polygons) unioning the two dissolved layers cost 3–4× the two differences.
 * Exported for the bench, which times this bare SQL against the endpoint.
 */
export function candidatesSql(excludeCount: number): string {
  const steps: string[] = [];
  for (let i = 1; i <= excludeCount; i++)
    steps.push(`, land${i} AS (
  SELECT CASE WHEN f.g IS NULL THEN d.g ELSE ST_Difference(d.g, f.g) END AS g
    FROM land${i - 1} d LEFT JOIN feats f ON f.type = ($5::text[])[${i}]
)`);
  return `
WITH park AS (
  SELECT zone_id, ST_Transform(geom, $2::int) AS gk FROM parks WHERE id = $1
), reach AS (
  SELECT ST_Transform(ST_Segmentize(ST_Buffer(gk, $3::float8), ${REACH_EDGE_M}), 4326) AS g FROM park
), box AS (
  SELECT ST_Envelope(g) AS g FROM reach
), feats AS (
  SELECT u.type, CASE WHEN u.geom @ b.g THEN u.geom ELSE ST_CollectionExtract(ST_Intersection(u.geom, b.g), 3) END AS g
    FROM constraint_unions u, park, box b
   WHERE u.zone_id = park.zone_id AND u.geom && b.g
     AND (u.type = ANY($5::text[]) OR u.type = ANY($6::text[]))
), outside_required AS (
  SELECT ST_Union(CASE WHEN f.g IS NULL THEN reach.g ELSE ST_Difference(reach.g, f.g) END) AS g
    FROM unnest($6::text[]) AS t(type) LEFT JOIN feats f ON f.type = t.type, reach
), allowed AS (
  SELECT CASE WHEN o.g IS NULL THEN reach.g ELSE ST_Difference(reach.g, o.g) END AS g
    FROM reach, outside_required o
), existing AS (
  SELECT ST_Union(g) AS g FROM (
    SELECT p.geom AS g FROM parks p, box b WHERE p.geom && b.g
    UNION ALL
    SELECT pl.geom FROM plots pl, box b WHERE pl.geom && b.g
  ) s
), land0 AS (
  SELECT CASE WHEN e.g IS NULL THEN a.g ELSE ST_Difference(a.g, e.g) END AS g FROM allowed a, existing e
)${steps.join("")}, pieces AS (
  SELECT (ST_Dump(g)).geom AS g FROM land${excludeCount}
), measured AS (
  SELECT g AS ll, ST_Transform(g, $2::int) AS gk FROM pieces WHERE ST_Area(g::geography) >= $4::float8
), band AS (
  SELECT ST_Buffer(gk, 0.5) AS g FROM park
)
SELECT ST_Area(m.ll::geography)::float8 AS area_m2,
       ST_Area(m.gk)::float8 AS plane_area_m2,
       ST_Perimeter(m.gk)::float8 AS perimeter_m,
       ST_Distance(m.gk, park.gk)::float8 AS distance_m,
       ST_Length(ST_Intersection(ST_Boundary(m.gk), band.g))::float8 AS shared_m,
       ST_AsGeoJSON(m.ll, 15)::json AS geometry
  FROM measured m, park, band`;
}

/** Parameters of `candidatesSql` in order. */
export const candidateParams = (c: CandidateQuery): unknown[] => [
  c.parkId,
  c.srid,
  c.maxDistanceM,
  c.minAreaM2,
  [...c.excludeTypes],
  [...c.requireInsideTypes],
];

/** Contiguous pieces of candidate land around a park (see `candidatesSql`). */
export async function candidatePieces(q: Queryable, c: CandidateQuery): Promise<CandidatePieceRow[]> {
  return q.query<CandidatePieceRow>(candidatesSql(c.excludeTypes.length), candidateParams(c));
}

/** Constraint types a zone has at least one feature of. */
export async function zoneConstraintTypes(q: Queryable, zoneId: number): Promise<string[]> {
  const rows = await q.query<{ type: string }>(
    `SELECT DISTINCT l.type FROM constraint_layers l
      WHERE l.zone_id = $1 AND EXISTS (SELECT 1 FROM constraint_features f WHERE f.layer_id = l.id)
      ORDER BY l.type`,
    [zoneId],
  );
  return rows.map((r) => r.type);
}
