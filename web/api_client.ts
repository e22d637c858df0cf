import type { AreaMetrics, PlotDetail } from "@api/contract.ts";
import type { Me, Role } from "@api/schemas/auth.ts";
import type {
  ConstraintFeaturePropertiesSchema,
  ContextFeaturePropertiesSchema,
} from "@api/schemas/layers.ts";
import type { PlotListProperties } from "@api/schemas/plots.ts";
import type { SearchResponse } from "@api/schemas/search.ts";
import type { ParkDetail, Zone } from "@api/schemas/zones.ts";
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from "geojson";
import type { z } from "zod";
import { type Lang, translate } from "./i18n/lang.ts";
import { csrfHeaders, sessionEnded } from "./state/session.ts";

export type ConstraintFeatureProperties = z.infer<typeof ConstraintFeaturePropertiesSchema>;
export type ContextFeatureProperties = z.infer<typeof ContextFeaturePropertiesSchema>;
/** `GET /api/plots`: plots with the indicators of `year` (the statistics year used) and idle flags as of `asOf`. */
export type PlotCollection = FeatureCollection<Polygon | MultiPolygon, PlotListProperties> & {
  year: number;
  asOf: string;
};
export type ConstraintCollection = FeatureCollection<Geometry, ConstraintFeatureProperties>;
export type ContextCollection = FeatureCollection<Geometry, ContextFeatureProperties>;

/** A demo account as the login page lists it (public passwords; demo data only). */
export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
}

/** A failed API call: the server's `{error: {code, message}}`, or a client-side code for network trouble. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string } } {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error: unknown = body.error;
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    "message" in error &&
    typeof error.code === "string" &&
    typeof error.message === "string"
  );
}

/**
 * GETs a JSON resource under /api with `Accept-Language: lang`, so error messages come in the UI language.
 * Non-2xx answers become `ApiError {status, code, message}`; so do network failures (status 0).
 */
export async function getJson<T>(path: string, lang: Lang, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(path, lang, {
    headers: { Accept: "application/json", "Accept-Language": lang },
    signal,
  });
}

/**
 * POSTs, PUTs or PATCHes a JSON body under /api with the session's CSRF token (when signed in); errors as
 * `getJson`.
 */
export async function sendJson<T>(
  method: "POST" | "PUT" | "PATCH",
  path: string,
  body: unknown,
  lang: Lang,
): Promise<T> {
  return requestJson<T>(path, lang, {
    method,
    headers: {
      Accept: "application/json",
      "Content-Type": "application/json",
      "Accept-Language": lang,
      ...csrfHeaders(),
    },
    body: JSON.stringify(body),
  });
}

/** POSTs a multipart form (an upload) under /api with the session's CSRF token; errors as `getJson`. */
export async function sendForm<T>(path: string, form: FormData, lang: Lang): Promise<T> {
  return requestJson<T>(path, lang, {
    method: "POST",
    headers: { Accept: "application/json", "Accept-Language": lang, ...csrfHeaders() },
    body: form,
  });
}

/** One request under /api; non-2xx answers and network failures become `ApiError` (as `getJson`). */
export async function requestJson<T>(path: string, lang: Lang, init: RequestInit): Promise<T> {
  const signal = init.signal;
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, "network_error", translate(lang, "error.network"));
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(
      res.status,
      "bad_response",
      translate(lang, "error.badResponse", { status: res.status }),
    );
  }
  if (!res.ok) {
    if (res.status === 401 && isErrorBody(body) && body.error.code === "not_authenticated") sessionEnded();
    if (isErrorBody(body)) throw new ApiError(res.status, body.error.code, body.error.message);
    throw new ApiError(
      res.status,
      "bad_response",
      translate(lang, "error.badResponse", { status: res.status }),
    );
  }
  // Trust boundary: the server validates its own output against api/schemas; the client takes the contract's type.
  return body as T;
}

/** `GET /api/zones`: every zone with its parks. */
export const fetchZones = (lang: Lang, signal?: AbortSignal) => getJson<Zone[]>("/api/zones", lang, signal);

/** `GET /api/parks/:id`: one park with its boundary. */
export const fetchPark = (id: number, lang: Lang, signal?: AbortSignal) =>
  getJson<ParkDetail>(`/api/parks/${id}`, lang, signal);

/**
 * `GET /api/plots?zone=<id>&year=`: every plot of a zone with its indicators for `year` (null: the latest
 * year with statistics). The map draws plots from tiles; this list feeds the plot panel and the class breaks.
 */
export const fetchZonePlots = (zoneId: number, year: number | null, lang: Lang, signal?: AbortSignal) =>
  getJson<PlotCollection>(`/api/plots?zone=${zoneId}${year === null ? "" : `&year=${year}`}`, lang, signal);

/** `GET /api/constraints?zone=<id>`: control layers (farmland, red line, development boundary …). */
export const fetchConstraints = (zoneId: number, lang: Lang, signal?: AbortSignal) =>
  getJson<ConstraintCollection>(`/api/constraints?zone=${zoneId}`, lang, signal);

/** `GET /api/zones/:id/context`: roads, rivers and county outlines. */
export const fetchZoneContext = (zoneId: number, lang: Lang, signal?: AbortSignal) =>
  getJson<ContextCollection>(`/api/zones/${zoneId}/context`, lang, signal);

/** `GET /api/plots/:id`: one plot with its yearly statistics, indicators, findings and grades. */
export const fetchPlotDetail = (id: number, lang: Lang, signal?: AbortSignal) =>
  getJson<PlotDetail>(`/api/plots/${id}`, lang, signal);

/** A park or a whole zone: what the metrics and plot lists are asked for. */
export type Scope = { type: "park" | "zone"; id: number };

const yearParam = (year: number | null, sep: "?" | "&") => (year === null ? "" : `${sep}year=${year}`);

/** `GET /api/parks/:id/metrics?year=` or `GET /api/zones/:id/metrics?year=` (null: the latest year). */
export const fetchMetrics = (scope: Scope, year: number | null, lang: Lang, signal?: AbortSignal) =>
  getJson<AreaMetrics>(`/api/${scope.type}s/${scope.id}/metrics${yearParam(year, "?")}`, lang, signal);

/** `GET /api/plots?park=|zone=&year=`: the scope's plots with the indicators of `year`. */
export const fetchScopePlots = (scope: Scope, year: number | null, lang: Lang, signal?: AbortSignal) =>
  getJson<PlotCollection>(`/api/plots?${scope.type}=${scope.id}${yearParam(year, "&")}`, lang, signal);

/** `GET /api/search?q=`: plots by code, enterprises by name, parks by name or code (all zones). */
export const fetchSearch = (q: string, lang: Lang, signal?: AbortSignal) =>
  getJson<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}`, lang, signal);

/** `GET /api/auth/me`: the signed-in account and its CSRF token; `ApiError` 401 when signed out. */
export const fetchMe = (lang: Lang, signal?: AbortSignal) => getJson<Me>("/api/auth/me", lang, signal);

/** `POST /api/auth/login`: starts a session (cookie) and returns the account with its CSRF token. */
export const logIn = (username: string, password: string, lang: Lang) =>
  sendJson<Me>("POST", "/api/auth/login", { username, password }, lang);

/** `GET /api/auth/demo-accounts`: the public demo accounts while demo data is loaded, else none. */
export const fetchDemoAccounts = (lang: Lang, signal?: AbortSignal) =>
  getJson<{ accounts: DemoAccount[] }>("/api/auth/demo-accounts", lang, signal);

/** `POST /api/auth/logout` (204): ends the session on the server and clears the cookie. */
export async function logOut(lang: Lang): Promise<void> {
  let res: Response;
  try {
    res = await fetch("/api/auth/logout", {
      method: "POST",
      headers: { "Accept-Language": lang, ...csrfHeaders() },
    });
  } catch (err) {
    console.warn("logout failed", err);
    throw new ApiError(0, "network_error", translate(lang, "error.network"));
  }
  if (!res.ok)
    throw new ApiError(
      res.status,
      "bad_response",
      translate(lang, "error.badResponse", { status: res.status }),
    );
}
