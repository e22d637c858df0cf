import type { Polygon } from "geojson";
import type { Queryable } from "../../api/db/db.ts";

/** Origin of the fixture frame: 104.0°E 23.0°N (CGCS2000 3° GK zone 35, EPSG:4523). */
const LNG0 = 104.0;
const LAT0 = 23.0;
const M_PER_DEG_LAT = 110_757; // at 23°N, close enough for a fixture laid out in metres
const M_PER_DEG_LNG = 111_320 * Math.cos((LAT0 * Math.PI) / 180);

/** An axis-aligned rectangle [x0, x1] × [y0, y1] in metres east/north of the origin, as EPSG:4326. */
export function rect(x0: number, x1: number, y0: number, y1: number): Polygon {
  const p = (x: number, y: number) => [LNG0 + x / M_PER_DEG_LNG, LAT0 + y / M_PER_DEG_LAT];
  return { type: "Polygon", coordinates: [[p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1), p(x0, y0)]] };
}

/** Ids of the inserted fixture. */
export interface ExpansionFixture {
  zoneId: number;
  parkId: number;
  otherParkId: number;
  emptyZoneParkId: number;
}

async function insertZone(q: Queryable, code: string): Promise<number> {
  const [z] = await q.query<{ id: number }>(
    `INSERT INTO zones (code, name, name_en, province, level, policy_profile)
     VALUES ($1, $1, $1, '云南省', 'provincial', 'wenshan') RETURNING id`,
    [code],
  );
  if (!z) throw new Error("zone not inserted");
  return z.id;
}

async function insertPark(q: Queryable, zoneId: number, code: string, g: Polygon): Promise<number> {
  const [p] = await q.query<{ id: number }>(
    `INSERT INTO parks (zone_id, code, name, name_en, role, host_county, host_county_en, gk_epsg, geom)
     VALUES ($1, $2, $2, $2, 'park', '测试县', 'Test county', 4523, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($3), 4326)))
     RETURNING id`,
    [zoneId, code, JSON.stringify(g)],
  );
  if (!p) throw new Error("park not inserted");
  return p.id;
}

async function insertPlot(
  q: Queryable,
  parkId: number,
  code: string,
  g: Polygon,
  landUse: string,
): Promise<void> {
  await q.query(
    `INSERT INTO plots (park_id, code, land_use_code, land_use_edition, status, geom)
     VALUES ($1, $2, $3, 'GB/T 21010-2017', 'available', ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($4), 4326)))`,
    [parkId, code, landUse, JSON.stringify(g)],
  );
}

async function insertLayer(q: Queryable, zoneId: number, type: string, features: Polygon[]): Promise<void> {
  const [l] = await q.query<{ id: number }>(
    `INSERT INTO constraint_layers (zone_id, type, name, name_en, source) VALUES ($1, $2, $2, $2, 'fixture') RETURNING id`,
    [zoneId, type],
  );
  if (!l) throw new Error("layer not inserted");
  for (const g of features)
    await q.query(
      `INSERT INTO constraint_features (layer_id, geom) VALUES ($1, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)))`,
      [l.id, JSON.stringify(g)],
    );
}

/**
 * A hand-laid zone near 104°E 23°N whose constraints bite: a 1 km square park; two overlapping
 * development-boundary blocks; farmland west of and north-east of the park; a red-line strip that
 * cuts the northern land in two; a flood patch to the south; a plot outside the park to the east; a
 * second park 1.8 km east. Plus a zone with a park and no constraint layers at all.
 */
export async function insertExpansionFixture(q: Queryable): Promise<ExpansionFixture> {
  const zoneId = await insertZone(q, "fixture-expansion");
  const parkId = await insertPark(q, zoneId, "fixture-park", rect(-500, 500, -500, 500));
  const otherParkId = await insertPark(q, zoneId, "fixture-park-east", rect(1800, 2600, -400, 400));
  await insertPlot(q, parkId, "fixture-plot-in", rect(-400, -100, -400, -100), "0601");
  await insertPlot(q, parkId, "fixture-plot-out", rect(800, 1100, -150, 150), "0604");
  await insertLayer(q, zoneId, "development_boundary", [
    rect(-3000, 3000, -1200, 3000),
    rect(-1500, 1500, -3000, -1000),
  ]);
  await insertLayer(q, zoneId, "permanent_farmland", [
    rect(-2000, -800, -800, 800),
    rect(500, 1200, 600, 1400),
  ]);
  await insertLayer(q, zoneId, "ecological_redline", [rect(-3000, 3000, 1400, 1700)]);
  await insertLayer(q, zoneId, "flood", [rect(-600, 600, -1800, -1300)]);
  const emptyZone = await insertZone(q, "fixture-no-constraints");
  const emptyZoneParkId = await insertPark(q, emptyZone, "fixture-lonely-park", rect(-500, 500, 5000, 6000));
  return { zoneId, parkId, otherParkId, emptyZoneParkId };
}
