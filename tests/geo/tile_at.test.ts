import { describe, expect, test } from "vitest";
import { tileAt } from "../../geo/tile_at.ts";
import { mulberry32 } from "../helpers/rng.ts";

/** North-west corner of tile x/y at zoom z (the inverse formula). */
const corner = (z: number, x: number, y: number) => {
  const n = 2 ** z;
  return {
    lng: (x / n) * 360 - 180,
    lat: (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI,
  };
};

describe("tileAt", () => {
  test("known tiles: the world at z0, the quadrants at z1, Berlin at z10 (OSM 10/550/335)", () => {
    expect(tileAt(104.2, 23.4, 0)).toEqual({ z: 0, x: 0, y: 0 });
    expect(tileAt(-10, 10, 1)).toEqual({ z: 1, x: 0, y: 0 });
    expect(tileAt(104.2, -10, 1)).toEqual({ z: 1, x: 1, y: 1 });
    expect(tileAt(13.38, 52.52, 10)).toEqual({ z: 10, x: 550, y: 335 });
  });

  test("the point lies inside its tile at every zoom (random points over China)", () => {
    const rng = mulberry32(20_261_122);
    for (let i = 0; i < 500; i++) {
      const lng = 73 + rng.next() * 62;
      const lat = 18 + rng.next() * 36;
      const z = Math.floor(rng.next() * 23);
      const t = tileAt(lng, lat, z);
      const nw = corner(z, t.x, t.y);
      const se = corner(z, t.x + 1, t.y + 1);
      expect(lng).toBeGreaterThanOrEqual(nw.lng);
      expect(lng).toBeLessThan(se.lng);
      expect(lat).toBeLessThanOrEqual(nw.lat);
      expect(lat).toBeGreaterThan(se.lat);
    }
  });
});
