/**
 * GCJ-02 (the "Mars" offset of 高德/AMap, 腾讯 and DataV data) ↔ WGS84/CGCS2000 longitude and latitude.
 *
 * The forward transform is the public reimplementation of the GCJ-02 obfuscation (Krasovsky 1940
 * ellipsoid a = 6,378,245 m, e² = 0.006693421622965943, polynomial-plus-sine offset), as in
 * `eviltransform` (MIT) and `coordtransform`. It adds roughly 300–450 m inside Yunnan
 * (domain.md §3: +0.0011…+0.0021° lon, −0.0026…−0.0035° lat). The inverse has no closed form; it is
 * solved by fixed-point iteration to below 1e-9° (~0.1 mm). Outside China's rough bounding box
 * the datum is not offset and points pass through unchanged.
 *
 * CGCS2000 and WGS84 differ by decimetres at most, so WGS84 here serves CGCS2000 too (domain.md §3).
 * @see https://github.com/googollee/eviltransform
 * @see ../shared/domain.md §3 (Basemaps)
 */

const KRASOVSKY_A_M = 6_378_245.0;
const KRASOVSKY_E2 = 0.006693421622965943;
/** Convergence of the inverse iteration, in degrees (≈ 0.1 mm). */
const INVERSE_TOLERANCE_DEG = 1e-10;

/** True when (lng, lat) in degrees lies outside the rough box where GCJ-02 applies (no offset there). */
export function isOutsideChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLatDeg(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function offsetLngDeg(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/**
 * WGS84 → GCJ-02: the offset position, `[lng, lat]` in degrees.
 * @param lng longitude in degrees (WGS84/CGCS2000)
 * @param lat latitude in degrees
 */
export function wgs84ToGcj02(lng: number, lat: number): [number, number] {
  if (isOutsideChina(lng, lat)) return [lng, lat];
  let dLat = offsetLatDeg(lng - 105, lat - 35);
  let dLng = offsetLngDeg(lng - 105, lat - 35);
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - KRASOVSKY_E2 * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180) / (((KRASOVSKY_A_M * (1 - KRASOVSKY_E2)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180) / ((KRASOVSKY_A_M / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

/**
 * GCJ-02 → WGS84: the true position, `[lng, lat]` in degrees, solving `wgs84ToGcj02(p) = (lng, lat)`
 * by fixed-point iteration (converges in a few steps; residual < 1e-10°).
 */
export function gcj02ToWgs84(lng: number, lat: number): [number, number] {
  if (isOutsideChina(lng, lat)) return [lng, lat];
  let wLng = lng;
  let wLat = lat;
  for (let i = 0; i < 30; i++) {
    const [gLng, gLat] = wgs84ToGcj02(wLng, wLat);
    const eLng = gLng - lng;
    const eLat = gLat - lat;
    wLng -= eLng;
    wLat -= eLat;
    if (Math.abs(eLng) < INVERSE_TOLERANCE_DEG && Math.abs(eLat) < INVERSE_TOLERANCE_DEG) break;
  }
  return [wLng, wLat];
}
