import { Hono } from "hono";
import { MATCH_RULES, MATCH_WEIGHTS, rankPlots } from "../../geo/plot_match.ts";
import type { AppEnv } from "../app_env.ts";
import { matchCandidates } from "../db/land.ts";
import { getParkZoneId } from "../db/parks.ts";
import { zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { MatchRequestSchema } from "../schemas/match.ts";
import { validate } from "../validate.ts";

/**
 * `POST /api/match` (public): ranks every offered plot of the zone for a project with geo/ `rankPlots`,
 * each with its reasons; plots of other parks that beat the preferred park's best are marked
 * `recommendedToAnotherPark`. Only public plot fields are returned.
 */
export const matchRoutes = new Hono<AppEnv>().post("/", validate("json", MatchRequestSchema), async (c) => {
  const body = c.req.valid("json");
  const { db } = c.var.deps;
  let zoneId = body.zoneId ?? null;
  const preferred = body.preferredParkId ?? null;
  if (zoneId !== null && !(await zoneExists(db, zoneId)))
    throw new AppError("zone_not_found", { id: zoneId });
  if (preferred !== null) {
    const parkZone = await getParkZoneId(db, preferred);
    if (parkZone === null) throw new AppError("park_not_found", { id: preferred });
    if (zoneId !== null && parkZone !== zoneId)
      throw new AppError("parks_not_in_one_zone", { fromParkId: preferred, toParkId: preferred, zoneId });
    zoneId = parkZone;
  }
  const rows = await matchCandidates(db, zoneId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const { ranked, excluded } = rankPlots(
    {
      industry: body.industry,
      areaMu: body.areaMu,
      investmentWan: body.investmentWan,
      expectedOutputWan: body.expectedOutputWan ?? null,
      energyTce: body.energyTce ?? null,
      preferredParkId: preferred,
    },
    rows.map((r) => ({
      plotId: r.id,
      parkId: r.park_id,
      areaMu: r.area_mu,
      parkIndustryCodes: r.industry_codes,
      parkIndustryNames: [...r.leading_industries, ...r.leading_industries_en],
      permittedIndustryCodes: r.permitted_industry_codes,
      minInvestmentPerMuWan: r.std_min_investment_per_mu_wan,
      minOutputPerMuWan: r.std_min_output_per_mu_wan,
      maxEnergyTcePerWan: r.std_max_energy_tce_per_wan,
      nearestHighwayDistanceM: r.nearest_highway_distance_m,
      nearestRailwayDistanceM: r.nearest_railway_distance_m,
      constraintOverlapM2: r.constraint_overlap_m2,
    })),
  );
  const plotInfo = (plotId: number) => {
    const r = byId.get(plotId);
    if (!r) throw new Error(`ranked plot ${plotId} is not a candidate`);
    return {
      plotCode: r.code,
      parkName: r.park_name,
      parkNameEn: r.park_name_en,
      areaMu: r.area_mu,
      isStandardLand: r.is_standard_land,
      floorPricePerMuWan: r.floor_price_per_mu_wan,
    };
  };
  const out = ranked.slice(0, body.limit).map((p) => ({
    rank: p.rank,
    plotId: p.plotId,
    parkId: p.parkId,
    ...plotInfo(p.plotId),
    score: p.score,
    reasons: p.reasons,
    recommendedToAnotherPark:
      p.recommendedFromParkId === null ? null : { fromParkId: p.recommendedFromParkId, toParkId: p.parkId },
  }));
  return c.json({
    zoneId,
    preferredParkId: preferred,
    candidates: rows.length,
    weights: MATCH_WEIGHTS,
    rules: MATCH_RULES,
    ranked: out,
    recommendations: out.filter((p) => p.recommendedToAnotherPark !== null),
    excluded: excluded.map((e) => ({ plotId: e.plotId, parkId: e.parkId, reasons: e.reasons })),
  });
});
