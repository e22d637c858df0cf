import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createApp } from "../../api/app.ts";
import { createAccount } from "../../api/auth/accounts.ts";
import { SESSION_CACHE_TTL_MS } from "../../api/auth/policy.ts";
import { SessionCache } from "../../api/auth/session_cache.ts";
import { newToken, tokenHash } from "../../api/auth/tokens.ts";
import { insertSession } from "../../api/db/sessions.ts";
import type { Me } from "../../api/schemas/auth.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

type App = ReturnType<typeof createApp>;

/** Status of `GET /api/auth/me` with `cookie`. */
const me = async (app: App, cookie: string) =>
  (await app.request("/api/auth/me", { headers: { Cookie: cookie } })).status;

/** Logs in and returns the cookie pair and the CSRF token. */
async function login(app: App, username: string, password: string) {
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as Me;
  return { cookie: res.headers.get("set-cookie")?.split(";")[0] ?? "", csrf: body.csrfToken };
}

const PASSWORD = "cache-test-password";
let accounts = 0;
/** A fresh admin account (tests disable some), logged in on `app`. */
async function freshLogin(t: TestDb, app: App) {
  const username = `cache-${accounts++}`;
  await createAccount(t.db, { username, password: PASSWORD, role: "admin", zoneId: null });
  return { username, ...(await login(app, username, PASSWORD)) };
}

describe.each(ADAPTERS)("session cache on %s", (kind) => {
  let t: TestDb;
  let app: App;
  let cache: SessionCache;
  /** A second API instance on the same database with its own cache (another process, as far as sessions go). */
  let other: App;
  let otherCache: SessionCache;

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    cache = await SessionCache.start(t.db, () => {});
    otherCache = await SessionCache.start(t.db, () => {});
    app = createApp({ db: t.db, log: () => {}, sessions: Promise.resolve(cache) });
    other = createApp({ db: t.db, log: () => {}, sessions: Promise.resolve(otherCache) });
  });
  afterAll(async () => t.cleanup());

  test("a known session is answered from memory: repeated requests cost no lookup", async () => {
    const { cookie } = await freshLogin(t, app);
    expect(await me(app, cookie)).toBe(200);
    const misses = cache.misses;
    const hits = cache.hits;
    for (let i = 0; i < 5; i++) expect(await me(app, cookie)).toBe(200);
    expect(cache.misses).toBe(misses);
    expect(cache.hits).toBe(hits + 5);
  });

  test("logout ends the session at once in the process that logged out", async () => {
    const { cookie, csrf } = await freshLogin(t, app);
    expect(await me(app, cookie)).toBe(200);
    const out = await app.request("/api/auth/logout", {
      method: "POST",
      headers: { Cookie: cookie, "X-CSRF-Token": csrf },
    });
    expect(out.status).toBe(204);
    expect(await me(app, cookie)).toBe(401);
  });

  test("logout in one instance ends the session in another that had it cached (notification)", async () => {
    const { cookie, csrf } = await freshLogin(t, app);
    expect(await me(other, cookie)).toBe(200);
    expect(await me(other, cookie)).toBe(200);
    const out = await app.request("/api/auth/logout", {
      method: "POST",
      headers: { Cookie: cookie, "X-CSRF-Token": csrf },
    });
    expect(out.status).toBe(204);
    await vi.waitFor(async () => expect(await me(other, cookie)).toBe(401), { timeout: 5_000, interval: 20 });
  });

  test("disabling an account ends its cached sessions in every instance", async () => {
    const { username, cookie } = await freshLogin(t, app);
    expect(await me(app, cookie)).toBe(200);
    expect(await me(other, cookie)).toBe(200);
    await t.db.query("UPDATE users SET disabled = true WHERE username = $1", [username]);
    await vi.waitFor(
      async () => {
        expect(await me(app, cookie)).toBe(401);
        expect(await me(other, cookie)).toBe(401);
      },
      { timeout: 5_000, interval: 20 },
    );
  });

  test("a cached session is not used past its expiry, without any notification", async () => {
    const b = await freshLogin(t, app);
    expect(await me(app, b.cookie)).toBe(200);
    const [admin] = await t.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'admin'");
    const token = newToken();
    await insertSession(t.db, {
      idHash: tokenHash(token),
      userId: admin?.id ?? 0,
      csrfToken: newToken(),
      ttlS: 1,
    });
    const cookie = `za_session=${token}`;
    expect(await me(app, cookie)).toBe(200);
    // Served from memory within its second; once expired the entry is not used and the database says no.
    await vi.waitFor(async () => expect(await me(app, cookie)).toBe(401), { timeout: 5_000, interval: 50 });
    // Nothing emptied the cache meanwhile: the other session is still answered from memory.
    const hits = cache.hits;
    expect(await me(app, b.cookie)).toBe(200);
    expect(cache.hits).toBe(hits + 1);
  });

  test("entries are looked up again after the TTL (bound for a lost notification)", async () => {
    let clock = 1_000_000;
    const clocked = await SessionCache.start(
      t.db,
      () => {},
      () => clock,
    );
    const { cookie } = await freshLogin(t, app);
    const hash = tokenHash(cookie.slice(cookie.indexOf("=") + 1));
    expect(await clocked.find(hash)).not.toBeNull();
    expect(await clocked.find(hash)).not.toBeNull();
    expect([clocked.hits, clocked.misses]).toEqual([1, 1]);
    clock += SESSION_CACHE_TTL_MS + 1;
    expect(await clocked.find(hash)).not.toBeNull();
    expect([clocked.hits, clocked.misses]).toEqual([1, 2]);
  });

  test("a lookup that raced with an invalidation is answered but not kept", async () => {
    const { cookie } = await freshLogin(t, app);
    const hash = tokenHash(cookie.slice(cookie.indexOf("=") + 1));
    const fresh = await SessionCache.start(t.db, () => {});
    const pending = fresh.find(hash);
    fresh.clear();
    expect((await pending)?.username).toMatch(/^cache-/);
    expect(fresh.size).toBe(0);
    expect(await fresh.find(hash)).not.toBeNull();
    expect(fresh.size).toBe(1);
  });

  test("unknown tokens are not cached", async () => {
    const fresh = await SessionCache.start(t.db, () => {});
    expect(await fresh.find(tokenHash(newToken()))).toBeNull();
    expect(fresh.size).toBe(0);
  });
});
