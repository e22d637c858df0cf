import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import type { Proposal, ProposalVersion } from "../../api/db/expansion_proposals.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import { type ErrorBody, getJson } from "../helpers/api.ts";
import { type ExpansionFixture, insertExpansionFixture, rect } from "../helpers/expansion_fixture.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

describe.each(ADAPTERS)("expansion proposals API on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let fx: ExpansionFixture;
  const send = async <T>(method: string, path: string, body: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { "Content-Type": "application/json", "Accept-Language": "en" },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    t = await openAdapterDb(kind, { demo: false });
    fx = await insertExpansionFixture(t.db);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
  });
  afterAll(async () => t.cleanup());

  test("create → edit twice → history keeps every version; list shows the latest", async () => {
    const created = await send<Proposal>("POST", "/api/expansion/proposals", {
      parkId: fx.parkId,
      name: "南扩方案",
      rationale: "紧邻园区南侧，位于城镇开发边界内",
      geometry: rect(-500, 500, -1000, -500),
      sources: [{ kind: "candidate", rank: 1 }],
    });
    expect(created.status).toBe(201);
    expect(created.body.currentVersion).toBe(1);
    expect(created.body.areaMu * M2_PER_MU).toBeGreaterThan(0.99 * 500_000);
    expect(created.body.areaMu * M2_PER_MU).toBeLessThan(1.01 * 500_000);
    const id = created.body.id;

    const v2 = await send<Proposal>("PUT", `/api/expansion/proposals/${id}`, {
      version: 1,
      geometry: rect(-500, 500, -1100, -500),
    });
    expect(v2.status).toBe(200);
    expect(v2.body.currentVersion).toBe(2);
    expect(v2.body.name).toBe("南扩方案"); // kept
    const v3 = await send<Proposal>("PUT", `/api/expansion/proposals/${id}`, {
      version: 2,
      name: "南扩方案（修订）",
    });
    // Optimistic concurrency: a save based on version 2 after version 3 exists is refused with the current
    // proposal, and nothing is written.
    const stale = await send<ErrorBody>("PUT", `/api/expansion/proposals/${id}`, {
      version: 2,
      name: "旧稿",
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect((stale.body.error.details as { current: Proposal }).current.currentVersion).toBe(3);
    expect(v3.body.currentVersion).toBe(3);
    expect(v3.body.areaMu).toBeCloseTo(v2.body.areaMu, 9); // geometry kept
    expect(v3.body.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(v3.body.versions[0]?.areaMu).toBeCloseTo(created.body.areaMu, 9);

    const old = await getJson<ProposalVersion>(app, `/api/expansion/proposals/${id}/versions/1`);
    expect(old.status).toBe(200);
    expect(old.body.name).toBe("南扩方案");
    expect(old.body.sources).toEqual([{ kind: "candidate", rank: 1 }]);
    const list = await getJson<{ id: number; name: string; currentVersion: number }[]>(
      app,
      `/api/expansion/proposals?park=${fx.parkId}`,
    );
    expect(list.body.find((p) => p.id === id)).toMatchObject({ name: "南扩方案（修订）", currentVersion: 3 });
  });

  test("zero area → 400; self-intersection → 400 with location or repaired; unknown ids → 404", async () => {
    const p = rect(0, 100, -900, -800).coordinates[0] ?? [];
    const flat = { type: "Polygon", coordinates: [[p[0], p[1], p[0], p[1], p[0]]] };
    const zero = await send<ErrorBody>("POST", "/api/expansion/proposals", {
      parkId: fx.parkId,
      name: "x",
      geometry: flat,
    });
    expect(zero.status).toBe(400);
    expect(zero.body.error.code).toBe("geometry_zero_area");
    const bowTie = { type: "Polygon", coordinates: [[p[0], p[2], p[1], p[3], p[0]]] };
    const bad = await send<ErrorBody>("POST", "/api/expansion/proposals", {
      parkId: fx.parkId,
      name: "x",
      geometry: bowTie,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("geometry_invalid");
    const fixed = await send<Proposal & { repaired: unknown }>("POST", "/api/expansion/proposals", {
      parkId: fx.parkId,
      name: "x",
      geometry: bowTie,
      repair: true,
    });
    expect(fixed.status).toBe(201);
    expect(fixed.body.repaired).not.toBeNull();
    const noName = await send<ErrorBody>("POST", "/api/expansion/proposals", {
      parkId: fx.parkId,
      name: " ",
      geometry: rect(0, 1, 0, 1),
    });
    expect(noName.body.error.code).toBe("invalid_request");
    const noPark = await send<ErrorBody>("POST", "/api/expansion/proposals", {
      parkId: 99_999,
      name: "x",
      geometry: rect(0, 9, 0, 9),
    });
    expect(noPark.body.error.code).toBe("park_not_found");
    expect((await getJson<ErrorBody>(app, "/api/expansion/proposals/99999")).body.error.code).toBe(
      "proposal_not_found",
    );
    expect(
      (await send<ErrorBody>("PUT", "/api/expansion/proposals/99999", { version: 1, name: "y" })).status,
    ).toBe(404);
    const noBase = await send<ErrorBody>("PUT", `/api/expansion/proposals/${fixed.body.id}`, { name: "y" });
    expect([noBase.status, noBase.body.error.code]).toEqual([400, "invalid_request"]);
    const noVersion = await getJson<ErrorBody>(app, `/api/expansion/proposals/${fixed.body.id}/versions/7`);
    expect(noVersion.body.error.code).toBe("proposal_version_not_found");
  });
});
