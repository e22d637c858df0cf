import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import { DEMO_ACCOUNTS, ensureFirstAdmin } from "../../api/auth/accounts.ts";
import { LOGIN_MAX_FAILURES, LOGIN_WINDOW_S } from "../../api/auth/policy.ts";
import type { Me, UserRow } from "../../api/schemas/auth.ts";
import type { ErrorBody } from "../helpers/api.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

type App = ReturnType<typeof createApp>;

interface Sent<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** Sends a request with optional session cookie, CSRF token and raw body; parses JSON when there is any. */
async function send<T = unknown>(
  app: App,
  method: string,
  path: string,
  opts: {
    json?: unknown;
    raw?: string;
    cookie?: string;
    csrf?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Sent<T>> {
  const headers: Record<string, string> = { "Accept-Language": "en", ...opts.headers };
  if (opts.json !== undefined || opts.raw !== undefined) headers["Content-Type"] = "application/json";
  if (opts.cookie) headers.Cookie = opts.cookie;
  if (opts.csrf !== undefined) headers["X-CSRF-Token"] = opts.csrf;
  const res = await app.request(path, {
    method,
    headers,
    ...(opts.raw !== undefined
      ? { body: opts.raw }
      : opts.json !== undefined
        ? { body: JSON.stringify(opts.json) }
        : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

/** Logs in and returns the `name=value` cookie pair and the CSRF token. */
async function login(app: App, username: string, password: string) {
  const res = await send<Me>(app, "POST", "/api/auth/login", { json: { username, password } });
  expect(res.status).toBe(200);
  const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? "";
  expect(cookie).toMatch(/^za_session=[A-Za-z0-9_-]{43}$/);
  return { cookie, csrf: res.body.csrfToken, me: res.body };
}

const demoPassword = (username: string) => {
  const a = DEMO_ACCOUNTS.find((x) => x.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  return a.password;
};

describe.each(ADAPTERS)("accounts and sessions on %s", (kind) => {
  let t: TestDb;
  let app: App;

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = createApp({ db: t.db, log: () => {} });
  });
  afterAll(async () => t.cleanup());

  test("the demo dataset brings one demo account per role, each able to log in", async () => {
    const rows = await t.db.query<{ username: string; role: string; is_demo: boolean }>(
      "SELECT username, role, is_demo FROM users ORDER BY username",
    );
    expect(rows.map((r) => [r.username, r.role, r.is_demo])).toEqual([
      ["admin", "admin", true],
      ["officer", "investment_officer", true],
      ["planner", "planner", true],
      ["reviewer", "reviewer", true],
    ]);
    for (const a of DEMO_ACCOUNTS) {
      const { me } = await login(app, a.username, a.password);
      expect(me).toMatchObject({ username: a.username, role: a.role, zoneId: null });
    }
  });

  test("login sets an HttpOnly, SameSite=Lax, Path=/ session cookie (Secure only behind https)", async () => {
    const res = await send<Me>(app, "POST", "/api/auth/login", {
      json: { username: "reviewer", password: demoPassword("reviewer") },
    });
    expect(res.status).toBe(200);
    expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^za_session=/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const https = await send(app, "POST", "/api/auth/login", {
      json: { username: "reviewer", password: demoPassword("reviewer") },
      headers: { "X-Forwarded-Proto": "https" },
    });
    expect(https.headers.get("set-cookie")).toMatch(/; Secure/);
    const direct = await send(app, "POST", "https://zoneatlas.example/api/auth/login", {
      json: { username: "reviewer", password: demoPassword("reviewer") },
    });
    expect(direct.headers.get("set-cookie")).toMatch(/; Secure/);
    // Only the hash of the cookie's token is stored.
    const token = cookie.split(";")[0]?.split("=")[1] ?? "";
    const stored = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sessions WHERE id = $1", [
      token,
    ]);
    expect(stored[0]?.n).toBe(0);
  });

  test("/me: 401 without a cookie or with a made-up one, the account and its CSRF token with one", async () => {
    const none = await send<ErrorBody>(app, "GET", "/api/auth/me");
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe("not_authenticated");
    const forged = await send<ErrorBody>(app, "GET", "/api/auth/me", {
      cookie: `za_session=${"x".repeat(43)}`,
    });
    expect(forged.status).toBe(401);
    const { cookie, csrf } = await login(app, "planner", demoPassword("planner"));
    const me = await send<Me>(app, "GET", "/api/auth/me", { cookie });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ username: "planner", role: "planner", zoneId: null, csrfToken: csrf });
  });

  test("wrong password and unknown user answer the same 401 invalid_credentials", async () => {
    const wrong = await send<ErrorBody>(app, "POST", "/api/auth/login", {
      json: { username: "officer", password: "not-the-password" },
    });
    const unknown = await send<ErrorBody>(app, "POST", "/api/auth/login", {
      json: { username: "nobody-here", password: "officer-demo" },
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toEqual({ code: "invalid_credentials", message: "Wrong username or password" });
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const zh = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "nobody-here", password: "x" }),
    });
    expect(((await zh.json()) as ErrorBody).error.message).toBe("用户名或密码错误");
  });

  test("logout ends the session: the old cookie then answers 401", async () => {
    const { cookie, csrf } = await login(app, "officer", demoPassword("officer"));
    expect((await send(app, "GET", "/api/auth/me", { cookie })).status).toBe(200);
    const out = await send(app, "POST", "/api/auth/logout", { cookie, csrf });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^za_session=;.*Max-Age=0/);
    const after = await send<ErrorBody>(app, "GET", "/api/auth/me", { cookie });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("not_authenticated");
  });

  test("an expired session answers 401", async () => {
    const { cookie } = await login(app, "admin", demoPassword("admin"));
    await t.db.query(
      `UPDATE sessions SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second'
        WHERE id = (SELECT id FROM sessions ORDER BY created_at DESC LIMIT 1)`,
    );
    const res = await send<ErrorBody>(app, "GET", "/api/auth/me", { cookie });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("not_authenticated");
  });

  test("a disabled account can no longer log in, and its sessions stop working", async () => {
    const { cookie } = await login(app, "officer", demoPassword("officer"));
    await t.db.query("UPDATE users SET disabled = true WHERE username = 'officer'");
    try {
      expect((await send(app, "GET", "/api/auth/me", { cookie })).status).toBe(401);
      const res = await send<ErrorBody>(app, "POST", "/api/auth/login", {
        json: { username: "officer", password: demoPassword("officer") },
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("invalid_credentials");
    } finally {
      await t.db.query("UPDATE users SET disabled = false WHERE username = 'officer'");
      await t.db.query("DELETE FROM login_failures WHERE username = 'officer'");
    }
  });

  test(`rate limit: after ${LOGIN_MAX_FAILURES} failures 429 with Retry-After, even for the right password`, async () => {
    const json = { username: "limit-test", password: "wrong" };
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      expect((await send(app, "POST", "/api/auth/login", { json })).status).toBe(401);
    const blocked = await send<ErrorBody>(app, "POST", "/api/auth/login", { json });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("too_many_attempts");
    const retry = Number(blocked.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(LOGIN_WINDOW_S - 60);
    expect(retry).toBeLessThanOrEqual(LOGIN_WINDOW_S);
    expect(blocked.body.error.message).toBe(`Too many failed logins; try again in ${retry} s`);
    // The right password of a real account is blocked too once its failures reach the limit.
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      await send(app, "POST", "/api/auth/login", { json: { username: "planner", password: "wrong" } });
    const right = await send(app, "POST", "/api/auth/login", {
      json: { username: "planner", password: demoPassword("planner") },
    });
    expect(right.status).toBe(429);
    // Failures older than the window no longer count.
    await t.db.query(
      "UPDATE login_failures SET failed_at = failed_at - make_interval(secs => $1::float8) WHERE username = 'planner'",
      [LOGIN_WINDOW_S + 1],
    );
    await login(app, "planner", demoPassword("planner"));
    const left = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM login_failures WHERE username = 'planner'",
    );
    expect(left[0]?.n).toBe(0);
  });

  test("CSRF: a POST with a session cookie needs the session's X-CSRF-Token; without a cookie it is public", async () => {
    const inquiry = { contactName: "张三", message: "想了解标准地", phone: "+86 871 1234567" };
    const { cookie, csrf } = await login(app, "officer", demoPassword("officer"));
    const noToken = await send<ErrorBody>(app, "POST", "/api/inquiries", { json: inquiry, cookie });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe("csrf_failed");
    const other = await login(app, "reviewer", demoPassword("reviewer"));
    const wrongToken = await send<ErrorBody>(app, "POST", "/api/inquiries", {
      json: inquiry,
      cookie,
      csrf: other.csrf,
    });
    expect(wrongToken.status).toBe(403);
    expect(wrongToken.body.error.code).toBe("csrf_failed");
    const logoutNoToken = await send<ErrorBody>(app, "POST", "/api/auth/logout", { cookie });
    expect(logoutNoToken.status).toBe(403);
    expect((await send(app, "GET", "/api/auth/me", { cookie })).status).toBe(200);
    const ok = await send<{ id: number }>(app, "POST", "/api/inquiries", { json: inquiry, cookie, csrf });
    expect(ok.status).toBe(201);
    const anonymous = await send(app, "POST", "/api/inquiries", { json: inquiry });
    expect(anonymous.status).toBe(201);
    // GET needs no token.
    expect((await send(app, "GET", "/api/land/zones", { cookie })).status).toBe(200);
    // A cookie of an ended session makes the request anonymous: public POSTs still work, nothing is signed in.
    expect((await send(app, "POST", "/api/auth/logout", { cookie, csrf })).status).toBe(204);
    const stale = await send(app, "POST", "/api/inquiries", { json: inquiry, cookie });
    expect(stale.status).toBe(201);
    expect((await send(app, "GET", "/api/auth/me", { cookie })).status).toBe(401);
  });

  test("GET /api/auth/users: admin only (401 without session, 403 for other roles), never a password hash", async () => {
    const anon = await send<ErrorBody>(app, "GET", "/api/auth/users");
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe("not_authenticated");
    for (const username of ["reviewer", "planner", "officer"]) {
      const s = await login(app, username, demoPassword(username));
      const res = await send<ErrorBody>(app, "GET", "/api/auth/users", { cookie: s.cookie });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    const admin = await login(app, "admin", demoPassword("admin"));
    const res = await send<UserRow[]>(app, "GET", "/api/auth/users", { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.body.map((u) => u.username)).toEqual(["admin", "officer", "planner", "reviewer"]);
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/i);
  });

  test("hostile input: SQL-injection usernames → 401, oversized body → 413, malformed JSON → 400", async () => {
    const before = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    for (const username of [
      "admin' --",
      "' OR '1'='1",
      "admin'; DROP TABLE users; --",
      '" OR ""="',
      "admin\\' OR 1=1 #",
      "1; SELECT pg_sleep(5)",
    ]) {
      const res = await send<ErrorBody>(app, "POST", "/api/auth/login", {
        json: { username, password: "' OR '1'='1" },
      });
      expect(res.status, username).toBe(401);
      expect(res.body.error.code).toBe("invalid_credentials");
    }
    const after = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    expect(after[0]?.n).toBe(before[0]?.n);
    const big = await send<ErrorBody>(app, "POST", "/api/auth/login", {
      json: { username: "admin", password: "x".repeat(10_000) },
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("payload_too_large");
    const bad = await send<ErrorBody>(app, "POST", "/api/auth/login", { raw: '{"username": "admin",' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_json");
    const missing = await send<ErrorBody>(app, "POST", "/api/auth/login", { json: { username: "admin" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("invalid_request");
    const wrongType = await send<ErrorBody>(app, "POST", "/api/auth/login", {
      json: { username: ["admin"], password: { $ne: "" } },
    });
    expect(wrongType.status).toBe(400);
  });
});

describe.each(ADAPTERS)("first start and demo mode on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openAdapterDb(kind, { demo: false });
  });
  afterAll(async () => t.cleanup());

  test("without the demo dataset no demo account exists; the first start creates admin with a one-time password", async () => {
    const none = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    expect(none[0]?.n).toBe(0);
    const first = await ensureFirstAdmin(t.db);
    expect(first?.username).toBe("admin");
    expect(first?.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await ensureFirstAdmin(t.db)).toBeNull();
    const app = createApp({ db: t.db, log: () => {} });
    const demo = await send(app, "POST", "/api/auth/login", {
      json: { username: "admin", password: "admin-demo" },
    });
    expect(demo.status).toBe(401);
    const { me } = await login(app, "admin", first?.password ?? "");
    expect(me).toMatchObject({ username: "admin", role: "admin", zoneId: null });
    const rows = await t.db.query<{ password_hash: string; is_demo: boolean }>(
      "SELECT password_hash, is_demo FROM users",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.is_demo).toBe(false);
    expect(rows[0]?.password_hash).not.toContain(first?.password ?? "");
  });
});
