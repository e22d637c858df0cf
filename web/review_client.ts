import type { Me } from "@api/schemas/auth.ts";
import type { Disposal, Finding, FindingDetail, FindingStatus } from "@api/schemas/findings.ts";
import type { AuditEntry, PlotEditable, PlotPatch } from "@api/schemas/plot_edit.ts";
import { ApiError } from "./api_client.ts";
import { type Lang, translate } from "./i18n/lang.ts";

/**
 * Calls of the review workflow (issue 9). State-changing calls send the session's CSRF token
 * (`X-CSRF-Token`, from `GET /api/auth/me`); the session cookie travels by itself (same origin).
 */
async function call<T>(path: string, lang: Lang, init: RequestInit = {}, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      credentials: "same-origin",
      headers: { Accept: "application/json", "Accept-Language": lang, ...init.headers },
      ...(signal ? { signal } : {}),
    });
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
    const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (typeof e?.code === "string" && typeof e.message === "string")
      throw new ApiError(res.status, e.code, e.message);
    throw new ApiError(
      res.status,
      "bad_response",
      translate(lang, "error.badResponse", { status: res.status }),
    );
  }
  return body as T;
}

/** `GET /api/auth/me`: the signed-in account, or null without a session (401). */
export async function fetchMe(lang: Lang, signal?: AbortSignal): Promise<Me | null> {
  try {
    return await call<Me>("/api/auth/me", lang, {}, signal);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** `GET /api/findings?plot=<id>`: a plot's findings with history and photos, newest first. */
export async function fetchPlotFindings(
  plotId: number,
  lang: Lang,
  signal?: AbortSignal,
): Promise<FindingDetail[]> {
  const list = await call<Array<{ id: number }>>(`/api/findings?plot=${plotId}`, lang, {}, signal);
  return Promise.all(list.map((f) => call<FindingDetail>(`/api/findings/${f.id}`, lang, {}, signal)));
}

/** `GET /api/findings?zone=<id>&status=`: a zone's findings (every status when `status` is null), newest first. */
export const fetchZoneFindings = (
  zoneId: number,
  status: FindingStatus | null,
  lang: Lang,
  signal?: AbortSignal,
) => call<Finding[]>(`/api/findings?zone=${zoneId}${status ? `&status=${status}` : ""}`, lang, {}, signal);

/** `GET /api/plots/:id/audit`: the plot's audit log, newest first. */
export const fetchPlotAudit = (plotId: number, lang: Lang, signal?: AbortSignal) =>
  call<AuditEntry[]>(`/api/plots/${plotId}/audit`, lang, {}, signal);

const jsonWrite = (method: string, body: unknown, csrf: string): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
  body: JSON.stringify(body),
});

/** `POST /api/findings`: opens a finding on a plot. */
export const openFinding = (
  body: { plotId: number; kind: FindingDetail["kind"]; note: string },
  csrf: string,
  lang: Lang,
) => call<FindingDetail>("/api/findings", lang, jsonWrite("POST", body, csrf));

/** `POST /api/findings/:id/transitions`: advances a finding from the version the reviewer saw. */
export const advanceFinding = (
  id: number,
  body: { to: FindingStatus; version: number; note: string; disposal?: Disposal },
  csrf: string,
  lang: Lang,
) => call<FindingDetail>(`/api/findings/${id}/transitions`, lang, jsonWrite("POST", body, csrf));

/** `POST /api/findings/:id/photos`: uploads one evidence photo (multipart). */
export function uploadFindingPhoto(id: number, file: File, caption: string, csrf: string, lang: Lang) {
  const form = new FormData();
  form.append("file", file);
  form.append("caption", caption);
  return call<FindingDetail>(`/api/findings/${id}/photos`, lang, {
    method: "POST",
    headers: { "X-CSRF-Token": csrf },
    body: form,
  });
}

/** `PATCH /api/plots/:id`: changes plot attributes from the version the planner saw (stale → 409). */
export const patchPlot = (id: number, body: PlotPatch, csrf: string, lang: Lang) =>
  call<PlotEditable>(`/api/plots/${id}`, lang, jsonWrite("PATCH", body, csrf));
