/**
 * A local metric frame around an origin on the GRS80 ellipsoid, used to lay out demo geometry in
 * metres and turn it into EPSG:4326 `[lng, lat]`.
 *
 * The mapping is φ = φ0 + y/M(φ0), λ = λ0 + x/(N(φ)·cos φ). Its area scale is M(φ)/M(φ0), which
 * differs from 1 by < 1e-5 within 20 km, so a shoelace area in (x, y) equals the ellipsoidal area
 * PostGIS reports (`ST_Area(geom::geography)`) to well under 0.01 % on park-sized shapes.
 */

/** `[x, y]` in metres: x east, y north of the frame origin. */
export type Xy = readonly [number, number];
/** `[lng, lat]` in degrees, EPSG:4326. */
export type LngLat = [number, number];
/** A GeoJSON Polygon with 2D `[lng, lat]` positions (as the demo dataset schema requires). */
export interface LngLatPolygon {
  type: "Polygon";
  coordinates: LngLat[][];
}

const A = 6_378_137; // GRS80 semi-major axis, m
const F = 1 / 298.257222101; // GRS80 flattening
const E2 = F * (2 - F);
const RAD = Math.PI / 180;

const meridianRadius = (phi: number) => (A * (1 - E2)) / (1 - E2 * Math.sin(phi) ** 2) ** 1.5;
const primeVerticalRadius = (phi: number) => A / Math.sqrt(1 - E2 * Math.sin(phi) ** 2);

/** Converts between a local metric frame and `[lng, lat]`. */
export interface LocalFrame {
  readonly origin: LngLat;
  toLngLat(p: Xy): LngLat;
  toXy(p: readonly [number, number]): Xy;
}

/** Creates a local frame centred on `origin` (`[lng, lat]`, degrees). */
export function createLocalFrame(origin: LngLat): LocalFrame {
  const [lng0, lat0] = origin;
  const phi0 = lat0 * RAD;
  const m0 = meridianRadius(phi0);
  return {
    origin,
    toLngLat: ([x, y]) => {
      const phi = phi0 + y / m0;
      const lambda = x / (primeVerticalRadius(phi) * Math.cos(phi));
      return [lng0 + lambda / RAD, phi / RAD];
    },
    toXy: ([lng, lat]) => {
      const phi = lat * RAD;
      return [(lng - lng0) * RAD * primeVerticalRadius(phi) * Math.cos(phi), (phi - phi0) * m0];
    },
  };
}

/** Rounds to 6 decimals (≈ 0.1 m), the precision of every coordinate written to data/demo. */
export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** Rounds to `d` decimals. */
export const roundTo = (v: number, d: number): number => {
  const k = 10 ** d;
  return Math.round(v * k) / k;
};

/**
 * Converts a closed-or-open ring in metres to a closed GeoJSON ring with 6-decimal coordinates,
 * dropping consecutive duplicates that rounding may create.
 */
export function ringToLngLat(frame: LocalFrame, ring: readonly Xy[]): LngLat[] {
  const out: LngLat[] = [];
  for (const p of ring) {
    const [lng, lat] = frame.toLngLat(p);
    const q: LngLat = [round6(lng), round6(lat)];
    const prev = out[out.length - 1];
    if (prev === undefined || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first === undefined || last === undefined) throw new Error("ringToLngLat: ring must not be empty");
  if (first[0] === last[0] && first[1] === last[1]) out.pop();
  out.push([first[0], first[1]]);
  return out;
}

/** Converts a polyline in metres to 6-decimal `[lng, lat]` positions. */
export function lineToLngLat(frame: LocalFrame, line: readonly Xy[]): LngLat[] {
  return line.map((p) => {
    const [lng, lat] = frame.toLngLat(p);
    return [round6(lng), round6(lat)];
  });
}
