import { Hono } from "hono";
import { creditTotals, referralCredit } from "../../geo/referral_credit.ts";
import type { AppEnv } from "../app_env.ts";
import { assertZoneAccess, requireRole } from "../auth/require_role.ts";
import { currentUser } from "../auth/zone_scope.ts";
import { getParkZoneId } from "../db/parks.ts";
import {
  insertReferral,
  listReferrals,
  parkNames,
  plotExists,
  type ReferralRow,
  zoneReferralDefault,
} from "../db/referrals.ts";
import { zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { ReferralCreateSchema, ZoneYearQuerySchema } from "../schemas/referrals.ts";
import { validate } from "../validate.ts";

/** Share of the referring park when neither the request nor the zone sets one [configurable default]. */
export const FALLBACK_REFERRAL_FROM_SHARE = 0.5;

const withCredit = (r: ReferralRow) => {
  const c = referralCredit(r);
  return { ...r, credit: { totalYuan: c.totalYuan, from: c.from, to: c.to } };
};

/**
 * Staff referral ledger (Wenshan rule): `GET /api/staff/referrals?zone=&year=` entries with their credit
 * split, `POST /api/staff/referrals` records one (split default: the zone's configuration), and
 * `GET /api/staff/referrals/totals?zone=&year=` per-park annual credited investment that reconciles with
 * the zone total (geo/referral_credit.ts). Investment officers (read and write) and planners (read), within
 * their zone.
 */
export const staffReferralsRoutes = new Hono<AppEnv>()
  .use(requireRole("investment_officer", "planner"))
  .get("/", validate("query", ZoneYearQuerySchema), async (c) => {
    const { zone, year } = c.req.valid("query");
    const { db } = c.var.deps;
    assertZoneAccess(await currentUser(c), zone);
    if (!(await zoneExists(db, zone))) throw new AppError("zone_not_found", { id: zone });
    return c.json((await listReferrals(db, zone, year ?? null)).map(withCredit));
  })
  .post("/", requireRole("investment_officer"), validate("json", ReferralCreateSchema), async (c) => {
    const body = c.req.valid("json");
    const { db } = c.var.deps;
    const [fromZone, toZone] = await Promise.all([
      getParkZoneId(db, body.fromParkId),
      getParkZoneId(db, body.toParkId),
    ]);
    if (fromZone === null) throw new AppError("park_not_found", { id: body.fromParkId });
    if (toZone === null) throw new AppError("park_not_found", { id: body.toParkId });
    if (fromZone !== toZone)
      throw new AppError("parks_not_in_one_zone", {
        fromParkId: body.fromParkId,
        toParkId: body.toParkId,
        zoneId: fromZone,
      });
    assertZoneAccess(await currentUser(c), fromZone);
    const plotId = body.plotId ?? null;
    if (plotId !== null && !(await plotExists(db, plotId)))
      throw new AppError("plot_not_found", { id: plotId });
    const fromShareRatio =
      body.fromShareRatio ?? (await zoneReferralDefault(db, fromZone)) ?? FALLBACK_REFERRAL_FROM_SHARE;
    const row = await insertReferral(db, fromZone, { ...body, fromShareRatio });
    return c.json(withCredit(row), 201);
  })
  .get("/totals", validate("query", ZoneYearQuerySchema), async (c) => {
    const { zone, year: asked } = c.req.valid("query");
    const { db } = c.var.deps;
    assertZoneAccess(await currentUser(c), zone);
    if (!(await zoneExists(db, zone))) throw new AppError("zone_not_found", { id: zone });
    const year = asked ?? new Date().getFullYear();
    const [refs, names] = await Promise.all([listReferrals(db, zone, year), parkNames(db, zone)]);
    const t = creditTotals(refs, year);
    return c.json({
      zoneId: zone,
      year,
      referrals: t.credits.length,
      parks: t.parks.map((p) => ({
        ...p,
        name: names.get(p.parkId)?.name ?? "",
        nameEn: names.get(p.parkId)?.nameEn ?? "",
      })),
      zoneTotalYuan: t.zoneTotalYuan,
      zoneTotalWan: t.zoneTotalWan,
      parkCreditSumYuan: t.parkCreditSumYuan,
      reconciled: t.reconciled,
    });
  });
