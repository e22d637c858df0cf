import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../app_env.ts";
import type { Queryable } from "../db/db.ts";
import { findSession, insertSession, type SessionRow } from "../db/sessions.ts";
import { AppError } from "../errors.ts";
import { CSRF_HEADER, SESSION_COOKIE, SESSION_TTL_S } from "./policy.ts";
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
 * Loads the session lazily (`c.var.auth()`, one query at most, only when a route asks or the request changes
 * state) and enforces double-submit CSRF: a POST/PUT/PATCH/DELETE carrying a live session cookie must send
 * the session's token in X-CSRF-Token, or it gets 403 `csrf_failed`. Requests without a session cookie
 * pass untouched (the public portal's POSTs).
 */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  let loaded: Promise<AuthUser | null> | undefined;
  c.set("auth", () => {
    loaded ??= token
      ? findSession(c.var.deps.db, tokenHash(token)).then((s) =>
          s ? { ...s, sessionHash: tokenHash(token) } : null,
        )
      : Promise.resolve(null);
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

/** Clears the session cookie (with the attributes it was set with). */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Lax", secure: isHttps(c) });
}

/** The raw session cookie of the request, if any. */
export const sessionToken = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);
