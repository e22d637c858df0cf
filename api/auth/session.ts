import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppDeps, AppEnv } from "../app_env.ts";
import type { Queryable } from "../db/db.ts";
import { deleteSession, findSession, insertSession, type SessionRow } from "../db/sessions.ts";
import { AppError } from "../errors.ts";
import { CSRF_HEADER, SESSION_COOKIE, SESSION_TTL_S } from "./policy.ts";
import { SessionCache } from "./session_cache.ts";
import { newToken, tokenHash, tokensEqual } from "./tokens.ts";

/** The signed-in account of a request. */
export interface AuthUser extends SessionRow {
  /** Hash of the session token (the sessions table's key). */
  sessionHash: string;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Routes that must work with a stale cookie and no token: logging in starts a new session. */
const CSRF_EXEMPT = new Set(["/api/auth/login"]);

/** True when the request came over https (directly, or per X-Forwarded-Proto from a proxy). */
export function isHttps(c: Context): boolean {
  const proto = c.req.header("X-Forwarded-Proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https" || new URL(c.req.url).protocol === "https:";
}

/**
 * The process's session cache, started on first use. While it cannot start (its LISTEN connection
 * failed), sessions are looked up directly and the next request tries again.
 */
async function sessionCache(deps: AppDeps): Promise<SessionCache | null> {
  deps.sessions ??= SessionCache.start(deps.db, deps.log);
  try {
    return await deps.sessions;
  } catch (err) {
    deps.sessions = undefined;
    deps.log("error", "session cache unavailable: sessions looked up directly", {
      error: (err as Error).message,
    });
    return null;
  }
}

/** The account of the session stored under `hash`, or null when it ended, expired or was disabled. */
async function lookup(deps: AppDeps, hash: string): Promise<AuthUser | null> {
  const cache = await sessionCache(deps);
  const session = cache ? await cache.find(hash) : ((await findSession(deps.db, hash))?.session ?? null);
  return session ? { ...session, sessionHash: hash } : null;
}

/**
 * Loads the session lazily (`c.var.auth()`, one query at most, only when a route asks or the request changes
 * state; none while the process's session cache knows it) and enforces double-submit CSRF: a POST/PUT/PATCH/DELETE carrying a live session cookie must send
 * the session's token in X-CSRF-Token, or it gets 403 `csrf_failed`. Requests without a session cookie
 * pass untouched (the public portal's POSTs).
 */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  let loaded: Promise<AuthUser | null> | undefined;
  c.set("auth", () => {
    loaded ??= token ? lookup(c.var.deps, tokenHash(token)) : Promise.resolve(null);
    return loaded;
  });
  if (token && STATE_CHANGING.has(c.req.method) && !CSRF_EXEMPT.has(c.req.path)) {
    const user = await c.var.auth();
    const sent = c.req.header(CSRF_HEADER) ?? "";
    if (user && !tokensEqual(sent, user.csrfToken)) throw new AppError("csrf_failed");
  }
  await next();
};

/** Starts a session for `userId`: stores its hash, sets the cookie, returns the CSRF token. */
export async function startSession(c: Context, q: Queryable, userId: number): Promise<string> {
  const token = newToken();
  const csrfToken = newToken();
  await insertSession(q, { idHash: tokenHash(token), userId, csrfToken, ttlS: SESSION_TTL_S });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: isHttps(c),
    maxAge: SESSION_TTL_S,
  });
  return csrfToken;
}

/** Ends the session stored under `hash` (logout): deleted in the database and forgotten by this process at once. */
export async function endSession(deps: AppDeps, hash: string): Promise<void> {
  await deleteSession(deps.db, hash);
  (await sessionCache(deps))?.forget(hash);
}

/** Clears the session cookie (with the attributes it was set with). */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Lax", secure: isHttps(c) });
}

/** The raw session cookie of the request, if any. */
export const sessionToken = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);
