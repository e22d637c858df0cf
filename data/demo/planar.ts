/**
 * Planar geometry in a local metric frame (metres), used only to lay out demo shapes.
 * Rings are open (first vertex not repeated) unless stated otherwise.
 */
import type { Xy } from "./local_frame.ts";
import type { Rng } from "./rng.ts";

/** Signed shoelace area, m²: positive for counter-clockwise rings. */
export function signedArea(ring: readonly Xy[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    if (a === undefined || b === undefined) continue;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/** Even–odd point-in-polygon test. */
export function isPointInRing(p: Xy, ring: readonly Xy[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a === undefined || b === undefined) continue;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside;
}

const cross = (o: Xy, a: Xy, b: Xy) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** True when segments ab and cd touch or cross. */
export function doSegmentsIntersect(a: Xy, b: Xy, c: Xy, d: Xy): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const onSeg = (p: Xy, q: Xy, r: Xy) =>
    Math.min(p[0], q[0]) <= r[0] &&
    r[0] <= Math.max(p[0], q[0]) &&
    Math.min(p[1], q[1]) <= r[1] &&
    r[1] <= Math.max(p[1], q[1]);
  return (
    (d1 === 0 && onSeg(c, d, a)) ||
    (d2 === 0 && onSeg(c, d, b)) ||
    (d3 === 0 && onSeg(a, b, c)) ||
    (d4 === 0 && onSeg(a, b, d))
  );
}

function doBoundariesCross(a: readonly Xy[], b: readonly Xy[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const p = a[i];
    const q = a[(i + 1) % a.length];
    if (p === undefined || q === undefined) continue;
    for (let j = 0; j < b.length; j++) {
      const r = b[j];
      const s = b[(j + 1) % b.length];
      if (r === undefined || s === undefined) continue;
      if (doSegmentsIntersect(p, q, r, s)) return true;
    }
  }
  return false;
}

/** True when ring `inner` lies inside ring `outer` without touching its boundary. */
export function isRingInsideRing(inner: readonly Xy[], outer: readonly Xy[]): boolean {
  return inner.every((p) => isPointInRing(p, outer)) && !doBoundariesCross(inner, outer);
}

/** True when two rings share any point (overlap, touch or containment). */
export function doRingsIntersect(a: readonly Xy[], b: readonly Xy[]): boolean {
  const pa = a[0];
  const pb = b[0];
  if (pa === undefined || pb === undefined) return false;
  return isPointInRing(pa, b) || isPointInRing(pb, a) || doBoundariesCross(a, b);
}

/** True when a polyline touches or enters a ring. */
export function doesLineTouchRing(line: readonly Xy[], ring: readonly Xy[]): boolean {
  const first = line[0];
  if (first !== undefined && isPointInRing(first, ring)) return true;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i];
    const b = line[i + 1];
    if (a === undefined || b === undefined) continue;
    for (let j = 0; j < ring.length; j++) {
      const c = ring[j];
      const d = ring[(j + 1) % ring.length];
      if (c !== undefined && d !== undefined && doSegmentsIntersect(a, b, c, d)) return true;
    }
  }
  return false;
}

/** Smallest distance in metres from a point to a ring's boundary. */
export function distanceToRing(p: Xy, ring: readonly Xy[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    if (a === undefined || b === undefined) continue;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    best = Math.min(best, Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)));
  }
  return best;
}

/** Largest projection of a ring onto the unit direction `[ux, uy]` (its support distance), m. */
export function supportDistance(ring: readonly Xy[], ux: number, uy: number): number {
  return ring.reduce((m, [x, y]) => Math.max(m, x * ux + y * uy), Number.NEGATIVE_INFINITY);
}

/** Shape of a smooth irregular blob: radius r(θ) = r0·(1 + Σ aₖ·cos(kθ + φₖ)), stretched and rotated. */
export interface BlobShape {
  /** Harmonics `[k, amplitude, phase]`; keep Σ|amplitude| < 0.6 so the radius stays positive. */
  harmonics: readonly (readonly [number, number, number])[];
  /** Stretch along the blob's own x axis (1 = round). */
  aspect: number;
  /** Rotation, radians counter-clockwise. */
  rotation: number;
}

/** Draws a random blob shape with `n` harmonics of total amplitude ≤ `wobble`. */
export function randomBlobShape(rng: Rng, wobble: number, n = 3): BlobShape {
  const harmonics: [number, number, number][] = [];
  for (let k = 2; k < 2 + n; k++)
    harmonics.push([k, (wobble / n) * rng.range(0.4, 1), rng.range(0, 2 * Math.PI)]);
  return { harmonics, aspect: rng.range(1, 1.6), rotation: rng.range(0, Math.PI) };
}

/** Unscaled radius of a blob in direction θ (before stretch), for r0 = 1. */
const blobRadius = (shape: BlobShape, theta: number) =>
  1 + shape.harmonics.reduce((s, [k, a, ph]) => s + a * Math.cos(k * theta + ph), 0);

/**
 * A star-shaped counter-clockwise ring around `center`, scaled so that its area is `areaM2`,
 * optionally grown by `marginM(θ)` metres along each ray (which keeps it star-shaped).
 */
export function blobRing(
  center: Xy,
  shape: BlobShape,
  areaM2: number,
  vertices: number,
  marginM: (theta: number) => number = () => 0,
): Xy[] {
  const unit: Xy[] = [];
  const cos = Math.cos(shape.rotation);
  const sin = Math.sin(shape.rotation);
  for (let i = 0; i < vertices; i++) {
    const t = (2 * Math.PI * i) / vertices;
    const r = blobRadius(shape, t);
    const x = r * Math.cos(t) * Math.sqrt(shape.aspect);
    const y = (r * Math.sin(t)) / Math.sqrt(shape.aspect);
    unit.push([x * cos - y * sin, x * sin + y * cos]);
  }
  const k = Math.sqrt(areaM2 / signedArea(unit));
  return unit.map(([x, y]) => {
    const len = Math.hypot(x, y);
    const grow = marginM(Math.atan2(y, x));
    const s = k + grow / (len === 0 ? 1 : len);
    return [center[0] + x * s, center[1] + y * s] as const;
  });
}

/** Axis-aligned bounding box `[minX, minY, maxX, maxY]` of a ring. */
export function ringBounds(ring: readonly Xy[]): [number, number, number, number] {
  let b: [number, number, number, number] = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const [x, y] of ring) b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
  return b;
}

/**
 * Sutherland–Hodgman clip of a ring by the half-plane `p[axis] ≤ c` (`keep = "le"`) or `≥ c`.
 * New vertices lie exactly on the line, and both sides of one cut get bit-identical vertices
 * because each edge is interpolated in the ring's own direction.
 */
export function clipHalfPlane(ring: readonly Xy[], axis: 0 | 1, c: number, keep: "le" | "ge"): Xy[] {
  const inside = (p: Xy) => (keep === "le" ? p[axis] <= c : p[axis] >= c);
  const out: Xy[] = [];
  ring.forEach((a, i) => {
    const b = ring[(i + 1) % ring.length];
    if (b === undefined) return;
    const ina = inside(a);
    if (ina) out.push(a);
    if (ina !== inside(b) && a[axis] !== c && b[axis] !== c) {
      const t = (c - a[axis]) / (b[axis] - a[axis]);
      const other = axis === 0 ? 1 : 0;
      const q = a[other] + t * (b[other] - a[other]);
      out.push(axis === 0 ? [c, q] : [q, c]);
    }
  });
  return dedupeRing(out);
}

/** Drops consecutive duplicate vertices (including last = first) of an open ring. */
export function dedupeRing(ring: readonly Xy[]): Xy[] {
  const out: Xy[] = [];
  for (const p of ring) {
    const prev = out[out.length - 1];
    if (prev === undefined || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (
    out.length > 1 &&
    first !== undefined &&
    last !== undefined &&
    first[0] === last[0] &&
    first[1] === last[1]
  ) {
    out.pop();
  }
  return out;
}

/** True when an open ring has ≥ 3 vertices and no two non-adjacent edges touch. */
export function isSimpleRing(ring: readonly Xy[]): boolean {
  const n = ring.length;
  if (n < 3) return false;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const a = ring[i];
      const b = ring[(i + 1) % n];
      const c = ring[j];
      const d = ring[(j + 1) % n];
      if (a === undefined || b === undefined || c === undefined || d === undefined) return false;
      if (doSegmentsIntersect(a, b, c, d)) return false;
    }
  }
  return true;
}
