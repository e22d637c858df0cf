import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FeatureCollection, Geometry } from "geojson";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import { TILE_MARGIN } from "../../api/db/tiles.ts";
import { refreshQueuedAssessments } from "../../api/metrics/assessment_refresh.ts";
import type { PlotListProperties } from "../../api/schemas/plots.ts";
import { type ErrorBody, getJson } from "../helpers/api.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";
import { decodeLayer, demoTiles, layerNames, type Tile, tileAt } from "../helpers/tiles.ts";

type App = ReturnType<typeof createApp>;
type Plots = FeatureCollection<Geometry, PlotListProperties>;

const path = (layer: string, t: Tile, qs = "") => `/api/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt${qs}`;

async function getTile(app: App, url: string, headers: Record<string, string> = {}) {
  const res = await app.request(url, { headers });
  return { res, body: new Uint8Array(await res.arrayBuffer()) };
}

/** Sliver limit, square tile units (4096² per tile): a tile may drop features meeting it in less. */
const SLIVER_UNITS2 = 4;

/**
 * Ids of `table` rows whose geometry meets the tile's buffered envelope (the independent query), each
 * with the area it covers there in square tile units.
 */
async function idsInTile(t: TestDb, table: string, tile: Tile, where = "TRUE"): Promise<Map<number, number>> {
  const rows = await t.db.query<{ id: number; units2: number }>(
    `SELECT id, (ST_Area(ST_Intersection(g, eb)) / (ST_Area(e) / 16777216))::float8 AS units2
       FROM (SELECT id, ST_Transform(f.geom, 3857) AS g FROM ${table} f WHERE ${where}) f,
            ST_TileEnvelope($1, $2, $3) e, ST_TileEnvelope($1, $2, $3, margin => $4) eb
      WHERE ST_Intersects(g, eb) ORDER BY id`,
    [tile.z, tile.x, tile.y, TILE_MARGIN],
  );
  return new Map(rows.map((r) => [r.id, r.units2]));
}

/**
 * Asserts a tile holds exactly the features the independent query finds, except sub-unit slivers at
 * the buffer's edge (collapsed by MVT's integer grid): ST_AsMVTGeom drops those, as does the JS tiler.
 */
function expectSameFeatures(got: Iterable<number>, want: Map<number, number>, where: string): void {
  const ids = [...got].sort((a, b) => a - b);
  for (const id of ids) expect(want.has(id), `${where}: #${id} is not in the tile`).toBe(true);
  const kept = new Set(ids);
  for (const [id, units2] of want)
    if (!kept.has(id))
      expect(units2, `${where}: #${id} (${units2} units²) is missing`).toBeLessThan(SLIVER_UNITS2);
}

describe.each(ADAPTERS)("vector tiles on %s", (kind) => {
  let t: TestDb;
  let app: App;
  let tiles: Tile[];
  let latestYear: number;

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
    tiles = await demoTiles(t.db, [10, 12, 14, 16]);
    const [y] = await t.db.query<{ y: number }>("SELECT max(year)::int AS y FROM enterprise_stats");
    latestYear = y?.y ?? 0;
  });
  afterAll(async () => t.cleanup());

  test("each plots tile holds exactly the plots an independent PostGIS query finds in it, ids = plot ids", async () => {
    expect(tiles.length).toBeGreaterThan(20);
    let features = 0;
    for (const tile of tiles) {
      const { res, body } = await getTile(app, path("plots", tile));
      const want = await idsInTile(t, "plots", tile);
      const got = decodeLayer(body, "plots");
      expect(res.status, `${tile.z}/${tile.x}/${tile.y}`).toBe(got.size === 0 ? 204 : 200);
      if (got.size > 0) expect(layerNames(body)).toEqual(["plots"]);
      expectSameFeatures(got.keys(), want, `plots ${tile.z}/${tile.x}/${tile.y}`);
      features += got.size;
    }
    expect(features).toBeGreaterThan(500);
  });

  test("detail tiles carry the same figures, grade and flags as GET /api/plots (geo/ computed live)", async () => {
    const list = (await getJson<Plots>(app, `/api/plots?year=${latestYear}`)).body;
    const live = new Map(list.features.map((f) => [f.properties.id, f.properties]));
    let compared = 0;
    for (const tile of tiles.filter((x) => x.z >= 14)) {
      const { body } = await getTile(app, path("plots", tile));
      for (const [id, p] of decodeLayer(body, "plots")) {
        const l = live.get(id);
        expect(l, `plot ${id}`).toBeDefined();
        if (!l) continue;
        const expected: Record<string, unknown> = {
          status: l.status,
          code: l.code,
          parkId: l.parkId,
          landUse: l.landUse,
          areaMu: l.areaMu,
          enterpriseId: l.enterpriseId,
          enterpriseName: l.enterpriseName,
          isStandardLand: l.isStandardLand,
          isDemo: l.isDemo,
          grade: l.grade,
          outputPerMuWan: l.outputPerMuWan,
          taxPerMuWan: l.taxPerMuWan,
          far: l.far,
          coverage: l.coverage,
          value: l.outputPerMuWan,
          idle: l.flags.includes("idle") || null,
          lowEfficiency: l.flags.includes("low_efficiency") || null,
          approvedUnsupplied: l.flags.includes("approved_unsupplied") || null,
        };
        const { zoneId, ...rest } = p;
        expect(zoneId).toEqual(expect.any(Number));
        // MVT has no null: absent keys are the null ones.
        expect(rest, `plot ${id}`).toEqual(
          Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== null)),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  test("below z13 plot features carry only the styling properties", async () => {
    const base = new Set(["status", "grade", "value", "idle", "lowEfficiency", "approvedUnsupplied"]);
    let n = 0;
    for (const tile of tiles.filter((x) => x.z < 13)) {
      const { body } = await getTile(app, path("plots", tile));
      for (const p of decodeLayer(body, "plots").values()) {
        for (const k of Object.keys(p)) expect(base.has(k), k).toBe(true);
        expect(p.status).toEqual(expect.any(String));
        n++;
      }
    }
    expect(n).toBeGreaterThan(100);
  });

  test("filters select the same plots as the list endpoint: grade, flag, status, park, indicator bounds", async () => {
    const tile = tiles.find((x) => x.z === 12) as Tile;
    const all = decodeLayer((await getTile(app, path("plots", tile))).body, "plots");
    const ids = async (qs: string) =>
      [...decodeLayer((await getTile(app, path("plots", tile, qs))).body, "plots").keys()].sort(
        (a, b) => a - b,
      );
    const listed = async (qs: string) =>
      (await getJson<Plots>(app, `/api/plots?${qs}`)).body.features
        .map((f) => f.properties.id)
        .filter((id) => all.has(id))
        .sort((a, b) => a - b);
    for (const qs of ["grade=A", "grade=D", "flag=idle", "flag=low_efficiency", "status=built"]) {
      const got = await ids(`?${qs}`);
      expect(got, qs).toEqual(await listed(qs));
    }
    expect((await ids("?grade=A")).length).toBeGreaterThan(0);
    const withValue = [...all.entries()].filter(([, p]) => typeof p.value === "number");
    const values = withValue.map(([, p]) => p.value as number).sort((a, b) => a - b);
    const mid = values[Math.floor(values.length / 2)] as number;
    const above = await ids(`?min=${mid}`);
    expect(above.length).toBeGreaterThan(0);
    expect(above).toEqual(
      withValue
        .filter(([, p]) => (p.value as number) >= mid)
        .map(([id]) => id)
        .sort((a, b) => a - b),
    );
    const far = decodeLayer((await getTile(app, path("plots", tile, "?indicator=far&max=1"))).body, "plots");
    for (const p of far.values()) expect(p.value as number).toBeLessThanOrEqual(1);
    const park = [...all.keys()][0] as number;
    const [row] = await t.db.query<{ park_id: number }>("SELECT park_id FROM plots WHERE id = $1", [park]);
    const inPark = await ids(`?park=${row?.park_id}`);
    expect(inPark).toEqual(
      [...(await idsInTile(t, "plots", tile, `park_id = ${Number(row?.park_id)}`)).keys()].filter((id) =>
        all.has(id),
      ),
    );
  });

  test("parks and constraints tiles hold the features an independent query finds, with their properties", async () => {
    for (const tile of tiles.filter((x) => x.z <= 14)) {
      for (const [layer, table] of [
        ["parks", "parks"],
        ["constraints", "constraint_features"],
      ] as const) {
        const { body } = await getTile(app, path(layer, tile));
        const got = decodeLayer(body, layer);
        expectSameFeatures(
          got.keys(),
          await idsInTile(t, table, tile),
          `${layer} ${tile.z}/${tile.x}/${tile.y}`,
        );
        for (const p of got.values()) {
          expect(p.zoneId).toEqual(expect.any(Number));
          expect(p.isDemo).toBe(true);
        }
      }
    }
    const tile = tiles.find((x) => x.z === 14) as Tile;
    const parks = decodeLayer((await getTile(app, path("parks", tile))).body, "parks");
    const [id] = [...parks.keys()];
    const [row] = await t.db.query<{ name: string; code: string; role: string }>(
      "SELECT name, code, role FROM parks WHERE id = $1",
      [id],
    );
    expect(parks.get(id as number)).toMatchObject({ name: row?.name, code: row?.code, role: row?.role });
  });

  test("empty tile → 204; cache miss then hit; If-None-Match → 304", async () => {
    const empty = await getTile(app, "/api/tiles/plots/14/0/0.mvt");
    expect(empty.res.status).toBe(204);
    const tile = tiles.find((x) => x.z === 16) as Tile;
    const url = path("plots", tile, "?indicator=taxPerMuWan");
    const first = await getTile(app, url);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get("content-type")).toBe("application/vnd.mapbox-vector-tile");
    expect(first.res.headers.get("x-tile-cache")).toBe("miss");
    expect(first.res.headers.get("cache-control")).toBe("private, no-cache");
    const etag = first.res.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const second = await getTile(app, url);
    expect(second.res.headers.get("x-tile-cache")).toBe("hit");
    expect(second.body).toEqual(first.body);
    // Default filters and their explicit values share a cache entry.
    const explicit = await getTile(app, `${url}&year=${latestYear}`);
    expect(explicit.res.headers.get("x-tile-cache")).toBe("hit");
    const revalidated = await getTile(app, url, { "If-None-Match": `W/"x", ${etag}` });
    expect(revalidated.res.status).toBe(304);
    expect(revalidated.body.byteLength).toBe(0);

    // Once compressed in the background, hits go out in the smallest form the client accepts: brotli
    // for browsers (gzip, br), gzip for clients that take only gzip; each form has its own ETag.
    let zipped = await getTile(app, url, { "Accept-Encoding": "gzip, deflate, br" });
    // Polls (up to 15 s: a loaded CI machine compresses slowly) rather than timing anything.
    for (let i = 0; zipped.res.headers.get("content-encoding") !== "br" && i < 300; i++) {
      await new Promise((done) => setTimeout(done, 50));
      zipped = await getTile(app, url, { "Accept-Encoding": "gzip, deflate, br" });
    }
    expect(zipped.res.headers.get("content-encoding")).toBe("br");
    expect(zipped.res.headers.get("vary")).toBe("Accept-Encoding");
    expect(zipped.body.byteLength).toBeLessThan(first.body.byteLength);
    expect(new Uint8Array(brotliDecompressSync(zipped.body))).toEqual(first.body);
    const brEtag = zipped.res.headers.get("etag") ?? "";
    expect(brEtag).toBe(`${etag.slice(0, -1)}-br"`);
    expect((await getTile(app, url, { "If-None-Match": brEtag })).res.status).toBe(304);
    const gz = await getTile(app, url, { "Accept-Encoding": "gzip" });
    expect(gz.res.headers.get("content-encoding")).toBe("gzip");
    expect(new Uint8Array(gunzipSync(gz.body))).toEqual(first.body);
    const gzEtag = gz.res.headers.get("etag") ?? "";
    expect(gzEtag).toBe(`${etag.slice(0, -1)}-gz"`);
    expect((await getTile(app, url, { "If-None-Match": gzEtag })).res.status).toBe(304);
    // q=0 refuses an encoding.
    const noBr = await getTile(app, url, { "Accept-Encoding": "br;q=0, gzip" });
    expect(noBr.res.headers.get("content-encoding")).toBe("gzip");
    expect((await getTile(app, url)).res.headers.get("content-encoding")).toBeNull();
  });

  test("a write to statistics, plots or constraints bumps the layer version: no stale tile", async () => {
    const tile = tiles.find((x) => x.z === 16) as Tile;
    const url = path("plots", tile, "?indicator=taxPerMuWan");
    const before = await getTile(app, url);
    const feats = decodeLayer(before.body, "plots");
    const [plotId, props] = [...feats.entries()].find(([, p]) => typeof p.taxPerMuWan === "number") ?? [];
    expect(plotId).toBeDefined();
    await t.db.query(
      `UPDATE enterprise_stats SET tax_wan = tax_wan * 3 + 1
        WHERE year = $2 AND enterprise_id = (SELECT enterprise_id FROM plots WHERE id = $1)`,
      [plotId, latestYear],
    );
    const after = await waitForMiss(app, url);
    expect(after.res.status).toBe(200);
    expect(after.res.headers.get("etag")).not.toBe(before.res.headers.get("etag"));
    const now = decodeLayer(after.body, "plots").get(plotId as number);
    expect(now?.taxPerMuWan).toBeGreaterThan(props?.taxPerMuWan as number);
    const live = (await getJson<{ metrics: { taxPerMuWan: { value: number } } }>(app, `/api/plots/${plotId}`))
      .body;
    expect(now?.taxPerMuWan).toBe(live.metrics?.taxPerMuWan?.value ?? now?.taxPerMuWan);
    // A stale ETag is no longer matched.
    const cond = await getTile(app, url, { "If-None-Match": before.res.headers.get("etag") ?? "" });
    expect(cond.res.status).toBe(200);

    const c = tiles.find((x) => x.z === 12) as Tile;
    const curl = path("constraints", c);
    const c1 = await getTile(app, curl);
    const cIds = [...decodeLayer(c1.body, "constraints").keys()];
    expect(cIds.length).toBeGreaterThan(0);
    await t.db.query("DELETE FROM constraint_features WHERE id = $1", [cIds[0]]);
    const c2 = await waitForMiss(app, curl);
    expect(decodeLayer(c2.body, "constraints").has(cIds[0] as number)).toBe(false);
  });

  test("bad requests: unknown layer 404; z, x, y, filters and unknown parameters 400 naming the parameter", async () => {
    const notFound = await getJson<ErrorBody>(app, "/api/tiles/roads/1/0/0.mvt", "en");
    expect(notFound.status).toBe(404);
    expect(notFound.body.error.code).toBe("tile_layer_not_found");
    expect(notFound.body.error.message).toContain("plots, parks, constraints");
    const zh = await getJson<ErrorBody>(app, "/api/tiles/roads/1/0/0.mvt");
    expect(zh.body.error.message).toContain("瓦片图层");
    const cases: Array<[string, string]> = [
      ["/api/tiles/plots/23/0/0.mvt", "z"],
      ["/api/tiles/plots/-1/0/0.mvt", "z"],
      ["/api/tiles/plots/1.5/0/0.mvt", "z"],
      ["/api/tiles/plots/2/4/0.mvt", "x"],
      ["/api/tiles/plots/2/0/4.mvt", "y"],
      ["/api/tiles/plots/2/0/1.png", "y"],
      ["/api/tiles/plots/14/1/1.mvt?grade=E", "grade"],
      ["/api/tiles/plots/14/1/1.mvt?status=idle", "status"],
      ["/api/tiles/plots/14/1/1.mvt?zone=abc", "zone"],
      ["/api/tiles/plots/14/1/1.mvt?min=5&max=1", "min"],
      ["/api/tiles/plots/14/1/1.mvt?indicator=price", "indicator"],
      ["/api/tiles/plots/14/1/1.mvt?year=1999", "year"],
      ["/api/tiles/plots/14/1/1.mvt?foo=1", "foo"],
      ["/api/tiles/parks/14/1/1.mvt?grade=A", "grade"],
      ["/api/tiles/constraints/14/1/1.mvt?type=lake", "type"],
    ];
    for (const [url, field] of cases) {
      const { status, body } = await getJson<ErrorBody>(app, url, "en");
      expect(status, url).toBe(400);
      expect(body.error.code, url).toBe("invalid_request");
      expect(body.error.message, url).toContain(`parameter ${field}`);
    }
  });

  test("re-assessment drains only the parks under the rendered tile", async () => {
    await refreshQueuedAssessments(t.db);
    await t.db.query(
      "UPDATE plots SET developed_area_ratio = developed_area_ratio WHERE park_id IN (SELECT min(id) FROM parks)",
    );
    const [queued] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM za_assessment_queue");
    expect(queued?.n).toBe(1);
    const far = await getTile(app, "/api/tiles/plots/14/0/0.mvt");
    expect(far.res.status).toBe(204);
    const [still] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM za_assessment_queue");
    expect(still?.n).toBe(1);
    const [c] = await t.db.query<{ lng: number; lat: number }>(
      `SELECT ST_X(ST_Centroid(ST_Collect(geom)))::float8 AS lng, ST_Y(ST_Centroid(ST_Collect(geom)))::float8 AS lat
         FROM plots WHERE park_id = (SELECT min(id) FROM parks)`,
    );
    await getTile(app, path("plots", tileAt(c?.lng ?? 0, c?.lat ?? 0, 14)));
    const [left] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM za_assessment_queue");
    expect(left?.n).toBe(0);
  });
});

/** Requests `url` until the cache misses (the version notification has arrived), at most 5 s. */
async function waitForMiss(app: App, url: string) {
  for (let i = 0; ; i++) {
    const r = await getTile(app, url);
    if (r.res.headers.get("x-tile-cache") === "miss" || i >= 100) return r;
    await new Promise((done) => setTimeout(done, 50));
  }
}
