import { describe, expect, test } from "vitest";
import { GeoError } from "../../geo/errors.ts";
import { gaussKrugerOf, gk3PrefixedEpsg, gk3ZoneOf } from "../../geo/gauss_kruger.ts";
import { mulberry32 } from "../helpers/rng.ts";

/**
 * Golden points. The first is domain.md §3's worked example (23.37°N 104.23°E → X 2,585,724, Y 35,421,273 in
 * EPSG:4523). The others were projected with PROJ 9 (`gdaltransform -s_srs "+proj=longlat +ellps=GRS80"
 * -t_srs EPSG:452x`), an independent implementation, to the printed micrometre.
 */
const GOLDEN = [
  { lng: 104.23, lat: 23.37, epsg: 4523, xM: 2_585_723.67157737, yM: 35_421_272.8155503 },
  { lng: 99.9, lat: 23.9, epsg: 4521, xM: 2_644_504.54750662, yM: 33_591_649.7711252 },
  { lng: 100.49, lat: 24.6, epsg: 4521, xM: 2_722_563.16744634, yM: 33_650_910.138301 },
  { lng: 103.51, lat: 22.1, epsg: 4523, xM: 2_445_625.89725684, yM: 35_346_234.9911799 },
] as const;

describe("gaussKrugerOf (CGCS2000 3° zone-prefixed)", () => {
  test("domain.md §3: 23.37°N 104.23°E is X 2,585,724, Y 35,421,273 in EPSG:4523", () => {
    const p = gaussKrugerOf(104.23, 23.37);
    expect(p.epsg).toBe(4523);
    expect(p.zone).toBe(35);
    expect(Math.round(p.xM)).toBe(2_585_724);
    expect(Math.round(p.yM)).toBe(35_421_273);
  });

  test.each(GOLDEN)("matches PROJ within 1 mm at $lng, $lat (EPSG:$epsg)", (g) => {
    const p = gaussKrugerOf(g.lng, g.lat);
    expect(p.epsg).toBe(g.epsg);
    expect(Math.abs(p.xM - g.xM)).toBeLessThan(1e-3);
    expect(Math.abs(p.yM - g.yM)).toBeLessThan(1e-3);
  });

  test("on the central meridian: easting is the false easting, northing is the meridian arc (0 at the equator)", () => {
    const eq = gaussKrugerOf(105, 0);
    expect(eq.xM).toBeCloseTo(0, 6);
    expect(eq.yM).toBeCloseTo(35_500_000, 6);
    // GRS80 meridian arc to 23°N: 2,544,537.57855 m (PROJ).
    expect(Math.abs(gaussKrugerOf(105, 23).xM - 2_544_537.57855209)).toBeLessThan(1e-3);
  });

  test("symmetric about the central meridian (random points over Yunnan)", () => {
    const rng = mulberry32(4523);
    for (let i = 0; i < 200; i++) {
      const dLng = rng.next() * 1.5;
      const lat = 21 + rng.next() * 8;
      const east = gaussKrugerOf(105 + dLng, lat, 35);
      const west = gaussKrugerOf(105 - dLng, lat, 35);
      expect(east.xM - west.xM).toBeCloseTo(0, 6);
      expect(east.yM - 35_500_000 + (west.yM - 35_500_000)).toBeCloseTo(0, 6);
    }
  });

  test("zones: Lincang 33, Wenshan 35, east of 100.5°E is 34; EPSG = 4488 + zone within 4513–4533", () => {
    expect(gk3ZoneOf(100.08)).toBe(33);
    expect(gk3ZoneOf(100.5)).toBe(34);
    expect(gk3ZoneOf(104.3)).toBe(35);
    expect(gk3PrefixedEpsg(33)).toBe(4521);
    expect(gk3PrefixedEpsg(25)).toBe(4513);
    expect(gk3PrefixedEpsg(45)).toBe(4533);
    expect(gk3PrefixedEpsg(46)).toBeNull();
  });

  test("a forced zone projects into that zone (a park's configured zone)", () => {
    const p = gaussKrugerOf(100.6, 24, 33);
    expect(p.epsg).toBe(4521);
    expect(p.yM).toBeGreaterThan(33_500_000);
  });

  test("misuse throws GeoError naming the argument", () => {
    expect(() => gaussKrugerOf(Number.NaN, 23)).toThrow(GeoError);
    expect(() => gaussKrugerOf(104, 95)).toThrow(/latDeg/);
    expect(() => gaussKrugerOf(10, 23)).toThrow(/zone/);
  });
});
