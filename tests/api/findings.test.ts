import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import { createAccount } from "../../api/auth/accounts.ts";
import type { FindingDetail } from "../../api/schemas/findings.ts";
import type { AuditEntry } from "../../api/schemas/plot_edit.ts";
import type { ErrorBody } from "../helpers/api.ts";
import { PNG, photoForm } from "../helpers/photos.ts";
import { call, logIn, type TestSession } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

type App = ReturnType<typeof createApp>;

describe.each(ADAPTERS)("review workflow on %s", (kind) => {
  let t: TestDb;
  let app: App;
  let reviewer: TestSession;
  let planner: TestSession;
  let officer: TestSession;
  let reviewerZone2: TestSession;
  /** A supplied plot of zone 1 whose idle inputs the tests set: agreed start 2020-03-01, price 1234.5 万元. */
  let idlePlotId: number;

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = createApp({ db: t.db, log: () => {} });
    const rows = await t.db.query<{ id: number }>(
      `SELECT pl.id FROM plots pl JOIN parks p ON p.id = pl.park_id WHERE p.zone_id = 1 ORDER BY pl.id LIMIT 1`,
    );
    idlePlotId = rows[0]?.id ?? 0;
    await t.db.query(
      `UPDATE plots SET status = 'supplied', agreed_start_date = '2020-03-01', extended_start_date = NULL,
              actual_start_date = NULL, suspended_since = NULL, delay_cause = NULL, land_price_wan = 1234.5
        WHERE id = $1`,
      [idlePlotId],
    );
    await createAccount(t.db, {
      username: "rev-z2",
      role: "reviewer",
      zoneId: 2,
      password: "rev-z2-password",
    });
    reviewer = await logIn(app, "reviewer", "reviewer-demo");
    planner = await logIn(app, "planner", "planner-demo");
    officer = await logIn(app, "officer", "officer-demo");
    reviewerZone2 = await logIn(app, "rev-z2", "rev-z2-password");
  });
  afterAll(async () => t.cleanup());

  const open = async (findingKind = "idle", note = "no construction seen on site, 2021-03-02") => {
    const res = await call<FindingDetail>(app, reviewer, "POST", "/api/findings", {
      plotId: idlePlotId,
      kind: findingKind,
      note,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const move = (f: { id: number }, body: Record<string, unknown>, as: TestSession = reviewer) =>
    call<FindingDetail & ErrorBody>(app, as, "POST", `/api/findings/${f.id}/transitions`, body);

  test("a reviewer opens a finding: status identified, version 1, the opening recorded with who and note", async () => {
    const f = await open();
    expect(f).toMatchObject({
      plotId: idlePlotId,
      kind: "idle",
      status: "identified",
      version: 1,
      zoneId: 1,
    });
    expect(f.next).toEqual(["verified", "closed"]);
    expect(f.transitions).toHaveLength(1);
    expect(f.transitions[0]).toMatchObject({
      from: null,
      to: "identified",
      username: "reviewer",
      note: "no construction seen on site, 2021-03-02",
    });
    expect(f.transitions[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  test("the legal path identified → verified → disposal_decided (fee) → closed, each step recorded", async () => {
    const f = await open();
    const v = await move(f, { to: "verified", version: 1, note: "site visit confirms" });
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ status: "verified", version: 2 });
    const d = await move(f, { to: "disposal_decided", version: 2, disposal: "fee", asOf: "2021-03-01" });
    expect(d.status).toBe(200);
    // 20 % of 1234.5 万元, idle exactly one full year on 2021-03-01.
    expect(d.body).toMatchObject({
      status: "disposal_decided",
      disposal: "fee",
      feeAsOf: "2021-03-01",
      version: 3,
    });
    expect(d.body.feeWan).toBeCloseTo(246.9, 10);
    const c = await move(f, { to: "closed", version: 3, note: "fee paid" });
    expect(c.status).toBe(200);
    expect(c.body.next).toEqual([]);
    expect(c.body.transitions.map((x) => [x.from, x.to, x.username])).toEqual([
      [null, "identified", "reviewer"],
      ["identified", "verified", "reviewer"],
      ["verified", "disposal_decided", "reviewer"],
      ["disposal_decided", "closed", "reviewer"],
    ]);
    expect(c.body.transitions[3]?.note).toBe("fee paid");
  });

  test("illegal moves answer 409 finding_transition_illegal with the allowed statuses", async () => {
    const f = await open();
    const skip = await move(f, { to: "disposal_decided", version: 1, disposal: "reclaim" });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe("finding_transition_illegal");
    expect(skip.body.error.details).toEqual({
      from: "identified",
      to: "disposal_decided",
      allowed: ["verified", "closed"],
    });
    const same = await move(f, { to: "identified", version: 1 });
    expect(same.body.error.code).toBe("finding_transition_illegal");
    expect((await move(f, { to: "closed", version: 1, note: "duplicate of another finding" })).status).toBe(
      200,
    );
    const reopen = await move(f, { to: "verified", version: 2 });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error).toMatchObject({ code: "finding_transition_illegal", details: { allowed: [] } });
  });

  test("disposal rules: required when deciding, refused otherwise, dismissal needs a note (422)", async () => {
    const f = await open();
    const noNote = await move(f, { to: "closed", version: 1 });
    expect(noNote.status).toBe(422);
    expect(noNote.body.error.code).toBe("finding_note_required");
    const early = await move(f, { to: "verified", version: 1, disposal: "fee" });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe("finding_disposal_unexpected");
    await move(f, { to: "verified", version: 1 });
    const none = await move(f, { to: "disposal_decided", version: 2 });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe("finding_disposal_required");
    const bad = await move(f, { to: "disposal_decided", version: 2, disposal: "burn" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
    const ok = await move(f, { to: "disposal_decided", version: 2, disposal: "extension" });
    expect(ok.body).toMatchObject({ disposal: "extension", feeWan: null });
  });

  test("a fee before one idle year, or on a non-idle finding, is refused 422 with the reason", async () => {
    const early = await open();
    await move(early, { to: "verified", version: 1 });
    const r = await move(early, { to: "disposal_decided", version: 2, disposal: "fee", asOf: "2021-02-28" });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({
      code: "finding_fee_not_applicable",
      details: { reason: "not_idle" },
    });
    const data = await open("data_error", "wrong land price in the register");
    await move(data, { to: "verified", version: 1 });
    const r2 = await move(data, { to: "disposal_decided", version: 2, disposal: "fee" });
    expect(r2.body.error).toMatchObject({
      code: "finding_fee_not_applicable",
      details: { reason: "not_idle_kind" },
    });
  });

  test("a stale version answers 409 version_conflict with the current finding", async () => {
    const f = await open();
    await move(f, { to: "verified", version: 1 });
    const stale = await move(f, { to: "closed", version: 1, note: "late click" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.error.details).toMatchObject({ current: { id: f.id, status: "verified", version: 2 } });
  });

  test("concurrent transitions from one version: exactly one wins, one transition and one audit row", async () => {
    const f = await open();
    const results = await Promise.all(
      ["a", "b", "c", "d"].map((n) => move(f, { to: "verified", version: 1, note: `reviewer ${n}` })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(
      results.filter((r) => r.status === 409).every((r) => r.body.error.code === "version_conflict"),
    ).toBe(true);
    const detail = await call<FindingDetail>(app, reviewer, "GET", `/api/findings/${f.id}`);
    expect(detail.body.version).toBe(2);
    expect(detail.body.transitions.map((x) => x.to)).toEqual(["identified", "verified"]);
    const rows = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity = 'finding' AND entity_id = $1 AND action LIKE 'transition:%'",
      [f.id],
    );
    expect(rows[0]?.n).toBe(1);
  });

  test("a fee on a government-delayed plot is refused (art. 8 exemption)", async () => {
    await t.db.query("UPDATE plots SET delay_cause = 'government' WHERE id = $1", [idlePlotId]);
    try {
      const f = await open();
      await move(f, { to: "verified", version: 1 });
      const r = await move(f, { to: "disposal_decided", version: 2, disposal: "fee", asOf: "2023-01-01" });
      expect(r.status).toBe(422);
      expect(r.body.error).toMatchObject({
        code: "finding_fee_not_applicable",
        details: { reason: "exempt" },
      });
      const ok = await move(f, { to: "disposal_decided", version: 2, disposal: "negotiated_takeback" });
      expect(ok.body).toMatchObject({
        status: "disposal_decided",
        disposal: "negotiated_takeback",
        feeWan: null,
      });
    } finally {
      await t.db.query("UPDATE plots SET delay_cause = NULL WHERE id = $1", [idlePlotId]);
    }
  });

  test("lists filter by zone, park, plot, status and kind", async () => {
    const f = await open("low_efficiency", "FAR 0.3");
    await move(f, { to: "verified", version: 1 });
    const byStatus = await call<FindingDetail[]>(
      app,
      planner,
      "GET",
      "/api/findings?zone=1&status=verified&kind=low_efficiency",
    );
    expect(byStatus.status).toBe(200);
    expect(byStatus.body.map((x) => x.id)).toContain(f.id);
    expect(
      byStatus.body.every((x) => x.status === "verified" && x.kind === "low_efficiency" && x.zoneId === 1),
    ).toBe(true);
    const byPlot = await call<FindingDetail[]>(app, planner, "GET", `/api/findings?plot=${idlePlotId}`);
    expect(byPlot.body.length).toBeGreaterThan(1);
    expect(byPlot.body.every((x) => x.plotId === idlePlotId)).toBe(true);
    const otherZone = await call<FindingDetail[]>(app, planner, "GET", "/api/findings?zone=2");
    expect(otherZone.body).toEqual([]);
    const bad = await call<ErrorBody>(app, planner, "GET", "/api/findings?status=open");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
  });

  test("roles and zones: public 401, officer 403, planner reads but may not write, other zone 403", async () => {
    const f = await open();
    const anon = await call<ErrorBody>(app, null, "GET", "/api/findings");
    expect([anon.status, anon.body.error.code]).toEqual([401, "not_authenticated"]);
    const anonPost = await call<ErrorBody>(app, null, "POST", "/api/findings", {
      plotId: idlePlotId,
      kind: "idle",
    });
    expect(anonPost.status).toBe(401);
    const off = await call<ErrorBody>(app, officer, "GET", "/api/findings");
    expect([off.status, off.body.error.code]).toEqual([403, "forbidden"]);
    expect((await call(app, planner, "GET", `/api/findings/${f.id}`)).status).toBe(200);
    const plannerWrite = await move(f, { to: "verified", version: 1 }, planner);
    expect([plannerWrite.status, plannerWrite.body.error.code]).toEqual([403, "forbidden"]);
    const z2Move = await move(f, { to: "verified", version: 1 }, reviewerZone2);
    expect([z2Move.status, z2Move.body.error.code]).toEqual([403, "zone_forbidden"]);
    const z2Open = await call<ErrorBody>(app, reviewerZone2, "POST", "/api/findings", {
      plotId: idlePlotId,
      kind: "idle",
    });
    expect(z2Open.body.error.code).toBe("zone_forbidden");
    const z2Read = await call<ErrorBody>(app, reviewerZone2, "GET", `/api/findings/${f.id}`);
    expect(z2Read.body.error.code).toBe("zone_forbidden");
    const z2List = await call<FindingDetail[]>(app, reviewerZone2, "GET", "/api/findings");
    expect(z2List.body.every((x) => x.zoneId === 2)).toBe(true);
    expect((await call<ErrorBody>(app, reviewerZone2, "GET", "/api/findings?zone=1")).body.error.code).toBe(
      "zone_forbidden",
    );
    const z2Photo = await call<ErrorBody>(
      app,
      reviewerZone2,
      "POST",
      `/api/findings/${f.id}/photos`,
      photoForm(PNG, "a.png", "image/png"),
    );
    expect(z2Photo.body.error.code).toBe("zone_forbidden");
    const noCsrf = await app.request(`/api/findings/${f.id}/transitions`, {
      method: "POST",
      headers: { Cookie: reviewer.cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ to: "verified", version: 1 }),
    });
    expect(noCsrf.status).toBe(403);
  });

  test("unknown ids answer 404 with their codes", async () => {
    expect((await call<ErrorBody>(app, planner, "GET", "/api/findings?zone=999")).body.error.code).toBe(
      "zone_not_found",
    );
    expect((await call<ErrorBody>(app, planner, "GET", "/api/findings?park=999")).body.error.code).toBe(
      "park_not_found",
    );
    expect((await call<ErrorBody>(app, planner, "GET", "/api/findings?plot=999999")).body.error.code).toBe(
      "plot_not_found",
    );
    expect((await call<ErrorBody>(app, reviewer, "GET", "/api/findings/999999")).body.error.code).toBe(
      "finding_not_found",
    );
    expect((await move({ id: 999999 }, { to: "verified", version: 1 })).body.error.code).toBe(
      "finding_not_found",
    );
    const noPlot = await call<ErrorBody>(app, reviewer, "POST", "/api/findings", {
      plotId: 999999,
      kind: "idle",
    });
    expect([noPlot.status, noPlot.body.error.code]).toEqual([404, "plot_not_found"]);
    const f = await open();
    expect(
      (await call<ErrorBody>(app, reviewer, "GET", `/api/findings/${f.id}/photos/999999`)).body.error.code,
    ).toBe("photo_not_found");
  });

  test("every finding edit writes an audit row with before and after, shown per plot", async () => {
    const f = await open();
    await move(f, { to: "verified", version: 1, note: "checked" });
    await call(app, reviewer, "POST", `/api/findings/${f.id}/photos`, photoForm(PNG, "p.png", "image/png"));
    const audit = await call<AuditEntry[]>(app, planner, "GET", `/api/plots/${idlePlotId}/audit`);
    expect(audit.status).toBe(200);
    const mine = audit.body.filter(
      (a) =>
        (a.entity === "finding" && a.entityId === f.id) ||
        (a.entity === "finding_photo" && a.after?.findingId === f.id),
    );
    expect(mine.map((a) => a.action)).toEqual(["add_photo", "transition:identified->verified", "open"]);
    expect(mine[1]).toMatchObject({
      username: "reviewer",
      before: { status: "identified", version: 1 },
      after: { status: "verified", version: 2, note: "checked" },
    });
    expect(mine[2]).toMatchObject({ before: null, after: { kind: "idle", status: "identified" } });
  });
});
