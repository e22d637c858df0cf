import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import { createApp } from "../../api/app.ts";
import { hasOwnBodyLimit } from "../../api/body_limit.ts";
import { LoginSchema } from "../../api/schemas/auth.ts";
import {
  CandidatesRequestSchema,
  CheckRequestSchema,
  EligibilityQuerySchema,
  ProposalCreateSchema,
  ProposalListQuerySchema,
  ProposalUpdateSchema,
} from "../../api/schemas/expansion.ts";
import { PlotExportQuerySchema } from "../../api/schemas/exports.ts";
import {
  FindingCreateSchema,
  FindingListQuerySchema,
  FindingTransitionSchema,
} from "../../api/schemas/findings.ts";
import { InquiryCreateSchema, InquiryListQuerySchema } from "../../api/schemas/inquiries.ts";
import { LandQuerySchema } from "../../api/schemas/land.ts";
import { ConstraintListQuerySchema } from "../../api/schemas/layers.ts";
import { MatchRequestSchema } from "../../api/schemas/match.ts";
import { MetricsQuerySchema } from "../../api/schemas/metrics.ts";
import { PlotPatchSchema } from "../../api/schemas/plot_edit.ts";
import { PlotDetailQuerySchema, PlotListQuerySchema } from "../../api/schemas/plots.ts";
import { ReferralCreateSchema, ZoneYearQuerySchema } from "../../api/schemas/referrals.ts";
import { SearchQuerySchema } from "../../api/schemas/search.ts";
import {
  ConstraintTileQuerySchema,
  ParkTileQuerySchema,
  PlotTileQuerySchema,
} from "../../api/schemas/tiles.ts";
import { type RunningServer, startServer } from "../../api/server.ts";
import { tileAt } from "../../geo/tile_at.ts";
import type { ErrorBody } from "../helpers/api.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

/**
 * Hostile input (issue 9 item 6), as an admin (so requests reach the validators once every route
 * needs a session): SQL-injection strings in every path, query and JSON-body parameter of every route
 * → never 5xx, never data from other tables (password hashes, session tokens, the server's version
 * string, files); typed parameters → 4xx. Oversized bodies → 413, malformed JSON → 400, path
 * traversal → never a file outside the web app.
 */

const INJECTIONS = [
  "' OR '1'='1",
  "1 OR 1=1",
  "1; DROP TABLE plots; --",
  "1' UNION SELECT password_hash, username FROM users --",
  "-1 UNION SELECT version(), NULL --",
  "1)) OR ((1=1",
  "'; SELECT pg_read_file('/etc/passwd'); --",
  '" OR ""="',
  "1/**/OR/**/1=1",
  "$1",
  "%27%20OR%201%3D1",
  "\\x27; DELETE FROM sessions; --",
  "１ OR １=１",
  "../../../../etc/passwd",
];

/** Every GET route and the query schema its validator uses ([] = no query parameters). */
const QUERY_SCHEMAS: Record<string, z.ZodType[]> = {
  "/api/health/live": [],
  "/api/health": [],
  "/api/auth/me": [],
  "/api/auth/users": [],
  "/api/auth/demo-accounts": [],
  "/api/findings": [FindingListQuerySchema],
  "/api/findings/:id": [],
  "/api/findings/:id/photos/:photoId": [],
  "/api/plots/:id/audit": [],
  "/api/zones": [],
  "/api/zones/:id/context": [],
  "/api/zones/:id/metrics": [MetricsQuerySchema],
  "/api/parks/:id": [],
  "/api/parks/:id/metrics": [MetricsQuerySchema],
  "/api/plots": [PlotListQuerySchema],
  "/api/plots/:id": [PlotDetailQuerySchema],
  "/api/constraints": [ConstraintListQuerySchema],
  "/api/tiles/:layer/:z/:x/:file": [PlotTileQuerySchema, ParkTileQuerySchema, ConstraintTileQuerySchema],
  "/api/expansion/proposals": [ProposalListQuerySchema],
  "/api/expansion/proposals/:id": [],
  "/api/expansion/proposals/:id/versions/:version": [],
  "/api/expansion/proposals/:id/pack.html": [],
  "/api/expansion/proposals/:id/pack.pdf": [],
  "/api/expansion/proposals/:id/boundary.zip": [],
  "/api/expansion/proposals/:id/boundary.geojson": [],
  "/api/expansion/proposals/:id/tables.xlsx": [],
  "/api/expansion/eligibility": [EligibilityQuerySchema],
  "/api/land": [LandQuerySchema],
  "/api/land/zones": [],
  "/api/land/parks/:id": [],
  "/api/land/:id": [],
  "/api/staff/inquiries": [InquiryListQuerySchema],
  "/api/staff/referrals": [ZoneYearQuerySchema],
  "/api/staff/referrals/totals": [ZoneYearQuerySchema],
  "/api/staff/benefit-sharing": [ZoneYearQuerySchema],
  "/api/imports": [],
  "/api/imports/mappings": [],
  "/api/imports/jobs/:id": [],
  "/api/imports/:id": [],
  "/api/exports/plots": [PlotExportQuerySchema],
  "/api/search": [SearchQuerySchema],
};
// `GET /api/imports` validates `limit` inline.
const EXTRA_QUERY_KEYS: Record<string, string[]> = { "/api/imports": ["limit"] };

/** Query keys whose values are free text, matched as text: an injection string there may legitimately answer 200. */
const FREE_TEXT_KEYS = new Set(["q", "industry", "landUse"]);

/** The top-level keys of a zod object schema (through refine/pipe/default wrappers). */
function keysOf(schema: z.ZodType): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 6; i++) {
    const shape = (s as { shape?: Record<string, unknown> }).shape;
    if (shape) return Object.keys(shape);
    const def = (s as { _zod?: { def?: { in?: unknown; innerType?: unknown; schema?: unknown } } })._zod?.def;
    s = def?.in ?? def?.innerType ?? def?.schema;
  }
  throw new Error("not an object schema");
}

/** Fills a route pattern's parameters with real values (a path that exists). */
function concrete(pattern: string, ids: Ids): string {
  return pattern
    .replace("/api/tiles/:layer/:z/:x/:file", `/api/tiles/plots/${ids.tile}.mvt`)
    .replace(/\/proposals\/:id\/versions\/:version/, `/proposals/${ids.proposal}/versions/1`)
    .replace(/\/findings\/:id\/photos\/:photoId/, "/findings/1/photos/1")
    .replace(/\/proposals\/:id/, `/proposals/${ids.proposal}`)
    .replace(/\/zones\/:id/, `/zones/${ids.zone}`)
    .replace(/\/parks\/:id/, `/parks/${ids.park}`)
    .replace(/\/plots\/:id/, `/plots/${ids.plot}`)
    .replace(/\/land\/:id/, `/land/${ids.plot}`)
    .replace(/\/:id/, "/1");
}

interface Ids {
  zone: number;
  park: number;
  plot: number;
  proposal: number;
  tile: string;
}

describe.each(ADAPTERS)("hostile input (%s)", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let auth = { cookie: "", csrf: "" };
  let ids: Ids;
  /** Strings that exist only inside the database: none may appear in any response. */
  let secrets: string[] = [];
  let counts = "";

  const tableCounts = async () =>
    JSON.stringify(
      await t.db.query(
        `SELECT (SELECT count(*) FROM plots)::int AS plots, (SELECT count(*) FROM users)::int AS users,
                (SELECT count(*) FROM sessions)::int AS sessions, (SELECT count(*) FROM zones)::int AS zones`,
      ),
    );

  async function send(method: string, path: string, body?: string, contentType = "application/json") {
    const headers: Record<string, string> = {
      Cookie: auth.cookie,
      "X-CSRF-Token": auth.csrf,
      "Accept-Language": "en",
    };
    if (body !== undefined) headers["Content-Type"] = contentType;
    const res = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    return { status: res.status, text };
  }

  /** Sends and checks the universal rules: no 5xx, no secret, and the error envelope on failures. */
  async function probe(method: string, path: string, body?: string) {
    const res = await send(method, path, body);
    const where = `${method} ${path} ${body?.slice(0, 300) ?? ""} → ${res.status} ${res.text.slice(0, 300)}`;
    expect(res.status, where).toBeLessThan(500);
    for (const s of secrets) expect(res.text.includes(s), `${where} leaks ${s.slice(0, 20)}…`).toBe(false);
    if (res.status >= 400 && res.status !== 404) {
      const err = JSON.parse(res.text) as ErrorBody;
      expect(err.error.code, where).toMatch(/^[a-z_]+$/);
      expect(err.error.message.length, where).toBeGreaterThan(0);
    }
    return { ...res, where };
  }

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = createApp({ db: t.db, log: () => undefined });
    const login = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "admin-demo" }),
    });
    expect(login.status).toBe(200);
    auth = {
      cookie: login.headers.get("set-cookie")?.split(";")[0] ?? "",
      csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
    };
    const [row] = await t.db.query<{ zone: number; park: number; plot: number; lng: number; lat: number }>(
      `SELECT k.zone_id AS zone, p.park_id AS park, p.id AS plot,
              ST_X(ST_PointOnSurface(p.geom))::float8 AS lng, ST_Y(ST_PointOnSurface(p.geom))::float8 AS lat
       FROM plots p JOIN parks k ON k.id = p.park_id ORDER BY p.id LIMIT 1`,
    );
    if (!row) throw new Error("demo data missing");
    const t14 = tileAt(row.lng, row.lat, 14);
    const d = 0.0005;
    const created = await send(
      "POST",
      "/api/expansion/proposals",
      JSON.stringify({
        parkId: row.park,
        name: "hostile base",
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [row.lng - d, row.lat - d],
              [row.lng + d, row.lat - d],
              [row.lng + d, row.lat + d],
              [row.lng - d, row.lat + d],
              [row.lng - d, row.lat - d],
            ],
          ],
        },
      }),
    );
    expect(created.status, created.text).toBe(201);
    ids = {
      ...row,
      proposal: (JSON.parse(created.text) as { id: number }).id,
      tile: `${t14.z}/${t14.x}/${t14.y}`,
    };
    const [version] = await t.db.query<{ v: string }>("SELECT version() AS v");
    const hashes = await t.db.query<{ h: string }>("SELECT password_hash AS h FROM users");
    const sessions = await t.db.query<{ h: string; c: string }>(
      "SELECT id AS h, csrf_token AS c FROM sessions",
    );
    secrets = [
      version?.v ?? "PostgreSQL",
      ...hashes.map((h) => h.h),
      ...sessions.flatMap((s) => [s.h]),
      "root:x:0:0",
    ];
    expect(secrets.length).toBeGreaterThan(3);
    counts = await tableCounts();
  });
  afterAll(() => t?.cleanup());

  test("the route table covers every GET route of the app", () => {
    const gets = new Set(app.routes.filter((r) => r.method === "GET").map((r) => r.path));
    expect([...gets].sort()).toEqual(Object.keys(QUERY_SCHEMAS).sort());
  });

  test("injection in every path parameter → 4xx", async () => {
    const patterns = app.routes
      .map((r) => ({ method: r.method, path: r.path }))
      .filter((r) => r.path.includes(":"));
    let probes = 0;
    for (const { method, path } of patterns) {
      const params = path.match(/:[a-z]+/g) ?? [];
      for (const param of params) {
        for (const inj of INJECTIONS) {
          // Only this parameter is hostile; the others hold values that exist.
          const real = concrete(path.replace(param, "__X__"), ids);
          const target = real.replace("__X__", encodeURIComponent(inj));
          const body = method === "GET" ? undefined : method === "PUT" ? JSON.stringify({ name: "x" }) : "{}";
          const res = await probe(method, target, body);
          expect(res.status, res.where).toBeGreaterThanOrEqual(400);
          probes++;
        }
      }
    }
    expect(probes).toBeGreaterThan(200);
    expect(await tableCounts()).toBe(counts);
  });

  test("injection in every query parameter → never 5xx or data; typed parameters → 4xx", async () => {
    let probes = 0;
    for (const [pattern, schemas] of Object.entries(QUERY_SCHEMAS)) {
      const keys = new Set([...schemas.flatMap(keysOf), ...(EXTRA_QUERY_KEYS[pattern] ?? [])]);
      const path = concrete(pattern, ids);
      for (const key of keys) {
        for (const inj of INJECTIONS) {
          const res = await probe("GET", `${path}?${key}=${encodeURIComponent(inj)}`);
          if (!FREE_TEXT_KEYS.has(key)) expect(res.status, res.where).toBeGreaterThanOrEqual(400);
          probes++;
        }
      }
    }
    expect(probes).toBeGreaterThan(500);
    expect(await tableCounts()).toBe(counts);
  });

  test("injection in every field of every JSON body → never 5xx or data", async () => {
    const bodies: Array<[string, string, z.ZodType, Record<string, unknown>]> = [
      ["POST", "/api/auth/login", LoginSchema, { username: "admin", password: "admin-demo" }],
      [
        "POST",
        "/api/inquiries",
        InquiryCreateSchema,
        { contactName: "a", email: "a@example.org", message: "m" },
      ],
      ["POST", "/api/match", MatchRequestSchema, { industry: "C3216", areaMu: 50, investmentWan: 10_000 }],
      ["POST", "/api/expansion/candidates", CandidatesRequestSchema, { parkId: ids.park }],
      ["POST", "/api/expansion/check", CheckRequestSchema, { zoneId: ids.zone }],
      ["POST", "/api/expansion/proposals", ProposalCreateSchema, { parkId: ids.park, name: "p" }],
      [
        "PUT",
        `/api/expansion/proposals/${ids.proposal}`,
        ProposalUpdateSchema,
        { version: 999_999, name: "p" },
      ],
      ["POST", "/api/findings", FindingCreateSchema, { plotId: ids.plot, kind: "idle" }],
      // A finding and a plot version that do not exist: validation runs, nothing changes.
      ["POST", "/api/findings/999999/transitions", FindingTransitionSchema, { to: "verified", version: 1 }],
      ["PATCH", `/api/plots/${ids.plot}`, PlotPatchSchema, { version: 999_999, landPriceWan: 1 }],
      [
        "POST",
        "/api/staff/referrals",
        ReferralCreateSchema,
        {
          projectName: "p",
          fromParkId: ids.park,
          toParkId: ids.park + 1,
          investmentWan: 1,
          creditYear: 2024,
          referredOn: "2024-05-01",
        },
      ],
    ];
    let probes = 0;
    for (const [method, path, schema, base] of bodies) {
      for (const key of keysOf(schema)) {
        for (const inj of INJECTIONS) {
          await probe(method, path, JSON.stringify({ ...base, [key]: inj }));
          probes++;
        }
      }
    }
    expect(probes).toBeGreaterThan(400);
    // Free-text fields (an inquiry's message, a proposal's name) may store the string as text: no
    // table lost rows, and logins with injected usernames made no session.
    const after = JSON.parse(await tableCounts()) as Array<Record<string, number>>;
    const before = JSON.parse(counts) as Array<Record<string, number>>;
    expect({ ...after[0], sessions: 0 }).toEqual({ ...before[0], sessions: 0 });
  });

  test("every JSON route refuses an oversized body with 413 payload_too_large", async () => {
    const routes = app.routes.filter((r) => ["POST", "PUT", "PATCH"].includes(r.method));
    const big = JSON.stringify({ name: "x".repeat(3 * 1024 * 1024) });
    let n = 0;
    for (const r of routes) {
      const path = concrete(r.path, ids);
      if (hasOwnBodyLimit(r.method, path)) continue;
      const res = await send(r.method, path, big);
      expect(res.status, `${r.method} ${path}`).toBe(413);
      expect((JSON.parse(res.text) as ErrorBody).error.code).toBe("payload_too_large");
      n++;
    }
    expect(n).toBeGreaterThan(8);
  });

  test("uploads keep their own, larger limit (a 3 MiB upload is not refused as payload_too_large)", async () => {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(3 * 1024 * 1024)]), "plots.zip");
    const res = await app.request("/api/imports", {
      method: "POST",
      headers: { Cookie: auth.cookie, "X-CSRF-Token": auth.csrf, "Accept-Language": "en" },
      body: form,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(((await res.json()) as ErrorBody).error.code).not.toBe("payload_too_large");
  });

  test("every JSON route answers malformed JSON with 400 invalid_json", async () => {
    // Uploads are multipart, not JSON; logout reads no body.
    const routes = app.routes.filter(
      (r) =>
        ["POST", "PUT", "PATCH"].includes(r.method) &&
        !hasOwnBodyLimit(r.method, concrete(r.path, ids)) &&
        !/\/api\/imports\/:id\/undo|\/logout$/.test(r.path),
    );
    for (const bad of ['{"name": "x"', "{name: 'x'}", "\u0000\u0001", "[1,,2]"]) {
      for (const r of routes) {
        const path = concrete(r.path, ids);
        const res = await send(r.method, path, bad);
        expect(res.status, `${r.method} ${path} ${bad}`).toBe(400);
        expect((JSON.parse(res.text) as ErrorBody).error.code, `${r.method} ${path}`).toBe("invalid_json");
      }
    }
  });

  test("path traversal in tile paths → 4xx", async () => {
    for (const p of [
      "/api/tiles/..%2f..%2f..%2fetc%2fpasswd/1/1/1.mvt",
      "/api/tiles/plots/..%2f..%2f/1/1.mvt",
      "/api/tiles/plots/14/..%2f..%2f/etc%2fpasswd",
      "/api/tiles/plots/14/1/%2e%2e%2f%2e%2e%2fpasswd",
      "/api/tiles/plots/14/1/..%252f..%252fpasswd.mvt",
      "/api/tiles/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    ]) {
      const res = await probe("GET", p);
      expect(res.status, res.where).toBeGreaterThanOrEqual(400);
    }
  });
});

describe("path traversal against the web app's static files", () => {
  let server: RunningServer;
  let t: TestDb;
  let root = "";
  const SECRET = "secret-outside-the-web-root-4711";
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "za-static-"));
    await mkdir(join(root, "web", "assets"), { recursive: true });
    writeFileSync(join(root, "web", "index.html"), "<!doctype html><title>ZoneAtlas</title>");
    writeFileSync(join(root, "web", "assets", "app.js"), "console.log(1)");
    writeFileSync(join(root, "secret.txt"), SECRET);
    t = await openAdapterDb("pglite", { demo: false });
    server = await startServer({ db: t.db, port: 0, staticDir: join(root, "web"), log: () => undefined });
  });
  afterAll(async () => {
    await server?.close(1_000);
    await t?.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  test("a real asset is served", async () => {
    const res = await fetch(`${server.url}/assets/app.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("console.log(1)");
  });

  test.each([
    "/../secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e/secret.txt",
    "/%2e%2e%2fsecret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/assets/%2e%2e/%2e%2e/secret.txt",
    "/..%252fsecret.txt",
    "/%c0%ae%c0%ae/secret.txt",
    "/..\\secret.txt",
    "/assets/..%5c..%5csecret.txt",
  ])("%s never returns a file outside the web root", async (p) => {
    // fetch() would normalise "..": send the raw path over a socket-level request.
    const res = await rawGet(server.url, p);
    expect(res.body.includes(SECRET), `${p} → ${res.status}`).toBe(false);
    expect([200, 400, 403, 404]).toContain(res.status);
  });
});

/** GET with the path exactly as written (no URL normalisation). */
async function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { request } = await import("node:http");
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => {
        body += d.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}
