/**
 * Park layouts: an irregular boundary and a slightly rotated street grid whose blocks lie fully
 * inside it, ordered by distance from where development started. All in metres in the park's
 * local frame; grid coordinates (u, v) are the frame rotated by the grid angle.
 */
import { M2_PER_MU } from "../../geo/units.ts";
import { createLocalFrame, type LocalFrame, type Xy } from "./local_frame.ts";
import type { ParkSpec } from "./park_specs.ts";
import {
  type BlobShape,
  blobRing,
  clipHalfPlane,
  isRingInsideRing,
  isSimpleRing,
  randomBlobShape,
  signedArea,
} from "./planar.ts";
import type { Rng } from "./rng.ts";

/** A road centreline of the grid: u (or v) position, width and whether it is a trunk road. */
export interface GridLine {
  readonly pos: number;
  readonly widthM: number;
  readonly trunk: boolean;
}

/** A street block: a rectangle in grid coordinates between roads. */
export interface Block {
  readonly u0: number;
  readonly v0: number;
  readonly u1: number;
  readonly v1: number;
  /** Column/row span in the grid (inclusive). Smelter blocks span several. */
  readonly col0: number;
  readonly col1: number;
  readonly row0: number;
  readonly row1: number;
  readonly kind: "normal" | "smelter";
  /**
   * Open counter-clockwise ring relative to (u0, v0): the rectangle, or for edge blocks the
   * rectangle clipped to the park boundary (less the margin).
   */
  readonly ring: readonly Xy[];
  readonly clipped: boolean;
}

/** The boundary and candidate blocks of one park. */
export interface ParkLayout {
  readonly spec: ParkSpec;
  readonly frame: LocalFrame;
  /** Park boundary, counter-clockwise, open ring in metres. */
  readonly boundary: Xy[];
  /** The blob shape the boundary was drawn from (reused for the development boundary). */
  readonly shape: BlobShape;
  readonly cols: readonly GridLine[];
  readonly rows: readonly GridLine[];
  /** Candidate blocks in development order (smelters first). */
  readonly blocks: readonly Block[];
  /** Grid (u, v) → local (x, y). */
  toXy(u: number, v: number): Xy;
}

const BOUNDARY_VERTICES = 72;
const TRUNK_WIDTH_M = 40;
const SMELTER_MIN_MU = 1050;
const SMELTER_MAX_MU = 1700;
/** Edge blocks clipped to less than this share of their rectangle are left unplotted. */
const MIN_CLIPPED_SHARE = 0.4;

function gridLines(rng: Rng, spec: ParkSpec, from: number, to: number): GridLine[] {
  const g = spec.grid;
  const lines: GridLine[] = [];
  let pos = from;
  for (let i = 0; pos < to; i++) {
    const trunk = i % g.trunkEvery === 0;
    const widthM = trunk ? TRUNK_WIDTH_M : rng.range(g.roadMinM, g.roadMaxM);
    const prev = lines[lines.length - 1];
    if (prev !== undefined) pos += prev.widthM / 2 + rng.range(g.blockMinM, g.blockMaxM) + widthM / 2;
    lines.push({ pos, widthM, trunk });
  }
  return lines;
}

/** Lays out the boundary and street grid of a park. Deterministic for a given stream. */
export function layoutPark(rng: Rng, spec: ParkSpec): ParkLayout {
  const frame = createLocalFrame(spec.center);
  const shape = randomBlobShape(rng, spec.wobble);
  const boundary = blobRing([0, 0], shape, spec.boundaryAreaM2, BOUNDARY_VERTICES);
  const th = (spec.grid.angleDeg * Math.PI) / 180;
  const cos = Math.cos(th);
  const sin = Math.sin(th);
  const toXy = (u: number, v: number): Xy => [u * cos - v * sin, u * sin + v * cos];
  const uv = boundary.map(([x, y]) => [x * cos + y * sin, -x * sin + y * cos] as const);
  const us = uv.map((p) => p[0]);
  const vs = uv.map((p) => p[1]);
  const cols = gridLines(rng, spec, Math.min(...us) - rng.range(0, 200), Math.max(...us));
  const rows = gridLines(rng, spec, Math.min(...vs) - rng.range(0, 200), Math.max(...vs));

  const rect = (i0: number, i1: number, j0: number, j1: number): Block | null => {
    const a = cols[i0];
    const b = cols[i1 + 1];
    const c = rows[j0];
    const d = rows[j1 + 1];
    if (a === undefined || b === undefined || c === undefined || d === undefined) return null;
    const u0 = a.pos + a.widthM / 2;
    const u1 = b.pos - b.widthM / 2;
    const v0 = c.pos + c.widthM / 2;
    const v1 = d.pos - d.widthM / 2;
    const ring: Xy[] = [
      [0, 0],
      [u1 - u0, 0],
      [u1 - u0, v1 - v0],
      [0, v1 - v0],
    ];
    const kind = i0 === i1 && j0 === j1 ? "normal" : "smelter";
    return { u0, u1, v0, v1, col0: i0, col1: i1, row0: j0, row1: j1, kind, ring, clipped: false };
  };
  const m = spec.grid.marginM;
  // The boundary shrunk by the margin along each ray (the blob is star-shaped about its centre).
  const inset = blobRing([0, 0], shape, spec.boundaryAreaM2, BOUNDARY_VERTICES, () => -m);
  const insetUv = inset.map(([x, y]) => [x * cos + y * sin, -x * sin + y * cos] as const);
  const isInside = (b: Block) =>
    isRingInsideRing([toXy(b.u0, b.v0), toXy(b.u1, b.v0), toXy(b.u1, b.v1), toXy(b.u0, b.v1)], inset);
  const clipToInset = (b: Block): Block | null => {
    let r: Xy[] = insetUv.map(([u, v]) => [u - b.u0, v - b.v0] as const);
    r = clipHalfPlane(r, 0, 0, "ge");
    r = clipHalfPlane(r, 0, b.u1 - b.u0, "le");
    r = clipHalfPlane(r, 1, 0, "ge");
    r = clipHalfPlane(r, 1, b.v1 - b.v0, "le");
    const share = r.length < 3 ? 0 : signedArea(r) / ((b.u1 - b.u0) * (b.v1 - b.v0));
    return share >= MIN_CLIPPED_SHARE && isSimpleRing(r) ? { ...b, ring: r, clipped: true } : null;
  };
  const cells: Block[] = [];
  for (let i = 0; i < cols.length - 1; i++) {
    for (let j = 0; j < rows.length - 1; j++) {
      const b = rect(i, i, j, j);
      if (b === null) continue;
      const kept = isInside(b) ? b : clipToInset(b);
      if (kept !== null) cells.push(kept);
    }
  }
  const [ox, oy] = spec.devOrigin;
  const centre = (b: Block) => toXy((b.u0 + b.u1) / 2, (b.v0 + b.v1) / 2);
  const dist = (b: Block, p: Xy = [ox, oy]) => {
    const [x, y] = centre(b);
    return Math.hypot(x - p[0], y - p[1]);
  };

  const smelters = pickSmelters(rng, spec, cols.length, rows.length, rect, isInside);
  const covered = (c: Block) =>
    smelters.some((s) => c.col0 >= s.col0 && c.col0 <= s.col1 && c.row0 >= s.row0 && c.row0 <= s.row1);
  const keyed = cells.filter((c) => !covered(c)).map((c) => ({ c, k: dist(c) + rng.normal(0, 60) }));
  keyed.sort((a, b) => a.k - b.k);
  return { spec, frame, boundary, shape, cols, rows, blocks: [...smelters, ...keyed.map((x) => x.c)], toXy };
}

function pickSmelters(
  rng: Rng,
  spec: ParkSpec,
  nCols: number,
  nRows: number,
  rect: (i0: number, i1: number, j0: number, j1: number) => Block | null,
  isInside: (b: Block) => boolean,
): Block[] {
  if (spec.smelters === 0) return [];
  const candidates: Block[] = [];
  for (const [a, b] of [
    [2, 2],
    [3, 2],
    [2, 3],
    [3, 3],
  ] as const) {
    for (let i = 0; i + a < nCols; i++) {
      for (let j = 0; j + b < nRows; j++) {
        const g = rect(i, i + a - 1, j, j + b - 1);
        if (g === null) continue;
        const mu = ((g.u1 - g.u0) * (g.v1 - g.v0)) / M2_PER_MU;
        if (mu >= SMELTER_MIN_MU && mu <= SMELTER_MAX_MU && isInside(g)) candidates.push(g);
      }
    }
  }
  const overlaps = (p: Block, q: Block) =>
    p.col0 <= q.col1 && q.col0 <= p.col1 && p.row0 <= q.row1 && q.row0 <= p.row1;
  // Smelters sit together on one side of the park, away from the town-facing development origin.
  const side = rng.range(0, 2 * Math.PI);
  const anchor = [Math.cos(side), Math.sin(side)] as const;
  const score = (g: Block) => -(((g.u0 + g.u1) / 2) * anchor[0] + ((g.v0 + g.v1) / 2) * anchor[1]);
  const chosen: Block[] = [];
  for (const g of [...candidates].sort((p, q) => score(p) - score(q))) {
    if (chosen.length >= spec.smelters) break;
    if (chosen.some((c) => overlaps(c, g))) continue;
    const first = chosen[0];
    // The second smelter sits next to the first: within one row or column of it.
    if (first !== undefined && !(Math.abs(first.col0 - g.col0) <= 3 && Math.abs(first.row0 - g.row0) <= 3))
      continue;
    chosen.push(g);
  }
  if (chosen.length < spec.smelters)
    throw new Error(`${spec.code}: no room for ${spec.smelters} smelter blocks`);
  return chosen;
}

/**
 * Trunk-road centrelines (metres, local frame) along the used blocks: for every trunk grid line,
 * the stretches where used blocks front it, merged across cross streets.
 */
export function trunkRoads(layout: ParkLayout, used: readonly Block[]): Xy[][] {
  const out: Xy[][] = [];
  /** The stretch of block b's side at local coordinate `edge` (axis k), along the other axis, or null. */
  const side = (b: Block, k: 0 | 1, edge: number): [number, number] | null => {
    const along = k === 0 ? 1 : 0;
    const on = b.ring
      .filter((p) => Math.abs(p[k] - edge) < 1e-6)
      .map((p) => p[along] + (k === 0 ? b.v0 : b.u0));
    return on.length < 2 ? null : [Math.min(...on), Math.max(...on)];
  };
  const emit = (lines: readonly GridLine[], alongU: boolean) => {
    lines.forEach((line, i) => {
      if (!line.trunk) return;
      const spans: [number, number][] = [];
      for (const b of used) {
        const k = alongU ? 0 : 1;
        const [lo, hi, first, last] = alongU
          ? [0, b.u1 - b.u0, b.col0, b.col1]
          : [0, b.v1 - b.v0, b.row0, b.row1];
        const s = first === i ? side(b, k, lo) : last === i - 1 ? side(b, k, hi) : null;
        if (s !== null) spans.push(s);
      }
      spans.sort((a, b) => a[0] - b[0]);
      const merged: [number, number][] = [];
      for (const s of spans) {
        const last = merged[merged.length - 1];
        if (last !== undefined && s[0] - last[1] <= TRUNK_WIDTH_M + 5) last[1] = Math.max(last[1], s[1]);
        else merged.push([s[0], s[1]]);
      }
      for (const [a, b] of merged) {
        if (b - a < 400) continue;
        out.push(
          alongU
            ? [layout.toXy(line.pos, a), layout.toXy(line.pos, b)]
            : [layout.toXy(a, line.pos), layout.toXy(b, line.pos)],
        );
      }
    });
  };
  emit(layout.cols, true);
  emit(layout.rows, false);
  return out;
}
