import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import type { FindingDetail } from "../../api/schemas/findings.ts";
import type { ErrorBody } from "../helpers/api.ts";
import { call, logIn, type TestSession } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";
import { decodeLayer, tileAt } from "../helpers/tiles.ts";

type App = ReturnType<typeof createApp>;

describe.each(ADAPTERS)("plots tiles filtered by review status on %s", (kind) => {
  let t: TestDb;
  let app: App;
  let reviewer: TestSession;
  let officer: TestSession;
  let plotId: number;
  let tilePath: string;

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = createApp({ db: t.db, log: () => {} });
    const rows = await t.db.query<{ id: number; lng: number; lat: number }>(
      `SELECT id, ST_X(ST_PointOnSurface(geom))::float8 AS lng, ST_Y(ST_PointOnSurface(geom))::float8 AS lat
         FROM plots ORDER BY id LIMIT 1`,
    );
    const r = rows[0];
    if (!r) throw new Error("no demo plot");
    plotId = r.id;
    const tile = tileAt(r.lng, r.lat, 15);
    tilePath = `/api/tiles/plots/${tile.z}/${tile.x}/${tile.y}.mvt`;
    reviewer = await logIn(app, "reviewer", "reviewer-demo");
    officer = await logIn(app, "officer", "officer-demo");
  });
  afterAll(async () => t.cleanup());

  const idsIn = async (review: string): Promise<number[]> => {
    const res = await app.request(`${tilePath}?review=${review}`, { headers: { Cookie: reviewer.cookie } });
    expect([200, 204]).toContain(res.status);
    return [...decodeLayer(new Uint8Array(await res.arrayBuffer()), "plots").keys()];
  };

  test("a plot appears under its finding's status, and moves with the transition (tile cache invalidated)", async () => {
    expect(await idsIn("identified")).not.toContain(plotId);
    const opened = await call<FindingDetail>(app, reviewer, "POST", "/api/findings", {
      plotId,
      kind: "idle",
    });
    expect(opened.status).toBe(201);
    expect(await idsIn("identified")).toContain(plotId);
    expect(await idsIn("open")).toContain(plotId);
    expect(await idsIn("verified")).not.toContain(plotId);
    const moved = await call(app, reviewer, "POST", `/api/findings/${opened.body.id}/transitions`, {
      to: "verified",
      version: 1,
    });
    expect(moved.status).toBe(200);
    expect(await idsIn("verified")).toContain(plotId);
    expect(await idsIn("identified")).not.toContain(plotId);
    const all = await app.request(tilePath, { headers: { Cookie: reviewer.cookie } });
    expect([...decodeLayer(new Uint8Array(await all.arrayBuffer()), "plots").keys()]).toContain(plotId);
  });

  test("the review filter needs a reviewer, planner or admin; bad values answer 400", async () => {
    const anon = await call<ErrorBody>(app, null, "GET", `${tilePath}?review=open`);
    expect([anon.status, anon.body.error.code]).toEqual([401, "not_authenticated"]);
    const off = await call<ErrorBody>(app, officer, "GET", `${tilePath}?review=open`);
    expect([off.status, off.body.error.code]).toEqual([403, "forbidden"]);
    const bad = await call<ErrorBody>(app, reviewer, "GET", `${tilePath}?review=pending`);
    expect([bad.status, bad.body.error.code]).toEqual([400, "invalid_request"]);
  });
});
