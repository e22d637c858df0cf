import type { ImportReport } from "@api/schemas/imports.ts";
import type { ConstraintImportReport, StatsImportReport } from "@api/schemas/target_imports.ts";
import { requestJson, sendForm } from "./api_client.ts";
import type { Lang } from "./i18n/lang.ts";
import { csrfHeaders } from "./state/session.ts";

/** Any import report: plots (no `target` key), constraints or stats. */
export type AnyImportReport = ImportReport | ConstraintImportReport | StatsImportReport;

/** `POST /api/imports` answers a report, or 202 with a background job. */
export type ImportAnswer = AnyImportReport | { jobId: string; progressUrl: string };

/** A row of `GET /api/imports`. */
export interface ImportHistoryRow {
  id: number;
  target: "plots" | "constraints" | "stats";
  parkId: number | null;
  fileName: string;
  format: string;
  featureCount: number;
  insertedCount: number;
  updatedCount: number;
  createdBy: string;
  createdAt: string;
  undoneAt: string | null;
}

/** `GET /api/imports/jobs/:id`. */
export interface ImportJobState {
  id: string;
  status: "running" | "succeeded" | "failed";
  phase: string;
  processed: number;
  total: number;
  progressRatio: number;
  importId: number | null;
  error: { code: string; message: { "zh-CN": string; en: string } } | null;
}

const accept = (lang: Lang) => ({ Accept: "application/json", "Accept-Language": lang });

/** `POST /api/imports` (multipart) with the session's CSRF token. */
export const postImport = (form: FormData, lang: Lang) => sendForm<ImportAnswer>("/api/imports", form, lang);

/** `GET /api/imports?limit=`: the import history, newest first. */
export const fetchImportHistory = (lang: Lang, limit = 20, signal?: AbortSignal) =>
  requestJson<{ imports: ImportHistoryRow[] }>(`/api/imports?limit=${limit}`, lang, {
    headers: accept(lang),
    signal,
  });

/** `POST /api/imports/:id/undo`. */
export const undoImport = (id: number, lang: Lang) =>
  requestJson<{ importId: number; deleted: number; restored: number; plotCount: number }>(
    `/api/imports/${id}/undo`,
    lang,
    { method: "POST", headers: { ...accept(lang), ...csrfHeaders() } },
  );

/** `GET /api/imports/jobs/:id`: a background job's progress. */
export const fetchImportJob = (id: string, lang: Lang) =>
  requestJson<ImportJobState>(`/api/imports/jobs/${id}`, lang, { headers: accept(lang) });

/** `GET /api/imports/:id`: one import with its stored report. */
export const fetchImport = (id: number, lang: Lang) =>
  requestJson<ImportHistoryRow & { report: AnyImportReport }>(`/api/imports/${id}`, lang, {
    headers: accept(lang),
  });
