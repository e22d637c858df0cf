import { Hono } from "hono";
import { shareEnclaveTotals } from "../../geo/benefit_sharing.ts";
import { yuanToWan } from "../../geo/credit_split.ts";
import type { AppEnv } from "../app_env.ts";
import { assertZoneAccess, requireRole } from "../auth/require_role.ts";
import { currentUser } from "../auth/zone_scope.ts";
import { enclaveShares, latestZoneStatsYear } from "../db/share_agreements.ts";
import { zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { ZoneYearQuerySchema } from "../schemas/referrals.ts";
import { validate } from "../validate.ts";

/**
 * Staff: `GET /api/staff/benefit-sharing?zone=&year=` — Lincang rule: each enclave park's tax and output of
 * the year split between the host county and the partner (core) park by the agreement in force on 31
 * December (geo/benefit_sharing.ts), in whole 元 that add up to each total, plus zone sums per party that
 * reconcile. `year` defaults to the zone's latest statistics year (else last calendar year). Investment officers and planners, within their zone.
 */
export const staffBenefitSharingRoutes = new Hono<AppEnv>().get(
  "/",
  requireRole("investment_officer", "planner"),
  validate("query", ZoneYearQuerySchema),
  async (c) => {
    const { zone, year: asked } = c.req.valid("query");
    const { db } = c.var.deps;
    assertZoneAccess(await currentUser(c), zone);
    if (!(await zoneExists(db, zone))) throw new AppError("zone_not_found", { id: zone });
    // Without any statistics yet, last calendar year: the totals are then zero, not an error.
    const year = asked ?? (await latestZoneStatsYear(db, zone)) ?? new Date().getFullYear() - 1;
    const rows = await enclaveShares(db, zone, year);
    const enclaves = rows.map((r) => {
      const terms =
        r.hostInputRatio === null || r.hostTiltRatio === null
          ? null
          : { hostInputRatio: r.hostInputRatio, hostTiltRatio: r.hostTiltRatio };
      const shared = terms ? shareEnclaveTotals({ taxWan: r.taxWan, outputWan: r.outputWan }, terms) : null;
      return {
        ...r,
        agreement:
          terms && shared
            ? { ...terms, hostShareRatio: shared.hostShareRatio, partnerShareRatio: shared.partnerShareRatio }
            : null,
        tax: shared?.tax ?? null,
        output: shared?.output ?? null,
        reconciled: shared
          ? shared.tax.host.creditedYuan + shared.tax.partner.creditedYuan === shared.tax.totalYuan &&
            shared.output.host.creditedYuan + shared.output.partner.creditedYuan === shared.output.totalYuan
          : null,
      };
    });
    const sum = (f: (e: (typeof enclaves)[number]) => number) => enclaves.reduce((s, e) => s + f(e), 0);
    const shared = enclaves.filter((e) => e.tax !== null && e.output !== null);
    const totals = {
      taxTotalYuan: sum((e) => e.tax?.totalYuan ?? 0),
      taxHostYuan: sum((e) => e.tax?.host.creditedYuan ?? 0),
      taxPartnerYuan: sum((e) => e.tax?.partner.creditedYuan ?? 0),
      outputTotalYuan: sum((e) => e.output?.totalYuan ?? 0),
      outputHostYuan: sum((e) => e.output?.host.creditedYuan ?? 0),
      outputPartnerYuan: sum((e) => e.output?.partner.creditedYuan ?? 0),
    };
    return c.json({
      zoneId: zone,
      year,
      enclaves,
      enclavesWithoutAgreement: enclaves.filter((e) => e.agreement === null).map((e) => e.parkId),
      totals: {
        ...totals,
        taxHostWan: yuanToWan(totals.taxHostYuan),
        taxPartnerWan: yuanToWan(totals.taxPartnerYuan),
        outputHostWan: yuanToWan(totals.outputHostYuan),
        outputPartnerWan: yuanToWan(totals.outputPartnerYuan),
        enclavesShared: shared.length,
        reconciled:
          totals.taxHostYuan + totals.taxPartnerYuan === totals.taxTotalYuan &&
          totals.outputHostYuan + totals.outputPartnerYuan === totals.outputTotalYuan,
      },
    });
  },
);
