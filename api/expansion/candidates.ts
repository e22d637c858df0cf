import type { Feature, FeatureCollection, Polygon } from "geojson";
import { type CandidateCriteria, candidateScore, compactness } from "../../geo/expansion_score.ts";
import { gaussKrugerZone3 } from "../../geo/gk_zone.ts";
import type { Reason } from "../../geo/reason.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import type { Log } from "../app_env.ts";
import type { Db } from "../db/db.ts";
import { candidatePieces, zoneConstraintTypes } from "../db/expansion.ts";
import { getPark } from "../db/parks.ts";
import { AppError, type Lang } from "../errors.ts";
import type { CandidatesRequest } from "../schemas/expansion.ts";
import { type AnalysisWarning, missingConstraintsWarning } from "./warnings.ts";

/** Properties of one ranked candidate. */
export interface CandidateProperties {
  rank: number;
  areaMu: number;
  areaM2: number;
  distanceM: number;
  sharedBoundaryRatio: number;
  compactness: number;
  score: number;
  criteria: CandidateCriteria;
  reasons: Reason[];
}

/** The candidates response: a ranked FeatureCollection with the analysis parameters and warnings. */
export type CandidatesResult = FeatureCollection<Polygon, CandidateProperties> & {
  parkId: number;
  zoneId: number;
  parameters: CandidatesRequest & { appliedExcludeTypes: string[]; appliedRequireInsideTypes: string[] };
  method: { metricCrs: string; metricCrsName: string; area: string };
  totalAreaMu: number;
  warnings: AnalysisWarning[];
  isDemo: boolean;
};

/**
 * The park's metric CRS: its stored CGCS2000 3° zone-prefixed Gauss-Krüger code (EPSG 4513–4533), else
 * the 3° zone of its label point (a stored 6° or central-meridian code is not used: the pack's
 * coordinates are written with the 3° zone prefix).
 */
export function parkGkEpsg(park: { gkEpsg: number | null; labelPoint: [number, number] }): number {
  const e = park.gkEpsg;
  return e !== null && e >= 4513 && e <= 4533 ? e : gaussKrugerZone3(park.labelPoint[0]).epsg;
}

/**
 * Expansion candidates around a park, computed in PostGIS (`candidatesSql`) and ranked by the geo/
 * score. Constraint types the zone has no layer for are dropped from the analysis with a loud
 * warning rather than silently emptying (required) or ignoring (excluded) them.
 */
export async function expansionCandidates(
  db: Db,
  req: CandidatesRequest,
  lang: Lang,
  log: Log,
): Promise<CandidatesResult> {
  const park = await getPark(db, req.parkId);
  if (!park) throw new AppError("park_not_found", { id: req.parkId });
  const present = new Set(await zoneConstraintTypes(db, park.zoneId));
  const wanted = [...new Set([...req.excludeTypes, ...req.requireInsideTypes])];
  const missing = wanted.filter((t) => !present.has(t));
  const warnings = missingConstraintsWarning(missing, lang);
  if (missing.length > 0)
    log("warn", "expansion candidates without constraint layers", { parkId: park.id, missing });
  const srid = parkGkEpsg(park);
  const appliedExcludeTypes = req.excludeTypes.filter((t) => present.has(t));
  const appliedRequireInsideTypes = req.requireInsideTypes.filter((t) => present.has(t));
  const rows = await candidatePieces(db, {
    parkId: park.id,
    srid,
    maxDistanceM: req.maxDistanceM,
    minAreaM2: req.minAreaMu * M2_PER_MU,
    excludeTypes: appliedExcludeTypes,
    requireInsideTypes: appliedRequireInsideTypes,
  });
  const scored = rows.map((r) => {
    const measures = {
      areaMu: r.area_m2 / M2_PER_MU,
      distanceM: r.distance_m,
      sharedBoundaryRatio: r.perimeter_m > 0 ? Math.min(1, r.shared_m / r.perimeter_m) : 0,
      compactness: compactness(r.plane_area_m2, r.perimeter_m),
    };
    const s = candidateScore(measures, { maxDistanceM: req.maxDistanceM, weights: req.weights });
    return { r, measures, s };
  });
  scored.sort((a, b) => b.s.score - a.s.score || b.measures.areaMu - a.measures.areaMu);
  const features = scored.map(
    ({ r, measures, s }, i): Feature<Polygon, CandidateProperties> => ({
      type: "Feature",
      id: i + 1,
      geometry: r.geometry,
      properties: {
        rank: i + 1,
        ...measures,
        areaM2: r.area_m2,
        score: s.score,
        criteria: s.criteria,
        reasons: [...s.reasons],
      },
    }),
  );
  return {
    type: "FeatureCollection",
    features,
    parkId: park.id,
    zoneId: park.zoneId,
    parameters: { ...req, appliedExcludeTypes, appliedRequireInsideTypes },
    method: {
      metricCrs: `EPSG:${srid}`,
      metricCrsName: `CGCS2000 / 3-degree Gauss-Kruger zone ${srid - 4488}`,
      area: "ST_Area(geography), WGS84/GRS80 ellipsoid",
    },
    totalAreaMu: features.reduce((s, f) => s + f.properties.areaMu, 0),
    warnings,
    isDemo: park.isDemo,
  };
}
