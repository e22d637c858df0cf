import type { AggregateKey } from "../../geo/aggregate.ts";
import type { Log } from "../app_env.ts";
import type { Db } from "../db/db.ts";
import { type GkVertex, gkVertices, type PackLayers, packLayers } from "../db/expansion_pack.ts";
import { getProposal, type Proposal } from "../db/expansion_proposals.ts";
import { getPark } from "../db/parks.ts";
import { getZoneProfile, type ZoneProfile } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { computeAreaMetrics, type IndicatorOut } from "../metrics/area_metrics.ts";
import type { ParkDetail } from "../schemas/zones.ts";
import { parkGkEpsg } from "./candidates.ts";
import { type CheckResult, checkBoundary } from "./check.ts";
import { expansionEligibility } from "./eligibility.ts";

/** The TD/T 1029 indicators an application shows, in order. */
export const PACK_INDICATORS: readonly AggregateKey[] = [
  "developmentRate",
  "supplyRate",
  "builtRate",
  "industrialLandRate",
  "far",
  "industrialFar",
  "buildingDensity",
  "investmentPerMuWan",
  "taxPerMuWan",
  "outputPerMuWan",
  "idleRate",
];

/** Everything an application pack shows, gathered once for HTML, PDF, XLSX and Shapefile. */
export interface PackData {
  proposal: Proposal;
  park: ParkDetail;
  zone: ZoneProfile;
  check: CheckResult;
  eligibility: Awaited<ReturnType<typeof expansionEligibility>>;
  indicators: {
    year: number;
    park: Record<AggregateKey, IndicatorOut>;
    zone: Record<AggregateKey, IndicatorOut>;
  };
  gk: { epsg: number; zone: number; centralMeridianDeg: number; vertices: GkVertex[] };
  layers: PackLayers;
  generatedAt: string;
}

/** Gathers a proposal's application pack (current version). */
export async function packData(db: Db, proposalId: number, log: Log, now = new Date()): Promise<PackData> {
  const proposal = await getProposal(db, proposalId);
  if (!proposal) throw new AppError("proposal_not_found", { id: proposalId });
  const park = await getPark(db, proposal.parkId);
  if (!park) throw new AppError("park_not_found", { id: proposal.parkId });
  const zone = await getZoneProfile(db, park.zoneId);
  if (!zone) throw new AppError("zone_not_found", { id: park.zoneId });
  const epsg = parkGkEpsg(park);
  const check = await checkBoundary(
    db,
    { geometry: proposal.geometry, areaM2: 0, repair: null },
    park.zoneId,
    "zh-CN",
    log,
  );
  const eligibility = await expansionEligibility(db, { park: park.id });
  const [pm, zm] = await Promise.all([
    computeAreaMetrics(db, { park: park.id }, undefined, zone),
    computeAreaMetrics(db, { zone: zone.id }, undefined, zone),
  ]);
  const vertices = await gkVertices(db, proposal.geometry, epsg);
  const layers = await packLayers(db, zone.id, park.id, proposal.geometry, 0.01);
  return {
    proposal,
    park,
    zone,
    check,
    eligibility,
    indicators: { year: pm.year, park: pm.indicators, zone: zm.indicators },
    gk: { epsg, zone: epsg - 4488, centralMeridianDeg: 3 * (epsg - 4488), vertices },
    layers,
    generatedAt: now.toISOString(),
  };
}
