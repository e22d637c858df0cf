import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app_env.ts";
import { DEMO_ACCOUNTS } from "../auth/accounts.ts";
import { dummyPasswordHash, verifyPassword } from "../auth/password.ts";
import { LOGIN_MAX_FAILURES, LOGIN_WINDOW_S } from "../auth/policy.ts";
import { requireRole } from "../auth/require_role.ts";
import { clearSessionCookie, endSession, startSession } from "../auth/session.ts";
import { clearLoginFailures, recentLoginFailures, recordLoginFailure } from "../db/login_failures.ts";
import { findUserByUsername, listDemoUsernames, listUsers } from "../db/users.ts";
import { AppError } from "../errors.ts";
import { LOGIN_MAX_BODY_BYTES, LoginSchema, type Me } from "../schemas/auth.ts";
import { validate } from "../validate.ts";

/**
 * The client's address for rate limiting: the socket's peer under @hono/node-server, "unknown" in-process.
 * Forwarded headers are not trusted (a client could rotate them to escape the limit).
 */
function clientIp(c: Context<AppEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

/**
 * `POST /api/auth/login {username, password}` → 200 {@link Me} and the session cookie; 401
 * `invalid_credentials` for an unknown user, a wrong password or a disabled account alike; 429
 * `too_many_attempts` with Retry-After after {@link LOGIN_MAX_FAILURES} failures per username and address
 * within {@link LOGIN_WINDOW_S}. `POST /api/auth/logout` ends the session (204). `GET /api/auth/me` → {@link Me}
 * or 401 `not_authenticated`. `GET /api/auth/users` (admin) lists accounts. `GET /api/auth/demo-accounts`:
 * the demo accounts with their public passwords while the demo dataset is loaded (the login page lists
 * them), else an empty list.
 */
export const authRoutes = new Hono<AppEnv>()
  .post(
    "/login",
    bodyLimit({
      maxSize: LOGIN_MAX_BODY_BYTES,
      onError: () => {
        throw new AppError("payload_too_large", { limit: LOGIN_MAX_BODY_BYTES });
      },
    }),
    validate("json", LoginSchema),
    async (c) => {
      const { username, password } = c.req.valid("json");
      const { db } = c.var.deps;
      const key = { username, clientIp: clientIp(c) };
      const recent = await recentLoginFailures(db, key, LOGIN_WINDOW_S);
      if (recent.count >= LOGIN_MAX_FAILURES) {
        c.header("Retry-After", String(recent.retryAfterS));
        throw new AppError("too_many_attempts", { retryAfterS: recent.retryAfterS });
      }
      const user = await findUserByUsername(db, username);
      // Verify against a dummy hash for unknown users so both failures cost the same time.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !ok || user.disabled) {
        await recordLoginFailure(db, key, LOGIN_WINDOW_S);
        throw new AppError("invalid_credentials");
      }
      await clearLoginFailures(db, key);
      const csrfToken = await startSession(c, db, user.id);
      return c.json<Me>({ username: user.username, role: user.role, zoneId: user.zoneId, csrfToken });
    },
  )
  .post("/logout", async (c) => {
    const user = await c.var.auth();
    if (user) await endSession(c.var.deps, user.sessionHash);
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .get("/me", async (c) => {
    const user = await c.var.auth();
    if (!user) throw new AppError("not_authenticated");
    return c.json<Me>({
      username: user.username,
      role: user.role,
      zoneId: user.zoneId,
      csrfToken: user.csrfToken,
    });
  })
  .get("/users", requireRole("admin"), async (c) => c.json(await listUsers(c.var.deps.db)))
  .get("/demo-accounts", async (c) => {
    const present = new Set(await listDemoUsernames(c.var.deps.db));
    return c.json({ accounts: DEMO_ACCOUNTS.filter((a) => present.has(a.username)) });
  });
