import type { Feature, Geometry, Position } from "geojson";

/** Screen position in pixels. */
export type Px = readonly [number, number];

/** Every ring of the areal features, as lists of [lng, lat]. */
export function ringsOf(features: readonly Feature<Geometry, unknown>[]): Position[][] {
  const out: Position[][] = [];
  for (const f of features) {
    const g = f.geometry;
    if (g?.type === "Polygon") out.push(...g.coordinates);
    else if (g?.type === "MultiPolygon") for (const p of g.coordinates) out.push(...p);
  }
  return out;
}

/**
 * The snap target for a cursor at `cursor` (pixels): the nearest ring vertex within `tolerancePx`,
 * else the nearest point on a ring edge within it, else null. Vertices win over edges so corners of
 * parks and plots are easy to hit. `project` maps [lng, lat] to pixels; positions off-screen are
 * considered too (cheap at park scale). Edge points are interpolated in screen space and returned
 * in [lng, lat] by interpolating the two vertices with the same parameter.
 */
export function snapTarget(
  cursor: Px,
  rings: readonly Position[][],
  project: (p: Position) => Px,
  tolerancePx: number,
): Position | null {
  let best: { d: number; p: Position } | null = null;
  for (const ring of rings)
    for (const v of ring) {
      const [x, y] = project(v);
      const d = Math.hypot(x - cursor[0], y - cursor[1]);
      if (d <= tolerancePx && (!best || d < best.d)) best = { d, p: v };
    }
  if (best) return best.p;
  for (const ring of rings)
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i];
      const b = ring[i + 1];
      if (!a || !b) continue;
      const pa = project(a);
      const pb = project(b);
      const dx = pb[0] - pa[0];
      const dy = pb[1] - pa[1];
      const len2 = dx * dx + dy * dy;
      if (len2 === 0) continue;
      const t = Math.max(0, Math.min(1, ((cursor[0] - pa[0]) * dx + (cursor[1] - pa[1]) * dy) / len2));
      const d = Math.hypot(pa[0] + t * dx - cursor[0], pa[1] + t * dy - cursor[1]);
      if (d <= tolerancePx && (!best || d < best.d)) {
        const p: Position = [
          (a[0] ?? 0) + t * ((b[0] ?? 0) - (a[0] ?? 0)),
          (a[1] ?? 0) + t * ((b[1] ?? 0) - (a[1] ?? 0)),
        ];
        best = { d, p };
      }
    }
  return best?.p ?? null;
}
