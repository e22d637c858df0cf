import { GeoError } from "./errors.ts";

/** A CGCS2000 3° Gauss-Krüger zone and its EPSG codes. */
export interface GaussKrugerZone {
  /** Zone number n: central meridian 3n °E. */
  readonly zone: number;
  /** Central meridian, degrees east. */
  readonly centralMeridianDeg: number;
  /** Zone-prefixed code (false easting n·10⁶ + 500 km): 4488 + n, e.g. 4523 for zone 35. */
  readonly epsg: number;
  /** Central-meridian-based code (false easting 500 km): 4509 + n, e.g. 4544 for zone 35. */
  readonly epsgCm: number;
}

/**
 * The CGCS2000 3° Gauss-Krüger zone containing longitude `lngDeg`:
 * n = floor((λ + 1.5°) / 3°), central meridian 3n°, EPSG 4488 + n (prefixed) or 4509 + n.
 * The EPSG dataset defines zones 25–45 (75°E–135°E, all of China); outside it this throws.
 * A longitude exactly on a zone edge (e.g. 100.5°E) falls in the eastern zone.
 * @see ../shared/domain.md §3 (CRS); EPSG dataset, CGCS2000 / 3-degree Gauss-Kruger zone 25–45
 */
export function gaussKrugerZone3(lngDeg: number): GaussKrugerZone {
  if (!Number.isFinite(lngDeg)) throw new GeoError("lngDeg", `must be a finite longitude (got ${lngDeg})`);
  const zone = Math.floor((lngDeg + 1.5) / 3);
  if (zone < 25 || zone > 45)
    throw new GeoError("lngDeg", `(${lngDeg}) lies outside the CGCS2000 3° zones 25–45 (73.5°E–136.5°E)`);
  return { zone, centralMeridianDeg: 3 * zone, epsg: 4488 + zone, epsgCm: 4509 + zone };
}
