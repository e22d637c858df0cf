import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app_env.ts";
import { AppError } from "../errors.ts";
import type { Role } from "../schemas/auth.ts";
import type { AuthUser } from "./session.ts";

/**
 * Route guard: 401 `not_authenticated` without a live session, 403 `forbidden` when the account's role is
 * not among `roles`. Admin passes every guard. The account is then `await c.var.auth()` (non-null).
 */
export const requireRole =
  (...roles: Role[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const user = await c.var.auth();
    if (!user) throw new AppError("not_authenticated");
    if (user.role !== "admin" && !roles.includes(user.role))
      throw new AppError("forbidden", { role: user.role });
    await next();
  };

/** True when `user` may act in zone `zoneId` (accounts without a zone act in every zone). */
export const canAccessZone = (user: Pick<AuthUser, "zoneId">, zoneId: number): boolean =>
  user.zoneId === null || user.zoneId === zoneId;

/** Throws 403 `zone_forbidden` unless `user` may act in zone `zoneId`. */
export function assertZoneAccess(user: Pick<AuthUser, "zoneId">, zoneId: number): void {
  if (!canAccessZone(user, zoneId)) throw new AppError("zone_forbidden", { zoneId });
}

/**
 * Roles that read zone data (maps, plots with enterprise figures, metrics): every staff account, within its
 * zone. Admin passes every guard anyway.
 */
export const STAFF_ROLES = ["reviewer", "planner", "investment_officer"] as const satisfies readonly Role[];
