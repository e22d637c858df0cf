import type { Disposal, Finding, FindingDetail, FindingStatus } from "@api/schemas/findings.ts";
import type { AuditEntry, PlotEditable, PlotPatch } from "@api/schemas/plot_edit.ts";
import { getJson, sendForm, sendJson } from "./api_client.ts";
import type { Lang } from "./i18n/lang.ts";

/**
 * Calls of the review workflow (issue 9) through the shared client (web/api_client.ts): writes carry the
 * session's CSRF token; the session cookie travels by itself (same origin).
 */

/** `GET /api/findings?plot=<id>`: a plot's findings with history and photos, newest first. */
export async function fetchPlotFindings(
  plotId: number,
  lang: Lang,
  signal?: AbortSignal,
): Promise<FindingDetail[]> {
  const list = await getJson<Array<{ id: number }>>(`/api/findings?plot=${plotId}`, lang, signal);
  return Promise.all(list.map((f) => getJson<FindingDetail>(`/api/findings/${f.id}`, lang, signal)));
}

/** `GET /api/findings?zone=<id>&status=`: a zone's findings (every status when `status` is null), newest first. */
export const fetchZoneFindings = (
  zoneId: number,
  status: FindingStatus | null,
  lang: Lang,
  signal?: AbortSignal,
) => getJson<Finding[]>(`/api/findings?zone=${zoneId}${status ? `&status=${status}` : ""}`, lang, signal);

/** `GET /api/plots/:id/audit`: the plot's audit log, newest first. */
export const fetchPlotAudit = (plotId: number, lang: Lang, signal?: AbortSignal) =>
  getJson<AuditEntry[]>(`/api/plots/${plotId}/audit`, lang, signal);

/** `POST /api/findings`: opens a finding on a plot. */
export const openFinding = (
  body: { plotId: number; kind: FindingDetail["kind"]; note: string },
  lang: Lang,
) => sendJson<FindingDetail>("POST", "/api/findings", body, lang);

/** `POST /api/findings/:id/transitions`: advances a finding from the version the reviewer saw. */
export const advanceFinding = (
  id: number,
  body: { to: FindingStatus; version: number; note: string; disposal?: Disposal },
  lang: Lang,
) => sendJson<FindingDetail>("POST", `/api/findings/${id}/transitions`, body, lang);

/** `POST /api/findings/:id/photos`: uploads one evidence photo (multipart). */
export function uploadFindingPhoto(id: number, file: File, caption: string, lang: Lang) {
  const form = new FormData();
  form.append("file", file);
  form.append("caption", caption);
  return sendForm<FindingDetail>(`/api/findings/${id}/photos`, form, lang);
}

/** `PATCH /api/plots/:id`: changes plot attributes from the version the planner saw (stale → 409). */
export const patchPlot = (id: number, body: PlotPatch, lang: Lang) =>
  sendJson<PlotEditable>("PATCH", `/api/plots/${id}`, body, lang);
