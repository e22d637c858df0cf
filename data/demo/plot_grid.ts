/**
 * Plot shapes: street blocks cut into 1–4 plots by straight guillotine cuts (sometimes leaving
 * an L-shaped plot), in development order until the park's target plot count is reached.
 */
import { M2_PER_MU } from "../../geo/units.ts";
import { type LngLatPolygon, ringToLngLat, type Xy } from "./local_frame.ts";
import type { Block, ParkLayout } from "./park_layouts.ts";
import { clipHalfPlane, isSimpleRing, ringBounds, signedArea } from "./planar.ts";
import type { Rng } from "./rng.ts";

/** One generated plot: its shape in metres and in `[lng, lat]`. */
export interface PlotShape {
  /** Index of the block in development order; plots of one block are neighbours. */
  readonly blockIndex: number;
  readonly kind: "normal" | "smelter";
  /** Open counter-clockwise ring in the park's local frame, metres. */
  readonly ringXy: readonly Xy[];
  /** Ellipsoidal area, m² (shoelace area in the equal-area local frame). */
  readonly areaM2: number;
  readonly centroidXy: Xy;
  /** Distance of the centroid from the park's development origin, m. */
  readonly distM: number;
  /** EPSG:4326 polygon, 6-decimal coordinates, counter-clockwise outer ring. */
  readonly geometry: LngLatPolygon;
}

type Pq = readonly [number, number];

const rectRing = (p0: number, q0: number, p1: number, q1: number): Pq[] => [
  [p0, q0],
  [p1, q0],
  [p1, q1],
  [p0, q1],
];

/** Cut position along `axis` that leaves `share` of the ring's area on the low side (bisection). */
function cutAt(ring: readonly Pq[], axis: 0 | 1, share: number): number {
  const total = signedArea(ring);
  let lo = Math.min(...ring.map((p) => p[axis]));
  let hi = Math.max(...ring.map((p) => p[axis]));
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (signedArea(clipHalfPlane(ring, axis, mid, "le")) < share * total) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Guillotine cuts of a ring into n pieces of roughly equal area, always cutting across the longer side. */
function guillotine(rng: Rng, ring: readonly Pq[], n: number): Pq[][] {
  if (n <= 1) return [[...ring]];
  const [minP, minQ, maxP, maxQ] = ringBounds(ring);
  const axis = maxP - minP >= maxQ - minQ ? 0 : 1;
  const n1 = Math.floor(n / 2);
  const c = cutAt(ring, axis, n1 / n + rng.range(-0.1, 0.1));
  const low = clipHalfPlane(ring, axis, c, "le");
  const high = clipHalfPlane(ring, axis, c, "ge");
  return [...guillotine(rng, low, n1), ...guillotine(rng, high, n - n1)];
}

/** Three plots on a P×Q block (P ≥ Q): an L along the bottom and two rectangles above it. */
function lShaped(rng: Rng, P: number, Q: number): Pq[][] {
  const pc = P * rng.range(0.42, 0.58);
  const h1 = Q * rng.range(0.3, 0.42);
  const h2 = Q * rng.range(0.58, 0.7);
  const [a, b] = rng.chance(0.5) ? [h1, h2] : [h2, h1];
  const l: Pq[] = [
    [0, 0],
    [P, 0],
    [P, b],
    [pc, b],
    [pc, a],
    [0, a],
  ];
  return [l, rectRing(0, a, pc, Q), rectRing(pc, b, P, Q)];
}

const EPS = 1e-6;

/** Adds to each ring the vertices of its neighbours that lie inside its edges (T-junctions), so shared edges match exactly. */
function withJunctions(rings: readonly Pq[][]): Pq[][] {
  return rings.map((ring, ri) => {
    const others = rings.flatMap((r, i) => (i === ri ? [] : r));
    const out: Pq[] = [];
    ring.forEach((a, i) => {
      const b = ring[(i + 1) % ring.length];
      if (b === undefined) return;
      out.push(a);
      const vertical = Math.abs(a[0] - b[0]) < EPS;
      // k: the fixed coordinate of the edge; along: the one that varies.
      const k = vertical ? 0 : 1;
      const along = vertical ? 1 : 0;
      const lo = Math.min(a[along], b[along]);
      const hi = Math.max(a[along], b[along]);
      const on = others.filter(
        (p) => Math.abs(p[k] - a[k]) < EPS && p[along] > lo + EPS && p[along] < hi - EPS,
      );
      const dir = b[along] > a[along] ? 1 : -1;
      const uniq = [...new Map(on.map((p) => [p[along], p])).values()];
      uniq.sort((p, q) => dir * (p[along] - q[along]));
      out.push(...uniq);
    });
    return out;
  });
}

function plotCount(rng: Rng, layout: ParkLayout, areaM2: number): number {
  const { min, target, max } = layout.spec.plotMu;
  const mu = areaM2 / M2_PER_MU;
  const lo = Math.max(1, Math.ceil(mu / max));
  const hi = Math.max(lo, Math.min(4, Math.floor(mu / min)));
  const ideal = Math.round((mu / target) * rng.range(0.75, 1.3));
  return Math.min(4, Math.max(lo, Math.min(hi, ideal)));
}

function cutBlock(rng: Rng, layout: ParkLayout, block: Block): Pq[][] {
  if (block.kind === "smelter") return [[...block.ring]];
  const W = block.u1 - block.u0;
  const H = block.v1 - block.v0;
  const minM2 = layout.spec.plotMu.min * M2_PER_MU * 0.7;
  // Fewer plots when a cut would leave a sliver (edge blocks) or a self-touching piece.
  for (let n = plotCount(rng, layout, signedArea(block.ring)); n >= 1; n--) {
    if (n === 3 && !block.clipped && rng.chance(0.3)) {
      const swapped = H > W;
      const l = lShaped(rng, swapped ? H : W, swapped ? W : H);
      return withJunctions(l).map((r) => r.map(([p, q]) => (swapped ? [q, p] : [p, q])));
    }
    const pieces = guillotine(rng, block.ring, n);
    if (n === 1 || pieces.every((r) => isSimpleRing(r) && signedArea(r) >= minM2))
      return withJunctions(pieces);
  }
  return [];
}

/**
 * Cuts the layout's blocks into plots, block by block in development order, until at least
 * `spec.targetPlots` plots exist.
 * @returns the plots and the blocks that were used.
 */
export function plotShapes(rng: Rng, layout: ParkLayout): { plots: PlotShape[]; used: Block[] } {
  const plots: PlotShape[] = [];
  const used: Block[] = [];
  const [ox, oy] = layout.spec.devOrigin;
  for (const block of layout.blocks) {
    if (plots.length >= layout.spec.targetPlots) break;
    const blockIndex = used.length;
    used.push(block);
    for (const piece of cutBlock(rng, layout, block)) {
      let ring: Xy[] = piece.map(([s, t]) => layout.toXy(block.u0 + s, block.v0 + t));
      if (signedArea(ring) < 0) ring = ring.reverse();
      const areaM2 = signedArea(ring);
      const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
      const cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
      plots.push({
        blockIndex,
        kind: block.kind,
        ringXy: ring,
        areaM2,
        centroidXy: [cx, cy],
        distM: Math.hypot(cx - ox, cy - oy),
        geometry: { type: "Polygon", coordinates: [ringToLngLat(layout.frame, ring)] },
      });
    }
  }
  if (plots.length < layout.spec.targetPlots) {
    throw new Error(`${layout.spec.code}: only ${plots.length} of ${layout.spec.targetPlots} plots fit`);
  }
  return { plots, used };
}
