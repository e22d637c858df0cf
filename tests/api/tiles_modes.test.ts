import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import type { Db } from "../../api/db/db.ts";
import { openDb } from "../../api/db/open.ts";
import { constraintFilterParams, parkFilterParams, plotFilterParams, renderMvt } from "../../api/db/tiles.ts";
import { refreshQueuedAssessments } from "../../api/metrics/assessment_refresh.ts";
import type { PlotTileFilters, TileLayer } from "../../api/schemas/tiles.ts";
import { JsTiler } from "../../api/tiles/js_tiler.ts";
import { signIn } from "../helpers/session.ts";
import { dropSchema, throwawaySchema } from "../helpers/test_db.ts";
import { decodeLayer, demoTiles, tileAt } from "../helpers/tiles.ts";

const url = process.env.DATABASE_URL;

// Both encoders need a database with ST_AsMVT: PostgreSQL + PostGIS (DATABASE_URL).
describe.skipIf(!url)("ST_AsMVT and the JS tiler on PostgreSQL", () => {
  const schema = throwawaySchema();
  let a: Db;
  let b: Db;

  beforeAll(async () => {
    a = (await openDb({ databaseUrl: url as string, schema, demo: true, poolMax: 4 })).db;
    b = (await openDb({ databaseUrl: url as string, schema, demo: false, poolMax: 4 })).db;
    await refreshQueuedAssessments(a);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropSchema(schema);
  });

  test("the database can encode MVT (so this compares two real encoders)", () => {
    expect(a.capabilities.mvt).toBe(true);
  });

  test("both modes give the same feature ids and properties in every demo tile, z10–z16", async () => {
    const [y] = await a.query<{ y: number }>("SELECT max(year)::int AS y FROM enterprise_stats");
    const plotFilters = plotFilterParams({
      year: y?.y ?? 0,
      indicator: "outputPerMuWan",
      zone: null,
      park: null,
      status: null,
      grade: null,
      flag: null,
      min: null,
      max: null,
      review: null,
    });
    const filters: Record<TileLayer, readonly unknown[]> = {
      plots: plotFilters,
      parks: parkFilterParams({}),
      constraints: constraintFilterParams({}),
    };
    const js = new JsTiler();
    let compared = 0;
    for (const tile of await demoTiles(a, [10, 11, 12, 13, 14, 15, 16])) {
      for (const layer of ["plots", "parks", "constraints"] as const) {
        const sql = decodeLayer(await renderMvt(a, layer, tile, filters[layer]), layer);
        const enc = decodeLayer(await js.render(a, layer, tile, filters[layer], `${layer}#test`), layer);
        const where = `${layer} ${tile.z}/${tile.x}/${tile.y}`;
        expect(
          [...enc.keys()].sort((p, q) => p - q),
          where,
        ).toEqual([...sql.keys()].sort((p, q) => p - q));
        for (const [id, props] of sql) expect(enc.get(id), `${where} #${id}`).toEqual(props);
        compared += sql.size;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  test("generic-plan statements run on connections that force generic plans; others keep the default", async () => {
    const show = async (generic: boolean) =>
      (
        await a.query<{ plan_cache_mode: string }>("SHOW plan_cache_mode", [], {
          name: generic ? "za_test_show_generic" : "za_test_show",
          generic,
        })
      )[0]?.plan_cache_mode;
    expect(await show(true)).toBe("force_generic_plan");
    expect(await show(false)).toBe("auto");
    expect((await a.query<{ plan_cache_mode: string }>("SHOW plan_cache_mode"))[0]?.plan_cache_mode).toBe(
      "auto",
    );
  });

  test("both modes agree on plots under each filter (the MVT statement is specialised per filter set)", async () => {
    const [y] = await a.query<{ y: number }>("SELECT max(year)::int AS y FROM enterprise_stats");
    const [p] = await a.query<{ park: number; zone: number }>(
      "SELECT p.id AS park, p.zone_id AS zone FROM parks p JOIN plots pl ON pl.park_id = p.id GROUP BY p.id ORDER BY count(*) DESC LIMIT 1",
    );
    const none = {
      year: y?.y ?? 0,
      indicator: "outputPerMuWan" as const,
      zone: null,
      park: null,
      status: null,
      grade: null,
      flag: null,
      min: null,
      max: null,
      review: null,
    };
    const variants: PlotTileFilters[] = [
      { ...none, zone: p?.zone ?? 0 },
      { ...none, park: p?.park ?? 0, grade: "A" },
      { ...none, status: "built", flag: "low_efficiency" },
      { ...none, flag: "idle" },
      { ...none, flag: "approved_unsupplied", zone: p?.zone ?? 0 },
      { ...none, indicator: "far", max: 1 },
      { ...none, indicator: "taxPerMuWan", min: 1, max: 1e6 },
      { ...none, indicator: "coverage", grade: "D", min: 0 },
      { ...none, review: "open" },
      { ...none, review: "identified", zone: p?.zone ?? 0 },
    ];
    // Findings for the review filter: every seventh plot, in a spread of statuses.
    await a.query(
      `INSERT INTO plot_findings (plot_id, kind, status)
       SELECT id, 'idle', (ARRAY['identified', 'verified', 'closed'])[id % 3 + 1] FROM plots WHERE id % 7 = 0`,
    );
    const js = new JsTiler();
    const tiles = await demoTiles(a, [11, 13, 15]);
    let compared = 0;
    for (const [i, f] of variants.entries()) {
      const params = plotFilterParams(f);
      let kept = 0;
      for (const tile of tiles) {
        const sql = decodeLayer(await renderMvt(a, "plots", tile, params), "plots");
        const enc = decodeLayer(await js.render(a, "plots", tile, params, `plots#variant${i}`), "plots");
        const where = `${JSON.stringify(f)} ${tile.z}/${tile.x}/${tile.y}`;
        expect(
          [...enc.keys()].sort((m, n) => m - n),
          where,
        ).toEqual([...sql.keys()].sort((m, n) => m - n));
        for (const [id, props] of sql) expect(enc.get(id), `${where} #${id}`).toEqual(props);
        kept += sql.size;
      }
      compared += kept;
      expect(kept, `${JSON.stringify(f)} keeps some plots`).toBeGreaterThan(0);
    }
    expect(compared).toBeGreaterThan(200);
  });

  test("a write through one API process reaches the other's tile cache (LISTEN/NOTIFY)", async () => {
    const appA = await signIn(createApp({ db: a, log: () => {} }), a);
    const appB = await signIn(createApp({ db: b, log: () => {} }), b);
    const [c] = await a.query<{ id: number; lng: number; lat: number }>(
      `SELECT id, ST_X(ST_PointOnSurface(geom))::float8 AS lng, ST_Y(ST_PointOnSurface(geom))::float8 AS lat
         FROM plots WHERE enterprise_id IS NOT NULL AND status = 'built' ORDER BY id LIMIT 1`,
    );
    const t = tileAt(c?.lng ?? 0, c?.lat ?? 0, 16);
    const path = `/api/tiles/plots/${t.z}/${t.x}/${t.y}.mvt?indicator=taxPerMuWan`;
    const get = async (app: ReturnType<typeof createApp>) => {
      const res = await app.request(path);
      return { cache: res.headers.get("x-tile-cache"), body: new Uint8Array(await res.arrayBuffer()) };
    };
    await get(appB);
    expect((await get(appB)).cache).toBe("hit");
    const before = decodeLayer((await get(appB)).body, "plots").get(c?.id ?? 0);
    expect(before?.taxPerMuWan).toEqual(expect.any(Number));

    await a.query(
      `UPDATE enterprise_stats SET tax_wan = tax_wan * 2 + 5
        WHERE enterprise_id = (SELECT enterprise_id FROM plots WHERE id = $1)
          AND year = (SELECT max(year) FROM enterprise_stats)`,
      [c?.id],
    );
    // Process A re-assesses (it renders the tile first); B learns of both commits by NOTIFY.
    const fromA = await get(appA);
    let fromB = await get(appB);
    for (let i = 0; fromB.cache === "hit" && i < 100; i++) {
      await new Promise((done) => setTimeout(done, 50));
      fromB = await get(appB);
    }
    expect(fromB.cache).toBe("miss");
    const after = decodeLayer(fromB.body, "plots").get(c?.id ?? 0);
    expect(after?.taxPerMuWan).toBeGreaterThan(before?.taxPerMuWan as number);
    expect(fromB.body).toEqual(fromA.body);
  });
});
