import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import { createAccount } from "../../api/auth/accounts.ts";
import type { AuditEntry, PlotEditable } from "../../api/schemas/plot_edit.ts";
import type { ErrorBody } from "../helpers/api.ts";
import { call, logIn, type TestSession } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

type App = ReturnType<typeof createApp>;

describe.each(ADAPTERS)("plot edits and audit log on %s", (kind) => {
  let t: TestDb;
  let app: App;
  let planner: TestSession;
  let reviewer: TestSession;
  let officer: TestSession;
  let plannerZone2: TestSession;
  /** A plot of zone 1 per test, so versions do not leak between tests. */
  const plotIds: number[] = [];
  const nextPlot = () => {
    const id = plotIds.shift();
    if (id === undefined) throw new Error("out of test plots");
    return id;
  };

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = createApp({ db: t.db, log: () => {} });
    const rows = await t.db.query<{ id: number }>(
      `SELECT pl.id FROM plots pl JOIN parks p ON p.id = pl.park_id WHERE p.zone_id = 1 ORDER BY pl.id LIMIT 20`,
    );
    plotIds.push(...rows.map((r) => r.id));
    await createAccount(t.db, {
      username: "plan-z2",
      role: "planner",
      zoneId: 2,
      password: "plan-z2-password",
    });
    planner = await logIn(app, "planner", "planner-demo");
    reviewer = await logIn(app, "reviewer", "reviewer-demo");
    officer = await logIn(app, "officer", "officer-demo");
    plannerZone2 = await logIn(app, "plan-z2", "plan-z2-password");
  });
  afterAll(async () => t.cleanup());

  const current = async (id: number) => {
    const rows = await t.db.query<{ version: number; land_price_wan: number | null }>(
      "SELECT version, land_price_wan::float8 AS land_price_wan FROM plots WHERE id = $1",
      [id],
    );
    const r = rows[0];
    if (!r) throw new Error(`plot ${id} missing`);
    return r;
  };
  const patch = (id: number, body: unknown, as: TestSession = planner) =>
    call<PlotEditable & ErrorBody>(app, as, "PATCH", `/api/plots/${id}`, body);

  test("a planner edits with the current version: fields written, version bumped, audit row with before/after", async () => {
    const id = nextPlot();
    const { version, land_price_wan } = await current(id);
    const res = await patch(id, {
      version,
      landPriceWan: 777.25,
      status: "under_construction",
      delayCause: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      version: version + 1,
      landPriceWan: 777.25,
      status: "under_construction",
    });
    const audit = await call<AuditEntry[]>(app, reviewer, "GET", `/api/plots/${id}/audit`);
    expect(audit.status).toBe(200);
    expect(audit.body[0]).toMatchObject({
      entity: "plot",
      entityId: id,
      action: "update",
      username: "planner",
      before: { landPriceWan: land_price_wan, version },
      after: { landPriceWan: 777.25, status: "under_construction", delayCause: null, version: version + 1 },
    });
    expect(Object.keys(audit.body[0]?.after ?? {}).sort()).toEqual([
      "delayCause",
      "landPriceWan",
      "status",
      "version",
    ]);
  });

  test("a stale version answers 409 version_conflict with the current record, and changes nothing", async () => {
    const id = nextPlot();
    const { version } = await current(id);
    expect((await patch(id, { version, landPriceWan: 100 })).status).toBe(200);
    const stale = await patch(id, { version, landPriceWan: 200 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.error.message).toBe(
      `Plot ${id} was changed by someone else (current version ${version + 1}, you sent ${version}); review the latest and retry`,
    );
    expect(stale.body.error.details).toMatchObject({
      current: { id, version: version + 1, landPriceWan: 100 },
    });
    expect(await current(id)).toEqual({ version: version + 1, land_price_wan: 100 });
  });

  test("concurrent PATCHes with the same version: exactly one wins, the others get 409", async () => {
    const id = nextPlot();
    const { version } = await current(id);
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => patch(id, { version, landPriceWan: n * 1000 })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200);
    const after = await current(id);
    expect(after).toEqual({ version: version + 1, land_price_wan: winner?.body.landPriceWan });
    const rows = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity = 'plot' AND entity_id = $1",
      [id],
    );
    expect(rows[0]?.n).toBe(1);
  });

  test("invalid bodies answer 400 and never 500", async () => {
    const id = nextPlot();
    const { version } = await current(id);
    for (const body of [
      { landPriceWan: 1 },
      { version },
      { version, landPriceWan: -1 },
      { version, status: "stolen" },
      { version, geom: "POINT(0 0)" },
      { version, agreedStartDate: "2021-02-30" },
      { version: "1; DROP TABLE plots", landPriceWan: 1 },
    ]) {
      const res = await patch(id, body);
      expect([res.status, res.body.error.code]).toEqual([400, "invalid_request"]);
    }
    expect((await patch(999999, { version: 1, landPriceWan: 1 })).body.error.code).toBe("plot_not_found");
  });

  test("roles and zones: public 401, reviewer and officer 403, other-zone planner 403 zone_forbidden", async () => {
    const id = nextPlot();
    const { version } = await current(id);
    expect((await patch(id, { version, landPriceWan: 1 }, null as unknown as TestSession)).status).toBe(401);
    expect((await patch(id, { version, landPriceWan: 1 }, reviewer)).body.error.code).toBe("forbidden");
    expect((await patch(id, { version, landPriceWan: 1 }, officer)).body.error.code).toBe("forbidden");
    const z2 = await patch(id, { version, landPriceWan: 1 }, plannerZone2);
    expect([z2.status, z2.body.error.code]).toEqual([403, "zone_forbidden"]);
    expect((await current(id)).version).toBe(version);
    expect((await call<ErrorBody>(app, null, "GET", `/api/plots/${id}/audit`)).status).toBe(401);
    expect((await call<ErrorBody>(app, officer, "GET", `/api/plots/${id}/audit`)).body.error.code).toBe(
      "forbidden",
    );
    expect((await call<ErrorBody>(app, plannerZone2, "GET", `/api/plots/${id}/audit`)).body.error.code).toBe(
      "zone_forbidden",
    );
    expect((await call<ErrorBody>(app, planner, "GET", "/api/plots/999999/audit")).body.error.code).toBe(
      "plot_not_found",
    );
  });
});
