import type { Context } from "hono";
import type { AppEnv } from "../app_env.ts";
import type { Queryable } from "../db/db.ts";
import { getParkZoneId } from "../db/parks.ts";
import { getPlotZoneId } from "../db/plots.ts";
import { AppError } from "../errors.ts";
import { assertZoneAccess } from "./require_role.ts";
import type { AuthUser } from "./session.ts";

/** The signed-in account of a request behind `requireRole` (401 if a route forgot the guard). */
export async function currentUser(c: Context<AppEnv>): Promise<AuthUser> {
  const user = await c.var.auth();
  if (!user) throw new AppError("not_authenticated");
  return user;
}

/**
 * The zone a read is limited to: the requested zone (checked against the account's scope), else the
 * account's own zone, else undefined (an every-zone account asked for no zone: no limit). A zone-scoped
 * account never reads another zone by leaving the filter out.
 */
export function scopedZone(
  user: Pick<AuthUser, "zoneId">,
  requested: number | undefined,
): number | undefined {
  if (requested !== undefined) {
    assertZoneAccess(user, requested);
    return requested;
  }
  return user.zoneId ?? undefined;
}

/** 404 `park_not_found` for an unknown park, 403 `zone_forbidden` outside the account's zone; the park's zone. */
export async function assertParkAccess(
  q: Queryable,
  user: Pick<AuthUser, "zoneId">,
  parkId: number,
): Promise<number> {
  const zoneId = await getParkZoneId(q, parkId);
  if (zoneId === null) throw new AppError("park_not_found", { id: parkId });
  assertZoneAccess(user, zoneId);
  return zoneId;
}

/** 404 `plot_not_found` for an unknown plot, 403 `zone_forbidden` outside the account's zone; the plot's zone. */
export async function assertPlotAccess(
  q: Queryable,
  user: Pick<AuthUser, "zoneId">,
  plotId: number,
): Promise<number> {
  const zoneId = await getPlotZoneId(q, plotId);
  if (zoneId === null) throw new AppError("plot_not_found", { id: plotId });
  assertZoneAccess(user, zoneId);
  return zoneId;
}
