import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import type { Role } from "../../api/schemas/auth.ts";
import type { Zone } from "../../api/schemas/zones.ts";
import { tileAt } from "../../geo/tile_at.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

type App = ReturnType<typeof createApp>;
type Who = "public" | Role;
const EVERYONE: readonly Who[] = ["public", "admin", "reviewer", "planner", "investment_officer"];
const STAFF: readonly Who[] = ["admin", "reviewer", "planner", "investment_officer"];

/** One row of docs/security.md's matrix: a request and who may make it. */
interface Case {
  name: string;
  method: "GET" | "POST" | "PUT";
  path: string;
  body?: unknown;
  allowed: readonly Who[];
}

/** A small square (≈ 0.2 km²) next to a park, as the expansion tests draw. */
const square = (lng: number, lat: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [lng, lat],
      [lng + 0.004, lat],
      [lng + 0.004, lat + 0.004],
      [lng, lat + 0.004],
      [lng, lat],
    ],
  ],
});

async function send(app: App, c: Pick<Case, "method" | "path" | "body">) {
  const res = await app.request(c.path, {
    method: c.method,
    headers: { "Content-Type": "application/json", "Accept-Language": "en" },
    ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
  });
  const text = await res.text();
  let body: unknown = null;
  if (res.headers.get("Content-Type")?.includes("json") && text) body = JSON.parse(text);
  return { status: res.status, body: body as { error?: { code: string } } | null };
}

describe.each(ADAPTERS)("authorization matrix (docs/security.md) on %s", (kind) => {
  let t: TestDb;
  let anon: App;
  const as = new Map<Who, App>();
  /** Planner of the Lincang zone only: the zone checks. */
  let lincangPlanner: App;
  let wenshan: Zone;
  let lincang: Zone;
  let wenshanPlot: number;
  let lincangPlot: number;
  let cases: Case[];

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    anon = createApp({ db: t.db, log: () => {} });
    as.set("public", anon);
    for (const role of ["admin", "reviewer", "planner", "investment_officer"] as const)
      as.set(role, await signIn(anon, t.db, { role }));
    const zones = (await (await (as.get("admin") as App).request("/api/zones")).json()) as Zone[];
    const byName = (s: string) => {
      const z = zones.find((x) => x.name.includes(s));
      if (!z) throw new Error(`no zone named ${s}`);
      return z;
    };
    wenshan = byName("文山");
    lincang = byName("临沧");
    lincangPlanner = await signIn(anon, t.db, { role: "planner", zoneId: lincang.id });
    const plotOf = async (zoneId: number) => {
      const [r] = await t.db.query<{ id: number }>(
        "SELECT p.id FROM plots p JOIN parks k ON k.id = p.park_id WHERE k.zone_id = $1 ORDER BY p.id LIMIT 1",
        [zoneId],
      );
      if (!r) throw new Error("no plot");
      return r.id;
    };
    wenshanPlot = await plotOf(wenshan.id);
    lincangPlot = await plotOf(lincang.id);
    const park = wenshan.parks[0];
    if (!park) throw new Error("no park");
    const bb = park.bbox;
    const tile = tileAt((bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2, 12);
    cases = [
      { name: "zones", method: "GET", path: "/api/zones", allowed: STAFF },
      { name: "zone context", method: "GET", path: `/api/zones/${wenshan.id}/context`, allowed: STAFF },
      { name: "zone metrics", method: "GET", path: `/api/zones/${wenshan.id}/metrics`, allowed: STAFF },
      { name: "park", method: "GET", path: `/api/parks/${park.id}`, allowed: STAFF },
      { name: "park metrics", method: "GET", path: `/api/parks/${park.id}/metrics`, allowed: STAFF },
      { name: "plot list", method: "GET", path: `/api/plots?park=${park.id}`, allowed: STAFF },
      { name: "plot detail", method: "GET", path: `/api/plots/${wenshanPlot}`, allowed: STAFF },
      { name: "constraints", method: "GET", path: `/api/constraints?zone=${wenshan.id}`, allowed: STAFF },
      {
        name: "tiles",
        method: "GET",
        path: `/api/tiles/parks/${tile.z}/${tile.x}/${tile.y}.mvt`,
        allowed: STAFF,
      },
      { name: "search", method: "GET", path: "/api/search?q=%E5%9B%AD", allowed: STAFF },
      {
        name: "expansion check",
        method: "POST",
        path: "/api/expansion/check",
        body: { geometry: square(bb[2] + 0.001, bb[1]), zoneId: wenshan.id },
        allowed: ["admin", "reviewer", "planner"],
      },
      {
        name: "expansion eligibility",
        method: "GET",
        path: `/api/expansion/eligibility?park=${park.id}`,
        allowed: ["admin", "reviewer", "planner"],
      },
      {
        name: "proposal list",
        method: "GET",
        path: "/api/expansion/proposals",
        allowed: ["admin", "reviewer", "planner"],
      },
      {
        name: "proposal create",
        method: "POST",
        path: "/api/expansion/proposals",
        body: { parkId: park.id, name: "扩区 A", rationale: "test", geometry: square(bb[2] + 0.001, bb[1]) },
        allowed: ["admin", "planner"],
      },
      {
        name: "export",
        method: "GET",
        path: `/api/exports/plots?format=csv&park=${park.id}`,
        allowed: ["admin", "planner"],
      },
      { name: "import history", method: "GET", path: "/api/imports", allowed: ["admin", "planner"] },
      {
        name: "staff inquiries",
        method: "GET",
        path: "/api/staff/inquiries",
        allowed: ["admin", "planner", "investment_officer"],
      },
      {
        name: "referral ledger",
        method: "GET",
        path: `/api/staff/referrals?zone=${wenshan.id}`,
        allowed: ["admin", "planner", "investment_officer"],
      },
      {
        name: "referral create",
        method: "POST",
        path: "/api/staff/referrals",
        body: {
          fromParkId: wenshan.parks[0]?.id,
          toParkId: wenshan.parks[1]?.id,
          projectName: "测试项目",
          investmentWan: 1000,
          creditYear: 2026,
          referredOn: "2026-03-01",
        },
        allowed: ["admin", "investment_officer"],
      },
      {
        name: "benefit sharing",
        method: "GET",
        path: `/api/staff/benefit-sharing?zone=${lincang.id}`,
        allowed: ["admin", "planner", "investment_officer"],
      },
      { name: "accounts", method: "GET", path: "/api/auth/users", allowed: ["admin"] },
      { name: "health", method: "GET", path: "/api/health", allowed: EVERYONE },
      { name: "public land", method: "GET", path: `/api/land?zone=${wenshan.id}`, allowed: EVERYONE },
      {
        name: "public match",
        method: "POST",
        path: "/api/match",
        body: { industry: "C32", areaMu: 50, investmentWan: 20000 },
        allowed: EVERYONE,
      },
    ];
  });
  afterAll(async () => t.cleanup());

  test("every role gets exactly the routes of its column: 2xx, else 401 (no session) or 403 (role)", async () => {
    const table: string[] = [];
    for (const c of cases) {
      for (const who of EVERYONE) {
        const r = await send(as.get(who) as App, c);
        const ok = c.allowed.includes(who);
        const expected = ok ? "2xx" : who === "public" ? "401 not_authenticated" : "403 forbidden";
        const got =
          r.status >= 200 && r.status < 300 ? "2xx" : `${r.status} ${r.body?.error?.code ?? "(no body)"}`;
        if (got !== expected) table.push(`${c.name} as ${who}: expected ${expected}, got ${got}`);
      }
    }
    expect(table).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(24);
  });

  test("a Lincang planner cannot read or edit Wenshan: 403 zone_forbidden", async () => {
    const park = wenshan.parks[0];
    const bb = park?.bbox ?? [0, 0, 0, 0];
    const refused: Array<Pick<Case, "method" | "path" | "body">> = [
      { method: "GET", path: `/api/zones/${wenshan.id}/metrics` },
      { method: "GET", path: `/api/zones/${wenshan.id}/context` },
      { method: "GET", path: `/api/parks/${park?.id}` },
      { method: "GET", path: `/api/parks/${park?.id}/metrics` },
      { method: "GET", path: `/api/plots/${wenshanPlot}` },
      { method: "GET", path: `/api/plots?zone=${wenshan.id}` },
      { method: "GET", path: `/api/plots?park=${park?.id}` },
      { method: "GET", path: `/api/constraints?zone=${wenshan.id}` },
      { method: "GET", path: `/api/search?q=a&zone=${wenshan.id}` },
      { method: "GET", path: `/api/tiles/plots/12/0/0.mvt?zone=${wenshan.id}` },
      { method: "GET", path: `/api/exports/plots?format=csv&zone=${wenshan.id}` },
      { method: "GET", path: `/api/expansion/eligibility?park=${park?.id}` },
      { method: "GET", path: `/api/staff/referrals?zone=${wenshan.id}` },
      {
        method: "POST",
        path: "/api/expansion/proposals",
        body: { parkId: park?.id, name: "越权", rationale: "x", geometry: square(bb[2] + 0.001, bb[1]) },
      },
      {
        method: "POST",
        path: "/api/expansion/check",
        body: { geometry: square(bb[2], bb[1]), zoneId: wenshan.id },
      },
    ];
    const wrong: string[] = [];
    for (const c of refused) {
      const r = await send(lincangPlanner, c);
      if (r.status !== 403 || r.body?.error?.code !== "zone_forbidden")
        wrong.push(`${c.method} ${c.path}: ${r.status}`);
    }
    expect(wrong).toEqual([]);
    // …while its own zone answers.
    expect((await send(lincangPlanner, { method: "GET", path: `/api/plots/${lincangPlot}` })).status).toBe(
      200,
    );
    expect(
      (await send(lincangPlanner, { method: "GET", path: `/api/zones/${lincang.id}/context` })).status,
    ).toBe(200);
  });

  test("zone-scoped reads without a zone filter see only the account's zone", async () => {
    const zones = (await (await lincangPlanner.request("/api/zones")).json()) as Zone[];
    expect(zones.map((z) => z.id)).toEqual([lincang.id]);
    const plots = (await (await lincangPlanner.request("/api/plots")).json()) as {
      features: Array<{ properties: { parkId: number } }>;
    };
    const lincangParks = new Set(lincang.parks.map((p) => p.id));
    expect(plots.features.length).toBeGreaterThan(0);
    expect(plots.features.every((f) => lincangParks.has(f.properties.parkId))).toBe(true);
    // A Wenshan tile: the admin gets parks, the Lincang planner an empty tile.
    const bb = wenshan.parks[0]?.bbox ?? [0, 0, 0, 0];
    const tile = tileAt((bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2, 12);
    const path = `/api/tiles/parks/${tile.z}/${tile.x}/${tile.y}.mvt`;
    expect((await (as.get("admin") as App).request(path)).status).toBe(200);
    expect((await lincangPlanner.request(path)).status).toBe(204);
    // Search by a Wenshan park's name finds nothing for Lincang.
    const name = encodeURIComponent(wenshan.parks[0]?.name ?? "");
    const admin = (await (await (as.get("admin") as App).request(`/api/search?q=${name}`)).json()) as {
      results: unknown[];
    };
    const scoped = (await (await lincangPlanner.request(`/api/search?q=${name}`)).json()) as {
      results: Array<{ zoneId?: number }>;
    };
    expect(admin.results.length).toBeGreaterThan(0);
    expect(scoped.results).toEqual([]);
  });
});
