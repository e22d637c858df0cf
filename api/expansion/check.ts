import type { MultiPolygon, Polygon } from "geojson";
import { type ExpansionVerdict, expansionVerdict } from "../../geo/expansion_verdict.ts";
import type { Reason } from "../../geo/reason.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import type { Log } from "../app_env.ts";
import type { Queryable } from "../db/db.ts";
import { zoneConstraintTypes } from "../db/expansion.ts";
import { boundaryOverlaps, geometryValidity, nearestParkZone } from "../db/expansion_check.ts";
import { zoneExists } from "../db/zones.ts";
import { AppError, type Lang } from "../errors.ts";
import { type AnalysisWarning, missingConstraintsWarning } from "./warnings.ts";

/** Constraint types a boundary is checked against. */
const CHECKED_TYPES = [
  "permanent_farmland",
  "ecological_redline",
  "development_boundary",
  "flood",
  "steep_slope",
  "other",
] as const;

/** A geometry accepted for analysis or storage, and what was done to it. */
export interface AcceptedGeometry {
  geometry: MultiPolygon;
  areaM2: number;
  /** Set when a self-intersecting input was repaired (ST_MakeValid); names the crossing. */
  repair: { reason: string; location: [number, number] | null } | null;
}

/**
 * Validates a submitted polygon: invalid (self-intersection, bow-tie …) → `400 geometry_invalid`
 * naming GEOS's reason and the crossing location, unless `repair` asks for ST_MakeValid; zero area
 * (degenerate or collapsed rings, with or without repair) → `400 geometry_zero_area`.
 */
export async function acceptGeometry(
  q: Queryable,
  geometry: Polygon | MultiPolygon,
  repair: boolean,
): Promise<AcceptedGeometry> {
  const v = await geometryValidity(q, JSON.stringify(geometry));
  const loc = v.location
    ? ([v.location.coordinates[0], v.location.coordinates[1]] as [number, number])
    : null;
  // Zero area first: a collapsed ring is also "invalid", but what the planner must hear is "no area".
  if (!v.repaired || !(v.repaired_area_m2 > 0)) throw new AppError("geometry_zero_area");
  if (!v.valid && !repair) {
    throw new AppError(
      "geometry_invalid",
      { reason: v.reason ?? "invalid", lng: loc?.[0] ?? "?", lat: loc?.[1] ?? "?" },
      { reason: v.reason, location: loc },
    );
  }
  return {
    geometry: v.repaired,
    areaM2: v.repaired_area_m2,
    repair: v.valid ? null : { reason: v.reason ?? "invalid", location: loc },
  };
}

/** Result of `POST /api/expansion/check`. */
export interface CheckResult {
  zoneId: number;
  areaMu: number;
  /** Overlap with each constraint type other than the development boundary, 亩 (0 when none). */
  conflictsMu: Record<string, number>;
  /** Share inside the 城镇开发边界 (0–1); null when the zone has no such layer. */
  insideBoundaryRatio: number | null;
  /** Overlap with existing parks and plots, 亩. */
  existingLandMu: number;
  /** Covered plots' area by current land-use code, 亩; `none` is land on no plot. */
  landUseMu: Record<string, number>;
  verdict: ExpansionVerdict;
  reasons: Reason[];
  repaired: AcceptedGeometry["repair"];
  geometry: MultiPolygon;
  warnings: AnalysisWarning[];
}

/** Checks a boundary against the zone's control lines, parks and plots (see geo/ `expansionVerdict`). */
export async function checkBoundary(
  q: Queryable,
  accepted: AcceptedGeometry,
  zoneIdAsked: number | undefined,
  lang: Lang,
  log: Log,
): Promise<CheckResult> {
  const gj = JSON.stringify(accepted.geometry);
  const zoneId = zoneIdAsked ?? (await nearestParkZone(q, gj));
  if (zoneId === null || !(await zoneExists(q, zoneId)))
    throw new AppError("zone_not_found", { id: zoneId ?? "?" });
  const present = new Set(await zoneConstraintTypes(q, zoneId));
  const missing = CHECKED_TYPES.filter(
    (t) =>
      !present.has(t) &&
      (t === "permanent_farmland" || t === "ecological_redline" || t === "development_boundary"),
  );
  if (missing.length > 0) log("warn", "expansion check without constraint layers", { zoneId, missing });
  const o = await boundaryOverlaps(q, gj, zoneId);
  const conflictM2: Record<string, number> = {};
  for (const t of CHECKED_TYPES)
    if (t !== "development_boundary" && present.has(t)) conflictM2[t] = o.by_type[t] ?? 0;
  const insideBoundaryRatio = present.has("development_boundary")
    ? Math.min(1, (o.by_type.development_boundary ?? 0) / o.area_m2)
    : null;
  const { verdict, reasons } = expansionVerdict({
    conflictM2,
    insideBoundaryRatio,
    existingLandM2: o.existing_m2,
    missingTypes: missing,
  });
  const landUseMu: Record<string, number> = {};
  let onPlots = 0;
  for (const [code, m2] of Object.entries(o.by_land_use)) {
    landUseMu[code] = m2 / M2_PER_MU;
    onPlots += m2;
  }
  landUseMu.none = Math.max(0, o.area_m2 - onPlots) / M2_PER_MU;
  return {
    zoneId,
    areaMu: o.area_m2 / M2_PER_MU,
    conflictsMu: Object.fromEntries(Object.entries(conflictM2).map(([k, v]) => [k, v / M2_PER_MU])),
    insideBoundaryRatio,
    existingLandMu: o.existing_m2 / M2_PER_MU,
    landUseMu,
    verdict,
    reasons,
    repaired: accepted.repair,
    geometry: accepted.geometry,
    warnings: missingConstraintsWarning(missing, lang),
  };
}
