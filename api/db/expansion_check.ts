import type { MultiPolygon, Point } from "geojson";
import type { Queryable } from "./db.ts";
import { GEOJSON } from "./rows.ts";

/** Validity of a submitted geometry, and its repaired form. */
export interface GeometryValidityRow {
  valid: boolean;
  /** GEOS's reason when invalid, e.g. `Self-intersection`. */
  reason: string | null;
  /** Where GEOS found the problem (the crossing of a self-intersection), EPSG:4326. */
  location: Point | null;
  /** Ellipsoidal area of the repaired geometry (areal parts only), m². */
  repaired_area_m2: number;
  /** ST_MakeValid, areal parts only, as MultiPolygon; null when nothing areal is left. */
  repaired: MultiPolygon | null;
}

/** Checks a GeoJSON geometry with ST_IsValidDetail and repairs it with ST_MakeValid. */
export async function geometryValidity(q: Queryable, geojson: string): Promise<GeometryValidityRow> {
  const [row] = await q.query<GeometryValidityRow>(
    `WITH i AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g),
          d AS (SELECT g, ST_IsValidDetail(g) AS v,
                       ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)) AS r FROM i)
     SELECT (v).valid AS valid, (v).reason AS reason,
            CASE WHEN (v).location IS NULL THEN NULL ELSE ${GEOJSON("(v).location")} END AS location,
            COALESCE(ST_Area(r::geography), 0)::float8 AS repaired_area_m2,
            CASE WHEN ST_IsEmpty(r) THEN NULL ELSE ${GEOJSON("r")} END AS repaired
       FROM d`,
    [geojson],
  );
  if (!row) throw new Error("geometryValidity returned no row");
  return row;
}

/** The zone of the park nearest to a geometry (for checks that name no zone). */
export async function nearestParkZone(q: Queryable, geojson: string): Promise<number | null> {
  const [row] = await q.query<{ zone_id: number }>(
    `SELECT zone_id FROM parks ORDER BY geom <-> ST_Centroid(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) LIMIT 1`,
    [geojson],
  );
  return row?.zone_id ?? null;
}

/** Overlaps of a (valid) geometry with the zone's layers and with existing land, ellipsoidal m². */
export interface BoundaryOverlapRow {
  area_m2: number;
  /** Overlap per constraint type present near the geometry. */
  by_type: Record<string, number>;
  /** Overlap with the union of every park and plot. */
  existing_m2: number;
  /** Overlap per current land-use code of the plots it covers. */
  by_land_use: Record<string, number>;
}

/** Measures a valid geometry against a zone's constraint layers, parks and plots. */
export async function boundaryOverlaps(
  q: Queryable,
  geojson: string,
  zoneId: number,
): Promise<BoundaryOverlapRow> {
  const [row] = await q.query<BoundaryOverlapRow>(
    `WITH i AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g),
     t AS (
       SELECT l.type, ST_Area(ST_Intersection((SELECT g FROM i), ST_Union(f.geom))::geography)::float8 AS m2
         FROM constraint_features f JOIN constraint_layers l ON l.id = f.layer_id
        WHERE l.zone_id = $2 AND f.geom && (SELECT g FROM i) AND ST_Intersects(f.geom, (SELECT g FROM i))
        GROUP BY l.type
     ), e AS (
       SELECT ST_Union(geom) AS g FROM (
         SELECT geom FROM parks WHERE geom && (SELECT g FROM i)
         UNION ALL SELECT geom FROM plots WHERE geom && (SELECT g FROM i)) s
     ), lu AS (
       SELECT land_use_code AS code,
              ST_Area(ST_Intersection((SELECT g FROM i), ST_Union(geom))::geography)::float8 AS m2
         FROM plots WHERE geom && (SELECT g FROM i) AND ST_Intersects(geom, (SELECT g FROM i))
        GROUP BY land_use_code
     )
     SELECT ST_Area((SELECT g FROM i)::geography)::float8 AS area_m2,
            COALESCE((SELECT json_object_agg(type, m2) FROM t), '{}'::json) AS by_type,
            COALESCE((SELECT ST_Area(ST_Intersection((SELECT g FROM i), e.g)::geography) FROM e), 0)::float8 AS existing_m2,
            COALESCE((SELECT json_object_agg(code, m2) FROM lu), '{}'::json) AS by_land_use`,
    [geojson, zoneId],
  );
  if (!row) throw new Error("boundaryOverlaps returned no row");
  return row;
}
