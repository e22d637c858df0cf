import { length as turfLength } from "@turf/turf";
import type { Feature, LineString, Polygon } from "geojson";
import { sphericalArea } from "./area.ts";
import { GeoError } from "./errors.ts";
import { type Hectares, type Mu, m2ToHa, m2ToMu, type SquareMeters } from "./units.ts";

/**
 * Length of a path of `[lng, lat]` vertices in metres: the sum of great-circle (haversine) legs on Turf's
 * sphere of radius 6,371,008.8 m. This is the measurement tool's "≈" value; on the CGCS2000 ellipsoid a
 * leg in Yunnan differs by well under 0.5 %.
 * @see Turf `length` (haversine); Sinnott, "Virtues of the Haversine", Sky and Telescope 68 (1984)
 */
export function pathLengthM(vertices: ReadonlyArray<readonly [number, number]>): number {
  if (vertices.length < 2) return 0;
  const line: Feature<LineString> = {
    type: "Feature",
    properties: {},
    geometry: { type: "LineString", coordinates: vertices.map(([lng, lat]) => [lng, lat]) },
  };
  return turfLength(line, { units: "kilometers" }) * 1000;
}

/** A measured area in m², 亩 and hectares. */
export interface MeasuredArea {
  areaM2: SquareMeters;
  areaMu: Mu;
  areaHa: Hectares;
}

/**
 * Area enclosed by `[lng, lat]` vertices (the ring is closed for you), in m² on Turf's sphere
 * (`sphericalArea`), and in 亩 and ha through geo/units.ts. Fewer than 3 vertices → 0.
 * Throws `GeoError` for a non-finite coordinate.
 * @see ./area.ts (canonical areas are PostGIS `ST_Area(geom::geography)`; this is the live "≈" value)
 */
export function measuredArea(vertices: ReadonlyArray<readonly [number, number]>): MeasuredArea {
  for (const [lng, lat] of vertices)
    if (!Number.isFinite(lng) || !Number.isFinite(lat))
      throw new GeoError("vertices", `must hold finite coordinates, got [${lng}, ${lat}]`);
  if (vertices.length < 3) {
    const zero = 0 as SquareMeters;
    return { areaM2: zero, areaMu: m2ToMu(zero), areaHa: m2ToHa(zero) };
  }
  const ring = vertices.map(([lng, lat]) => [lng, lat]);
  const first = ring[0] as number[];
  ring.push([...first]);
  const polygon: Polygon = { type: "Polygon", coordinates: [ring] };
  const m2 = sphericalArea(polygon);
  return { areaM2: m2, areaMu: m2ToMu(m2), areaHa: m2ToHa(m2) };
}
