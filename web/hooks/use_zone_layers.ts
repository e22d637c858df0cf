import type { ParkDetail, Zone } from "@api/schemas/zones.ts";
import type { Feature, FeatureCollection, MultiPolygon } from "geojson";
import { useRef } from "react";
import {
  type ConstraintCollection,
  type ContextCollection,
  fetchConstraints,
  fetchPark,
  fetchZoneContext,
  fetchZonePlots,
  type PlotCollection,
} from "../api_client.ts";
import type { Lang } from "../i18n/lang.ts";
import { type AsyncState, useAsync } from "./use_async.ts";

/** Properties of a park boundary feature on the map. */
export interface ParkBoundaryProperties {
  id: number;
  role: ParkDetail["role"];
  name: string;
  nameEn: string;
}
export type ParkBoundaryCollection = FeatureCollection<MultiPolygon, ParkBoundaryProperties>;

/** Everything the map draws for one zone. */
export interface ZoneLayers {
  zoneId: number;
  plots: PlotCollection;
  constraints: ConstraintCollection;
  context: ContextCollection;
  parks: ParkBoundaryCollection;
}

function boundaryFeature(p: ParkDetail): Feature<MultiPolygon, ParkBoundaryProperties> {
  return {
    type: "Feature",
    id: p.id,
    geometry: p.boundary,
    properties: { id: p.id, role: p.role, name: p.name, nameEn: p.nameEn },
  };
}

async function loadZoneLayers(zone: Zone, lang: Lang, signal: AbortSignal): Promise<ZoneLayers> {
  const [plots, constraints, context, parks] = await Promise.all([
    fetchZonePlots(zone.id, null, lang, signal),
    fetchConstraints(zone.id, lang, signal),
    fetchZoneContext(zone.id, lang, signal),
    Promise.all(zone.parks.map((p) => fetchPark(p.id, lang, signal))),
  ]);
  return {
    zoneId: zone.id,
    plots,
    constraints,
    context,
    parks: { type: "FeatureCollection", features: parks.map(boundaryFeature) },
  };
}

/**
 * Loads the map layers of a zone: the plot list (for the plot panel and the legend's class breaks; the map
 * draws plots from vector tiles), constraints, context and every park boundary.
 * Reloads when the zone changes, not when the language does (the language only picks error wording).
 */
export function useZoneLayers(zone: Zone | null, lang: Lang): [AsyncState<ZoneLayers | null>, () => void] {
  const langRef = useRef(lang);
  langRef.current = lang;
  return useAsync(zone ? `zone:${zone.id}` : "none", (signal) =>
    zone ? loadZoneLayers(zone, langRef.current, signal) : Promise.resolve(null),
  );
}
