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
 * Longest edge, in degrees (≈ 20 m), before projecting to Gauss-Krüger. A straight edge in EPSG:4326
 * (how every stored geometry is interpreted) bows in the projection, so a piece cut in GK overlaps
 * the 4326 original along shared edges: measured on the test fixture's 6 km red-line strip, ~830 m²
 * undensified, 3–5 m² at 0.001°, < 0.05 m² at 0.0002°. Output goes out at full precision (15
 * decimals) for the same reason: rounding to 1 cm alone makes ~30 m² of overlap along 6 km.
 */
const DENSIFY_DEG = 0.0002;

/**
 * The candidate statement. Buffers, differences, distances and perimeters run in the park's
 * Gauss-Krüger CRS (`$2`, metres, conformal: ≤ 0.06 % scale error in a 3° zone); areas are
 * ellipsoidal (`ST_Area(geography)`) after transforming back to EPSG:4326.
 *   reach    = park buffered by maxDistanceM
 *   allowed  = reach − ⋃ₜ (reach − ⋃ features of required type t)   (inside every required type)
 *   excluded = ⋃ (features of excluded types ∪ every park ∪ every plot) near the reach
 *   pieces   = ST_Dump(allowed − excluded), each ≥ minAreaM2 on the ellipsoid
 * Exported for the bench, which times this bare SQL against the endpoint.
 */
export const CANDIDATES_SQL = `
WITH park AS (
  SELECT zone_id, ST_Transform(ST_Segmentize(geom, ${DENSIFY_DEG}), $2::int) AS g FROM parks WHERE id = $1
), reach AS (
  SELECT ST_Buffer(g, $3::float8) AS g FROM park
), reach_ll AS (
  SELECT ST_Expand(ST_Transform(g, 4326), 0.001) AS g FROM reach
), feats AS (
  SELECT l.type, ST_Transform(ST_Segmentize(f.geom, ${DENSIFY_DEG}), $2::int) AS g
    FROM constraint_features f JOIN constraint_layers l ON l.id = f.layer_id, park, reach_ll r
   WHERE l.zone_id = park.zone_id AND f.geom && r.g
     AND (l.type = ANY($5::text[]) OR l.type = ANY($6::text[]))
), outside_required AS (
  SELECT ST_Union(CASE WHEN u.g IS NULL THEN reach.g ELSE ST_Difference(reach.g, u.g) END) AS g
    FROM (SELECT t.type, (SELECT ST_Union(f.g) FROM feats f WHERE f.type = t.type) AS g
            FROM unnest($6::text[]) AS t(type)) u, reach
), allowed AS (
  SELECT CASE WHEN o.g IS NULL THEN reach.g ELSE ST_Difference(reach.g, o.g) END AS g
    FROM reach, outside_required o
), excluded AS (
  SELECT ST_Union(g) AS g FROM (
    SELECT g FROM feats WHERE type = ANY($5::text[])
    UNION ALL
    SELECT ST_Transform(ST_Segmentize(p.geom, ${DENSIFY_DEG}), $2::int) FROM parks p, reach_ll r WHERE p.geom && r.g
    UNION ALL
    SELECT ST_Transform(ST_Segmentize(pl.geom, ${DENSIFY_DEG}), $2::int) FROM plots pl, reach_ll r WHERE pl.geom && r.g
  ) s
), pieces AS (
  SELECT (ST_Dump(CASE WHEN e.g IS NULL THEN a.g ELSE ST_Difference(a.g, e.g) END)).geom AS g
    FROM allowed a, excluded e
), measured AS (
  SELECT g, ST_Transform(g, 4326) AS ll FROM pieces WHERE ST_Area(g) > 0
), band AS (
  SELECT ST_Buffer(g, 0.5) AS g FROM park
)
SELECT ST_Area(m.ll::geography)::float8 AS area_m2,
       ST_Area(m.g)::float8 AS plane_area_m2,
       ST_Perimeter(m.g)::float8 AS perimeter_m,
       ST_Distance(m.g, park.g)::float8 AS distance_m,
       ST_Length(ST_Intersection(ST_Boundary(m.g), band.g))::float8 AS shared_m,
       ST_AsGeoJSON(m.ll, 15)::json AS geometry
  FROM measured m, park, band
 WHERE ST_Area(m.ll::geography) >= $4::float8`;

/** Parameters of `CANDIDATES_SQL` in order. */
export const candidateParams = (c: CandidateQuery): unknown[] => [
  c.parkId,
  c.srid,
  c.maxDistanceM,
  c.minAreaM2,
  [...c.excludeTypes],
  [...c.requireInsideTypes],
];

/** Contiguous pieces of candidate land around a park (see `CANDIDATES_SQL`). */
export async function candidatePieces(q: Queryable, c: CandidateQuery): Promise<CandidatePieceRow[]> {
  return q.query<CandidatePieceRow>(CANDIDATES_SQL, candidateParams(c));
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
