import { GeoError } from "./errors.ts";

/**
 * CGCS2000 3° Gauss-Krüger projection (EPSG:4513–4533, zone-prefixed false easting).
 *
 * Gauss-Krüger is the transverse Mercator projection with scale factor 1 on the central meridian. The
 * ellipsoid is CGCS2000's (a = 6,378,137 m, 1/f = 298.257222101, i.e. GRS80). Forward formulas: Krüger's
 * series in the third flattening n to order n⁶ (Karney 2011, eqs. 6–11), accurate to about 5 nm within
 * 3 900 km of the central meridian — far beyond a 3° zone.
 * @see Karney, C. F. F. (2011), "Transverse Mercator with an accuracy of a few nanometers", J. Geodesy 85, 475–485
 * @see ../shared/domain.md §3 (4513–4533 = 4488 + zone; false easting zone·10⁶ + 500 km; axes northing X, easting Y)
 */

/** CGCS2000 semi-major axis, m. */
export const CGCS2000_A_M = 6_378_137;
/** CGCS2000 inverse flattening. */
export const CGCS2000_INV_F = 298.257222101;
/** Width of a Gauss-Krüger zone here, degrees. */
export const GK_ZONE_WIDTH_DEG = 3;
/** False easting without the zone prefix, m. */
export const GK_FALSE_EASTING_M = 500_000;
/** EPSG code of zone-prefixed 3° zone n is this + n (4513 = zone 25 … 4533 = zone 45). */
export const GK3_PREFIXED_EPSG_BASE = 4488;
/** First and last 3° zones with an EPSG code (75°E … 135°E central meridians). */
export const GK3_MIN_ZONE = 25;
export const GK3_MAX_ZONE = 45;

/** A point in a zone-prefixed 3° Gauss-Krüger CRS: northing `xM`, easting `yM` (zone prefix included), metres. */
export interface GaussKrugerPoint {
  /** 3° zone number (central meridian = 3° × zone). */
  zone: number;
  /** EPSG code, 4488 + zone. */
  epsg: number;
  /** Northing X, m. */
  xM: number;
  /** Easting Y with the zone prefix, m (zone·10⁶ + 500 000 + offset from the central meridian). */
  yM: number;
}

const f = 1 / CGCS2000_INV_F;
const n = f / (2 - f);
const n2 = n * n;
const n3 = n2 * n;
const n4 = n3 * n;
const n5 = n4 * n;
const n6 = n5 * n;
/** Rectifying radius A = a/(1+n) · (1 + n²/4 + n⁴/64 + n⁶/256). */
const RECTIFYING_RADIUS_M = (CGCS2000_A_M / (1 + n)) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
/** Krüger α coefficients (Karney 2011, eq. 35). */
const ALPHA = [
  n / 2 - (2 * n2) / 3 + (5 * n3) / 16 + (41 * n4) / 180 - (127 * n5) / 288 + (7891 * n6) / 37800,
  (13 * n2) / 48 - (3 * n3) / 5 + (557 * n4) / 1440 + (281 * n5) / 630 - (1983433 * n6) / 1935360,
  (61 * n3) / 240 - (103 * n4) / 140 + (15061 * n5) / 26880 + (167603 * n6) / 181440,
  (49561 * n4) / 161280 - (179 * n5) / 168 + (6601661 * n6) / 7257600,
  (34729 * n5) / 80640 - (3418889 * n6) / 1995840,
  (212378941 * n6) / 319334400,
] as const;
const E = Math.sqrt(f * (2 - f));
const DEG = Math.PI / 180;

/** The 3° zone whose strip holds `lngDeg` (zone n spans 3n − 1.5° … 3n + 1.5°). */
export function gk3ZoneOf(lngDeg: number): number {
  if (!Number.isFinite(lngDeg)) throw new GeoError("lngDeg", `must be finite, got ${lngDeg}`);
  return Math.floor((lngDeg + GK_ZONE_WIDTH_DEG / 2) / GK_ZONE_WIDTH_DEG);
}

/** The zone-prefixed EPSG code of a 3° zone (4488 + zone), or null outside 4513–4533 (zones 25–45). */
export function gk3PrefixedEpsg(zone: number): number | null {
  return zone >= GK3_MIN_ZONE && zone <= GK3_MAX_ZONE ? GK3_PREFIXED_EPSG_BASE + zone : null;
}

/**
 * Projects CGCS2000 longitude/latitude (degrees) to the zone-prefixed 3° Gauss-Krüger plane.
 * The zone is the one holding the point unless `zone` is given (e.g. a park's configured zone).
 * Returns northing X and easting Y in metres; e.g. 23.37°N 104.23°E → X 2 585 724, Y 35 421 273 (EPSG:4523).
 * Throws `GeoError` for non-finite input, |lat| ≥ 90° or a zone without an EPSG code.
 */
export function gaussKrugerOf(lngDeg: number, latDeg: number, zone = gk3ZoneOf(lngDeg)): GaussKrugerPoint {
  if (!Number.isFinite(latDeg) || Math.abs(latDeg) >= 90)
    throw new GeoError("latDeg", `must be within (−90, 90), got ${latDeg}`);
  const epsg = gk3PrefixedEpsg(zone);
  if (epsg === null) throw new GeoError("zone", `must be ${GK3_MIN_ZONE}–${GK3_MAX_ZONE}, got ${zone}`);
  const phi = latDeg * DEG;
  const lambda = (lngDeg - zone * GK_ZONE_WIDTH_DEG) * DEG;
  // Conformal latitude via τ' (Karney 2011, eqs. 7–9).
  const tau = Math.tan(phi);
  const sigma = Math.sinh(E * Math.atanh((E * tau) / Math.sqrt(1 + tau * tau)));
  const tauP = tau * Math.sqrt(1 + sigma * sigma) - sigma * Math.sqrt(1 + tau * tau);
  const xiP = Math.atan2(tauP, Math.cos(lambda));
  const etaP = Math.asinh(Math.sin(lambda) / Math.sqrt(tauP * tauP + Math.cos(lambda) ** 2));
  let xi = xiP;
  let eta = etaP;
  ALPHA.forEach((a, i) => {
    const k = 2 * (i + 1);
    xi += a * Math.sin(k * xiP) * Math.cosh(k * etaP);
    eta += a * Math.cos(k * xiP) * Math.sinh(k * etaP);
  });
  return {
    zone,
    epsg,
    xM: RECTIFYING_RADIUS_M * xi,
    yM: zone * 1_000_000 + GK_FALSE_EASTING_M + RECTIFYING_RADIUS_M * eta,
  };
}
