import { describe, expect, test } from "vitest";
import { GeoError } from "../../geo/errors.ts";
import { measuredArea, pathLengthM } from "../../geo/measure.ts";
import { M2_PER_MU } from "../../geo/units.ts";

describe("pathLengthM", () => {
  test("one degree of latitude on Turf's sphere is R·π/180 (111,195 m); legs add up", () => {
    const oneDeg = (6_371_008.8 * Math.PI) / 180;
    expect(
      pathLengthM([
        [104, 23],
        [104, 24],
      ]),
    ).toBeCloseTo(oneDeg, 3);
    expect(
      pathLengthM([
        [104, 23],
        [104, 24],
        [104, 25],
      ]),
    ).toBeCloseTo(2 * oneDeg, 3);
  });

  test("fewer than two vertices measure 0", () => {
    expect(pathLengthM([])).toBe(0);
    expect(pathLengthM([[104, 23]])).toBe(0);
  });
});

describe("measuredArea", () => {
  test("a 0.01° square at 23.4°N: m², 亩 and ha agree through geo/units (1 ha = 15 亩)", () => {
    const a = measuredArea([
      [104.2, 23.4],
      [104.21, 23.4],
      [104.21, 23.41],
      [104.2, 23.41],
    ]);
    // Side lengths on the sphere: 1,111.95 m north–south, 1,111.95·cos 23.405° ≈ 1,020.3 m east–west.
    const expected = 1111.95 * 1111.95 * Math.cos((23.405 * Math.PI) / 180);
    expect(Math.abs(a.areaM2 - expected) / expected).toBeLessThan(2e-3);
    expect(a.areaMu).toBeCloseTo(a.areaM2 / M2_PER_MU, 9);
    expect(a.areaHa * 15).toBeCloseTo(a.areaMu, 9);
  });

  test("the ring's direction does not change the area; fewer than three vertices measure 0", () => {
    const ring: Array<[number, number]> = [
      [99.9, 23.8],
      [99.93, 23.8],
      [99.92, 23.83],
    ];
    expect(measuredArea([...ring].reverse()).areaM2).toBeCloseTo(measuredArea(ring).areaM2, 6);
    expect(measuredArea(ring.slice(0, 2)).areaMu).toBe(0);
  });

  test("a non-finite coordinate throws GeoError", () => {
    expect(() =>
      measuredArea([
        [104, 23],
        [Number.NaN, 23],
        [104, 24],
      ]),
    ).toThrow(GeoError);
  });
});
