/**
 * Control lines and map context around one park, all illustrative: a 城镇开发边界 enclosing the
 * park with a margin, a river just beyond it whose buffer is the 生态保护红线, farmland patches
 * outside the development boundary, an expressway past the park and the park's trunk roads.
 */
import type { DemoDataset } from "../../api/schemas/demo_dataset.ts";
import { lineToLngLat, ringToLngLat, type Xy } from "./local_frame.ts";
import type { ParkLayout } from "./park_layouts.ts";
import {
  blobRing,
  doesLineTouchRing,
  doRingsIntersect,
  isRingInsideRing,
  isSimpleRing,
  randomBlobShape,
  signedArea,
  supportDistance,
} from "./planar.ts";
import type { Rng } from "./rng.ts";

/** A constraint feature of the demo dataset. */
export type ConstraintFeature = DemoDataset["constraints"]["features"][number];
/** A context feature of the demo dataset. */
export type ContextFeature = DemoDataset["context"]["features"][number];

/** Layer names (zh, en) per constraint type. */
export const CONSTRAINT_LAYERS = {
  permanent_farmland: ["永久基本农田(示意)", "Permanent basic farmland (illustrative)"],
  ecological_redline: ["生态保护红线(示意)", "Ecological protection red line (illustrative)"],
  development_boundary: ["城镇开发边界(示意)", "Urban development boundary (illustrative)"],
} as const;

type Wave = readonly [amplitudeM: number, wavelengthM: number, phase: number];

/** A gently meandering line at offset `d` along unit normal `n`, running ±halfLen across it. */
function meanderLine(n: Xy, d: number, halfLen: number, waves: readonly Wave[], stepM = 100): Xy[] {
  const out: Xy[] = [];
  for (let t = -halfLen; t <= halfLen + 1e-9; t += stepM) {
    const off = d + waves.reduce((s, [a, l, ph]) => s + a * Math.sin((2 * Math.PI * t) / l + ph), 0);
    out.push([n[0] * off - n[1] * t, n[1] * off + n[0] * t]);
  }
  return out;
}

/** A flat-ended buffer of half-width h around a smooth line (valid while h < its curvature radius). */
function bufferLine(line: readonly Xy[], h: number): Xy[] {
  const left: Xy[] = [];
  const right: Xy[] = [];
  line.forEach((p, i) => {
    const a = line[Math.max(0, i - 1)] ?? p;
    const b = line[Math.min(line.length - 1, i + 1)] ?? p;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const nx = -(b[1] - a[1]) / len;
    const ny = (b[0] - a[0]) / len;
    left.push([p[0] + h * nx, p[1] + h * ny]);
    right.push([p[0] - h * nx, p[1] - h * ny]);
  });
  const ring = [...left, ...right.reverse()];
  return signedArea(ring) < 0 ? ring.reverse() : ring;
}

const polygon = (layout: ParkLayout, ring: readonly Xy[]) => ({
  type: "Polygon" as const,
  coordinates: [ringToLngLat(layout.frame, ring)],
});

/** Control lines and context features around one park; `trunk` are its trunk-road centrelines. */
export function parkSurroundings(
  rng: Rng,
  layout: ParkLayout,
  trunk: readonly Xy[][],
): { constraints: ConstraintFeature[]; context: ContextFeature[] } {
  const { spec, boundary } = layout;
  const m0 = rng.range(350, 700);
  const m1 = rng.range(0, 0.5) * m0;
  const ph = rng.range(0, 2 * Math.PI);
  const dev = blobRing([0, 0], layout.shape, spec.boundaryAreaM2, 72, (th) => m0 + m1 * Math.cos(th + ph));
  if (!isRingInsideRing(boundary, dev))
    throw new Error(`${spec.code}: development boundary does not enclose the park`);
  const reach = Math.max(...dev.map(([x, y]) => Math.hypot(x, y)));

  const alpha = rng.range(0, 2 * Math.PI);
  const n: Xy = [Math.cos(alpha), Math.sin(alpha)];
  const halfWidth = rng.range(120, 200);
  const waves: Wave[] = [
    [rng.range(100, 170), rng.range(2200, 3200), rng.range(0, 6.3)],
    [rng.range(20, 40), rng.range(800, 1200), rng.range(0, 6.3)],
  ];
  const offset = supportDistance(dev, n[0], n[1]) + rng.range(80, 250) + halfWidth + 220;
  const river = meanderLine(n, offset, 1.6 * reach, waves);
  const redline = bufferLine(river, halfWidth);
  if (!isSimpleRing(redline)) throw new Error(`${spec.code}: red line buffer is not simple`);

  const beta = alpha + rng.range(0.6 * Math.PI, 1.4 * Math.PI);
  const n2: Xy = [Math.cos(beta), Math.sin(beta)];
  const hwOffset = supportDistance(boundary, n2[0], n2[1]) + rng.range(150, 350) + 80;
  const highway = meanderLine(
    n2,
    hwOffset,
    2.2 * reach,
    [[60, rng.range(3500, 5000), rng.range(0, 6.3)]],
    250,
  );

  const farmland: Xy[][] = [];
  const wanted = rng.int(5, 8);
  for (let attempt = 0; attempt < 80 && farmland.length < wanted; attempt++) {
    const th = rng.range(0, 2 * Math.PI);
    const shape = randomBlobShape(rng, 0.45);
    const area = Math.PI * rng.range(150, 420) ** 2;
    const at = (r: number) => blobRing([r * Math.cos(th), r * Math.sin(th)], shape, area, 20);
    let r = 0;
    while (r < 8000 && doRingsIntersect(at(r), dev)) r += 40;
    const patch = at(r + rng.range(40, 700));
    if (doRingsIntersect(patch, dev) || doRingsIntersect(patch, redline) || doesLineTouchRing(highway, patch))
      continue;
    if (farmland.some((f) => doRingsIntersect(f, patch))) continue;
    farmland.push(patch);
  }

  const base = { zoneCode: spec.zoneCode };
  const layer = (type: keyof typeof CONSTRAINT_LAYERS) => ({
    ...base,
    type,
    layerName: CONSTRAINT_LAYERS[type][0],
    layerNameEn: CONSTRAINT_LAYERS[type][1],
  });
  const constraints: ConstraintFeature[] = [
    {
      type: "Feature",
      properties: { ...layer("development_boundary"), name: `${spec.name}城镇开发边界` },
      geometry: polygon(layout, dev),
    },
    {
      type: "Feature",
      properties: { ...layer("ecological_redline"), name: `${spec.name}附近河流生态保护红线` },
      geometry: polygon(layout, redline),
    },
    ...farmland.map((f, i) => ({
      type: "Feature" as const,
      properties: { ...layer("permanent_farmland"), name: `${spec.name}周边基本农田图斑${i + 1}` },
      geometry: polygon(layout, f),
    })),
  ];
  const line = (l: readonly Xy[]) => lineToLngLat(layout.frame, l);
  const context: ContextFeature[] = [
    {
      type: "Feature",
      properties: {
        ...base,
        kind: "river",
        name: `${spec.name}旁河流(示意)`,
        nameEn: `River near ${spec.nameEn} (illustrative)`,
      },
      geometry: { type: "LineString", coordinates: line(river) },
    },
    {
      type: "Feature",
      properties: { ...base, kind: "road", name: "高速公路(示意)", nameEn: "Expressway (illustrative)" },
      geometry: { type: "LineString", coordinates: line(highway) },
    },
  ];
  if (trunk.length > 0) {
    context.push({
      type: "Feature",
      properties: {
        ...base,
        kind: "road",
        name: `${spec.name}主干道(示意)`,
        nameEn: `Trunk roads of ${spec.nameEn} (illustrative)`,
      },
      geometry: { type: "MultiLineString", coordinates: trunk.map(line) },
    });
  }
  return { constraints, context };
}
