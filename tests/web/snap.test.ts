import type { Position } from "geojson";
import { describe, expect, test } from "vitest";
import { ringsOf, snapTarget } from "../../web/map/snap.ts";

// A 1:1 "projection" (degrees as pixels ×100) keeps the arithmetic visible.
const project = (p: Position) => [(p[0] ?? 0) * 100, (p[1] ?? 0) * 100] as const;
const square: Position[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe("snapTarget", () => {
  test("a vertex within tolerance wins, even when an edge is closer", () => {
    expect(snapTarget([103, 5], [square], project, 10)).toEqual([1, 0]);
  });
  test("else the nearest point on an edge, interpolated in lng/lat", () => {
    const p = snapTarget([50, 4], [square], project, 10);
    expect(p?.[0]).toBeCloseTo(0.5, 12);
    expect(p?.[1]).toBeCloseTo(0, 12);
  });
  test("nothing within tolerance → null", () => {
    expect(snapTarget([50, 50], [square], project, 10)).toBeNull();
  });
  test("ringsOf collects polygon and multipolygon rings, ignores other geometry", () => {
    const rings = ringsOf([
      { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [square] } },
      {
        type: "Feature",
        properties: {},
        geometry: { type: "MultiPolygon", coordinates: [[square], [square]] },
      },
      { type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [0, 0] } },
    ]);
    expect(rings).toHaveLength(3);
  });
});
