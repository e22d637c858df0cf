import { describe, expect, test } from "vitest";
import { gcj02ToWgs84, wgs84ToGcj02 } from "../../geo/gcj02.ts";
import { mulberry32 } from "../helpers/rng.ts";

describe("GCJ-02 ↔ WGS84", () => {
  test("the offset at 文山市 and 临翔区 matches the fixture README (+0.00210°/−0.00265°, +0.00125°/−0.00259°)", () => {
    const [g1, t1] = wgs84ToGcj02(104.23, 23.37);
    expect(g1 - 104.23).toBeCloseTo(0.0021, 4);
    expect(t1 - 23.37).toBeCloseTo(-0.00265, 4);
    const [g2, t2] = wgs84ToGcj02(100.09, 23.88);
    expect(g2 - 100.09).toBeCloseTo(0.00125, 4);
    expect(t2 - 23.88).toBeCloseTo(-0.00259, 4);
  });

  test("the inverse undoes the forward transform to 1e-9° on random points in China (seed 6)", () => {
    const rnd = mulberry32(6);
    for (let i = 0; i < 500; i++) {
      const lng = rnd.range(75, 135);
      const lat = rnd.range(18, 53);
      const [gl, gt] = wgs84ToGcj02(lng, lat);
      const [wl, wt] = gcj02ToWgs84(gl, gt);
      expect(Math.abs(wl - lng)).toBeLessThan(1e-9);
      expect(Math.abs(wt - lat)).toBeLessThan(1e-9);
    }
  });

  test("outside China nothing moves", () => {
    expect(wgs84ToGcj02(-108.6, 41.2)).toEqual([-108.6, 41.2]);
    expect(gcj02ToWgs84(3, 4)).toEqual([3, 4]);
  });
});
