import {
  defaultEligibilityProfile,
  type EligibilityChecklist,
  type EligibilityIndicator,
  type EligibilityProfile,
  eligibilityChecklist,
} from "../../geo/expansion_eligibility.ts";
import { guizhouOutputTarget } from "../../geo/target_tracking.ts";
import type { Db } from "../db/db.ts";
import { getPark } from "../db/parks.ts";
import { getZoneProfile } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { computeAreaMetrics } from "../metrics/area_metrics.ts";
import type { EligibilityQuery } from "../schemas/expansion.ts";

const INDICATORS: readonly EligibilityIndicator[] = [
  "developmentRate",
  "supplyRate",
  "builtRate",
  "idleRate",
  "outputPerMuWan",
];

/** The default profile with the thresholds a request overrides. */
export function profileFor(
  level: "national" | "provincial",
  q: Omit<EligibilityQuery, "park" | "year">,
): EligibilityProfile {
  const base = defaultEligibilityProfile(guizhouOutputTarget(level).target);
  const override: Partial<Record<EligibilityIndicator, number | undefined>> = {
    developmentRate: q.minDevelopmentRate,
    supplyRate: q.minSupplyRate,
    builtRate: q.minBuiltRate,
    idleRate: q.maxIdleRate,
    outputPerMuWan: q.minOutputPerMuWan,
  };
  const changed = Object.values(override).some((v) => v !== undefined);
  return {
    ...base,
    id: changed ? "custom" : base.id,
    rules: base.rules.map((r) => {
      const v = override[r.indicator];
      return v === undefined ? r : { ...r, threshold: v, source: "request" };
    }),
  };
}

/** One scope's checklist. */
export interface ScopeEligibility {
  scope: { type: "park" | "zone"; id: number; name: string };
  year: number;
  checklist: EligibilityChecklist;
}

/** Eligibility of a park and its zone under a rule profile (TD/T figures from `computeAreaMetrics`). */
export async function expansionEligibility(db: Db, q: EligibilityQuery) {
  const park = await getPark(db, q.park);
  if (!park) throw new AppError("park_not_found", { id: q.park });
  const zone = await getZoneProfile(db, park.zoneId);
  if (!zone) throw new AppError("zone_not_found", { id: park.zoneId });
  const profile = profileFor(zone.level, q);
  const [pm, zm] = await Promise.all([
    computeAreaMetrics(db, { park: park.id }, q.year, zone),
    computeAreaMetrics(db, { zone: zone.id }, q.year, zone),
  ]);
  const values = (m: typeof pm) =>
    Object.fromEntries(INDICATORS.map((k) => [k, m.indicators[k].value])) as Record<
      EligibilityIndicator,
      number | null
    >;
  const parkResult: ScopeEligibility = {
    scope: { type: "park", id: park.id, name: park.name },
    year: pm.year,
    checklist: eligibilityChecklist(values(pm), profile),
  };
  const zoneResult: ScopeEligibility = {
    scope: { type: "zone", id: zone.id, name: zone.name },
    year: zm.year,
    checklist: eligibilityChecklist(values(zm), profile),
  };
  return { profile, park: parkResult, zone: zoneResult, isDemo: park.isDemo };
}
