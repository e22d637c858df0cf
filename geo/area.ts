import { area as turfArea } from "@turf/turf";
import type { MultiPolygon, Polygon } from "geojson";
import { type SquareMeters, squareMeters } from "./units.ts";

/**
 * Approximate area of a polygon in m² on a sphere of radius 6,371,008.8 m (Turf's `area`).
 *
 * This is the browser's live "≈" value only. The canonical area is PostGIS
 * `ST_Area(geom::geography)` on the WGS84 ellipsoid, stored in `plots.area_m2`; on plot-sized
 * shapes in China the two agree within `AREA_PARITY_REL_TOL` (0.5 %).
 * Coordinates are `[lng, lat]` in EPSG:4326.
 * @see Chamberlain & Duquette, "Some algorithms for polygons on a sphere", JPL Publication 07-03 (2007)
 */
export function sphericalArea(geometry: Polygon | MultiPolygon): SquareMeters {
  return squareMeters(turfArea(geometry));
}
