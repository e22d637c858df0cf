import { createAccount } from "../../api/auth/accounts.ts";
import type { Queryable } from "../../api/db/db.ts";
import { findUserByUsername } from "../../api/db/users.ts";
import type { Role } from "../../api/schemas/auth.ts";

/** Anything with Hono's `request(input, init)`: the app or a signed-in wrapper of it. */
interface Requester {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** Password of the accounts {@link ensureAccount} creates (12+ characters, as the account rules ask). */
export const TEST_PASSWORD = "test-password-1234";

/** A session: the `za_session=…` cookie pair and its CSRF token. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
}

/** Creates (once) the account `t_<role>_<zone|all>` with {@link TEST_PASSWORD}; returns its username. */
export async function ensureAccount(q: Queryable, role: Role, zoneId: number | null = null): Promise<string> {
  const username = `t_${role}_${zoneId ?? "all"}`;
  if (!(await findUserByUsername(q, username)))
    await createAccount(q, { username, role, zoneId, password: TEST_PASSWORD });
  return username;
}

/** Logs in through `POST /api/auth/login`; fails loudly when the login does not succeed. */
export async function logIn(app: Requester, username: string, password: string): Promise<TestSession> {
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? "";
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/**
 * The app as seen by a signed-in browser: every request carries the session cookie and (unless the test
 * sets its own) the CSRF header. Everything else is the app itself, so helpers typed on the app accept it.
 */
export function withSession<A extends Requester>(app: A, s: TestSession): A {
  const request = (input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has("Cookie")) headers.set("Cookie", s.cookie);
    if (!headers.has("X-CSRF-Token")) headers.set("X-CSRF-Token", s.csrfToken);
    return app.request(input, { ...init, headers });
  };
  return Object.assign(Object.create(app) as A, { request });
}

/**
 * `app` signed in as an account of `role` (default admin) scoped to `zoneId` (default every zone),
 * created in `q` when missing. Role guards are part of what the API tests exercise, so tests reach guarded
 * routes the way a browser does.
 */
export async function signIn<A extends Requester>(
  app: A,
  q: Queryable,
  opts: { role?: Role; zoneId?: number | null } = {},
): Promise<A> {
  const username = await ensureAccount(q, opts.role ?? "admin", opts.zoneId ?? null);
  return withSession(app, await logIn(app, username, TEST_PASSWORD));
}

/**
 * Sends a request as `session` (cookie, and X-CSRF-Token on writes; null → anonymous) with a JSON or
 * FormData body; returns status, parsed JSON (null for an empty or non-JSON body) and headers.
 */
export async function call<T = unknown>(
  app: Requester,
  session: TestSession | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { "Accept-Language": "en" };
  if (session) {
    headers.Cookie = session.cookie;
    if (method !== "GET") headers["X-CSRF-Token"] = session.csrfToken;
  }
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const res = await app.request(path, {
    method,
    headers,
    ...(payload === undefined ? {} : { body: payload }),
  });
  const type = res.headers.get("Content-Type") ?? "";
  const text = type.includes("json") ? await res.text() : "";
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}
