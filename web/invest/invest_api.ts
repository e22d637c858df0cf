import type { LandPlot, LandProperties, LandZone, ParkProfile } from "@api/schemas/land.ts";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { getJson } from "../api_client.ts";
import type { Lang } from "../i18n/lang.ts";
import { type LandFilters, landQueryString } from "./invest_route.ts";

/** `GET /api/land`: offered plots with public properties. */
export type LandCollection = FeatureCollection<Polygon | MultiPolygon, LandProperties> & {
  /** Plots matching the filters in all; the collection holds one page of them (`limit` from `offset`). */
  total: number;
  limit: number;
  offset: number;
};

export const fetchLandZones = (lang: Lang, signal?: AbortSignal) =>
  getJson<LandZone[]>("/api/land/zones", lang, signal);

export const fetchLand = (filters: LandFilters, lang: Lang, signal?: AbortSignal) => {
  const q = landQueryString(filters);
  return getJson<LandCollection>(`/api/land${q ? `?${q}` : ""}`, lang, signal);
};

export const fetchLandPlot = (id: number, lang: Lang, signal?: AbortSignal) =>
  getJson<LandPlot>(`/api/land/${id}`, lang, signal);

export const fetchParkProfile = (id: number, lang: Lang, signal?: AbortSignal) =>
  getJson<ParkProfile>(`/api/land/parks/${id}`, lang, signal);
