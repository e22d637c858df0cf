import { randomBytes } from "node:crypto";
import type { createApp } from "../api/app.ts";
import { createAccount } from "../api/auth/accounts.ts";
import type { Queryable } from "../api/db/db.ts";

type App = ReturnType<typeof createApp>;

/**
 * The bench's own admin account (created in the bench database with a fresh random password each run) and
 * a session through the real `POST /api/auth/login`: guarded routes are measured as a signed-in browser
 * reaches them, session lookup included. Returns the cookie pair and CSRF token.
 */
export async function benchSession(
  request: (path: string, init: RequestInit) => Response | Promise<Response>,
  q: Queryable,
): Promise<{ cookie: string; csrfToken: string }> {
  const username = `bench_${randomBytes(4).toString("hex")}`;
  const password = randomBytes(18).toString("base64url");
  await createAccount(q, { username, role: "admin", zoneId: null, password });
  const res = await request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`bench login: HTTP ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get("set-cookie")?.split(";")[0] ?? "", csrfToken };
}

/** `app` with the session's cookie and CSRF header on every in-process request. */
export async function signedInApp(app: App, q: Queryable): Promise<App> {
  const s = await benchSession((path, init) => app.request(path, init), q);
  const request = (input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("Cookie", s.cookie);
    headers.set("X-CSRF-Token", s.csrfToken);
    return app.request(input, { ...init, headers });
  };
  return Object.assign(Object.create(app) as App, { request });
}
