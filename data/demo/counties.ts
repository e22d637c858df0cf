/**
 * Rough host-county outlines for map context: a smooth county-sized blob around each county,
 * cut back along the perpendicular bisector toward each neighbouring county of the same zone so
 * that outlines do not overlap. Deliberately approximate; no real boundary file is used.
 */
import type { ContextFeature } from "./constraints.ts";
import { createLocalFrame, type LngLatPolygon, ringToLngLat, type Xy } from "./local_frame.ts";
import { blobRing, isRingInsideRing, randomBlobShape } from "./planar.ts";
import type { Rng } from "./rng.ts";
import { COUNTY_SPECS } from "./zone_specs.ts";

/**
 * One outline per county of {@link COUNTY_SPECS}, checked to contain the given park boundaries.
 * @param parksByAdcode park boundary polygons (EPSG:4326) keyed by host adcode
 */
export function countyOutlines(
  rng: Rng,
  parksByAdcode: ReadonlyMap<string, readonly LngLatPolygon[]>,
): ContextFeature[] {
  return COUNTY_SPECS.map((c) => {
    const frame = createLocalFrame(c.outlineCenter);
    const shape = randomBlobShape(rng, 0.3);
    const blob = blobRing([0, 0], shape, c.areaKm2 * 1e6, 120);
    const neighbours = COUNTY_SPECS.filter((o) => o !== c && o.zoneCode === c.zoneCode).map((o) =>
      frame.toXy(o.outlineCenter),
    );
    const ring: Xy[] = blob.map(([x, y]) => {
      const len = Math.hypot(x, y);
      const [dx, dy] = [x / len, y / len];
      // Distance along the ray to each bisector {p : p·o = |o|²/2}; keep a small gap between counties.
      const limit = neighbours.reduce((m, [ox, oy]) => {
        const dot = dx * ox + dy * oy;
        return dot > 0 ? Math.min(m, (0.985 * (ox * ox + oy * oy)) / 2 / dot) : m;
      }, len);
      return [dx * limit, dy * limit];
    });
    for (const park of parksByAdcode.get(c.adcode) ?? []) {
      const outer = park.coordinates[0] ?? [];
      const parkXy = outer.slice(0, -1).map((p) => frame.toXy(p));
      if (!isRingInsideRing(parkXy, ring)) throw new Error(`${c.name}: outline does not contain a park`);
    }
    return {
      type: "Feature",
      properties: {
        zoneCode: c.zoneCode,
        kind: "county",
        name: `${c.name}(示意轮廓)`,
        nameEn: `${c.nameEn} (approximate outline)`,
      },
      geometry: { type: "Polygon", coordinates: [ringToLngLat(frame, ring)] },
    };
  });
}
