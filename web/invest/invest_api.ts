import type { LandPlot, LandProperties, LandZone, ParkProfile } from "@api/schemas/land.ts";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { ApiError, getJson } from "../api_client.ts";
import { type Lang, translate } from "../i18n/lang.ts";
import { type LandFilters, landQueryString } from "./invest_route.ts";

/** `GET /api/land`: offered plots with public properties. */
export type LandCollection = FeatureCollection<Polygon | MultiPolygon, LandProperties>;

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

/**
 * POSTs JSON under /api with `Accept-Language: lang`; non-2xx answers become `ApiError` with the server's
 * `{error: {code, message}}` (message already in the UI language).
 */
export async function postJson<T>(path: string, body: unknown, lang: Lang): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "Accept-Language": lang },
      body: JSON.stringify(body),
    });
  } catch (err) {
    console.warn("POST failed", path, err);
    throw new ApiError(0, "network_error", translate(lang, "error.network"));
  }
  const json: unknown = await res.json().catch((err: unknown) => {
    console.warn("unreadable response", path, err);
    return null;
  });
  if (!res.ok) {
    const e = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (typeof e?.code === "string" && typeof e.message === "string")
      throw new ApiError(res.status, e.code, e.message);
    throw new ApiError(
      res.status,
      "bad_response",
      translate(lang, "error.badResponse", { status: res.status }),
    );
  }
  return json as T;
}
