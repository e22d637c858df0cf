import { type ConstraintType, ConstraintTypeSchema } from "@api/schemas/enums.ts";
import type { PlotFieldMapping } from "@api/schemas/imports.ts";
import type { Zone } from "@api/schemas/zones.ts";
import { useCallback, useEffect, useRef, useState } from "react";
import { fetchPark } from "../api_client.ts";
import { formatPercent, localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import {
  type AnyImportReport,
  fetchImport,
  fetchImportHistory,
  fetchImportJob,
  type ImportHistoryRow,
  type ImportJobState,
  postImport,
  undoImport,
} from "../import_client.ts";
import { ImportHistory } from "./import_history.tsx";
import { ImportReportView } from "./import_report.tsx";

type Target = "plots" | "constraints" | "stats";
const TARGETS: readonly Target[] = ["plots", "constraints", "stats"];
const ENCODINGS = ["utf-8", "gbk", "gb18030", "big5", "windows-1252"] as const;
const PHASES = ["parsing", "staging", "validating", "committing", "done"] as const;
const phaseOf = (p: string): (typeof PHASES)[number] => PHASES.find((x) => x === p) ?? "staging";
/** How often a background job's progress is asked for. */
const JOB_POLL_MS = 500;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface ImportDialogProps {
  zone: Zone;
  /** The park selected in the workspace, the default target park. */
  parkId: number | null;
  onClose(): void;
}

/**
 * The import dialog (planner, admin): pick a file and what it holds, optionally override encoding, CRS
 * and GCJ-02; validate (dry run) to see the report and edit the field mapping; then import, with a progress
 * bar when the server runs it as a background job; the history below undoes the latest import of a target.
 */
export function ImportDialog({ zone, parkId: initialParkId, onClose }: ImportDialogProps) {
  const { lang, t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<Target>("plots");
  const [parkId, setParkId] = useState<number>(initialParkId ?? zone.parks[0]?.id ?? 0);
  const [layerType, setLayerType] = useState<ConstraintType>("ecological_redline");
  const [layerName, setLayerName] = useState("");
  const [encoding, setEncoding] = useState("");
  const [srid, setSrid] = useState("");
  const [gcj02, setGcj02] = useState(false);
  const [mapping, setMapping] = useState<PlotFieldMapping | null>(null);
  const [saveMappingAs, setSaveMappingAs] = useState("");
  const [report, setReport] = useState<AnyImportReport | null>(null);
  // The last dry run matches the current inputs and found no errors: only then may the import run.
  const [validated, setValidated] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJobState | null>(null);
  const [history, setHistory] = useState<ImportHistoryRow[]>([]);
  const [parkPlots, setParkPlots] = useState<number | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const refresh = useCallback(async () => {
    const [h, p] = await Promise.all([fetchImportHistory(lang), parkId ? fetchPark(parkId, lang) : null]);
    if (!alive.current) return;
    setHistory(h.imports);
    setParkPlots(p ? p.plotCount : null);
  }, [lang, parkId]);
  useEffect(() => {
    refresh().catch((e: unknown) => setError(messageOf(e)));
  }, [refresh]);

  const changed = () => {
    setValidated(false);
    setNotice(null);
  };

  const formFor = (dryRun: boolean): FormData | null => {
    if (!file) return null;
    const form = new FormData();
    form.set("file", file);
    form.set("target", target);
    form.set("dryRun", String(dryRun));
    if (encoding) form.set("encoding", encoding);
    if (target !== "stats") {
      if (srid.trim()) form.set("srid", srid.trim());
      if (gcj02) form.set("sourceCoordinates", "gcj02");
    }
    if (target === "plots") {
      form.set("parkId", String(parkId));
      if (mapping) form.set("mapping", JSON.stringify(mapping));
      if (!dryRun && saveMappingAs.trim()) form.set("saveMappingAs", saveMappingAs.trim());
    }
    if (target === "constraints") {
      form.set("zoneId", String(zone.id));
      form.set("layerType", layerType);
      if (layerName.trim()) form.set("layerName", layerName.trim());
    }
    return form;
  };

  /** Polls a background job until it ends; its stored report then replaces the progress bar. */
  const followJob = async (jobId: string): Promise<AnyImportReport | null> => {
    for (;;) {
      const state = await fetchImportJob(jobId, lang);
      if (!alive.current) return null;
      setJob(state);
      if (state.status === "failed")
        throw new Error(t("import.jobFailed", { message: state.error?.message[lang] ?? "" }));
      if (state.status === "succeeded" && state.importId !== null)
        return (await fetchImport(state.importId, lang)).report;
      await wait(JOB_POLL_MS);
    }
  };

  const run = async (dryRun: boolean) => {
    const form = formFor(dryRun);
    if (!form) {
      setError(t("import.noFile"));
      return;
    }
    setBusy(true);
    setError(null);
    setNotice(null);
    setJob(null);
    try {
      const answer = await postImport(form, lang);
      const next = "jobId" in answer ? await followJob(answer.jobId) : answer;
      if (!alive.current || !next) return;
      setReport(next);
      if ("mapping" in next && mapping === null) setMapping(next.mapping);
      setValidated(dryRun && next.errorCount === 0);
      if (!dryRun) await refresh();
    } catch (e) {
      if (alive.current) setError(messageOf(e));
    } finally {
      if (alive.current) setBusy(false);
    }
  };

  const undo = async (id: number) => {
    setBusy(true);
    setError(null);
    try {
      const r = await undoImport(id, lang);
      setNotice(t("import.undone", { id, deleted: r.deleted, restored: r.restored }));
      setReport(null);
      setValidated(false);
      await refresh();
    } catch (e) {
      if (alive.current) setError(messageOf(e));
    } finally {
      if (alive.current) setBusy(false);
    }
  };

  const park = zone.parks.find((p) => p.id === parkId) ?? null;
  return (
    <div className="import-backdrop">
      <div
        className="import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import-dialog"
      >
        <header className="import-dialog__head">
          <h2 id="import-title">{t("import.title")}</h2>
          <button type="button" className="button" data-testid="import-close" onClick={onClose}>
            {t("import.close")}
          </button>
        </header>
        <form
          className="import-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(true);
          }}
        >
          <label>
            <span>{t("import.file")}</span>
            <input
              type="file"
              data-testid="import-file"
              accept=".zip,.geojson,.json,.csv,.xlsx,.kml,.kmz"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setMapping(null);
                setReport(null);
                changed();
              }}
            />
          </label>
          <label>
            <span>{t("import.target")}</span>
            <select
              data-testid="import-target"
              value={target}
              onChange={(e) => {
                setTarget(e.target.value as Target);
                setReport(null);
                changed();
              }}
            >
              {TARGETS.map((x) => (
                <option key={x} value={x}>
                  {t(`import.target.${x}`)}
                </option>
              ))}
            </select>
          </label>
          {target === "plots" ? (
            <label>
              <span>{t("import.park")}</span>
              <select
                data-testid="import-park"
                value={parkId}
                onChange={(e) => {
                  setParkId(Number(e.target.value));
                  changed();
                }}
              >
                {zone.parks.map((p) => (
                  <option key={p.id} value={p.id}>
                    {localName(p, lang)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {target === "constraints" ? (
            <>
              <label>
                <span>{t("import.layerType")}</span>
                <select
                  data-testid="import-layer-type"
                  value={layerType}
                  onChange={(e) => {
                    setLayerType(ConstraintTypeSchema.parse(e.target.value));
                    changed();
                  }}
                >
                  {ConstraintTypeSchema.options.map((x) => (
                    <option key={x} value={x}>
                      {t(`constraint.${x}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t("import.layerName")}</span>
                <input
                  type="text"
                  maxLength={200}
                  value={layerName}
                  onChange={(e) => {
                    setLayerName(e.target.value);
                    changed();
                  }}
                />
              </label>
            </>
          ) : null}
          <fieldset className="import-form__overrides">
            <legend>{t("import.overrides")}</legend>
            <label>
              <span>{t("import.encoding")}</span>
              <select
                data-testid="import-encoding"
                value={encoding}
                onChange={(e) => {
                  setEncoding(e.target.value);
                  changed();
                }}
              >
                <option value="">{t("import.encoding.auto")}</option>
                {ENCODINGS.map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </select>
            </label>
            {target !== "stats" ? (
              <>
                <label>
                  <span>{t("import.srid")}</span>
                  <input
                    type="text"
                    inputMode="numeric"
                    pattern="[0-9]*"
                    data-testid="import-srid"
                    placeholder={t("import.srid.placeholder")}
                    value={srid}
                    onChange={(e) => {
                      setSrid(e.target.value);
                      changed();
                    }}
                  />
                </label>
                <label className="import-form__check">
                  <input
                    type="checkbox"
                    data-testid="import-gcj02"
                    checked={gcj02}
                    onChange={(e) => {
                      setGcj02(e.target.checked);
                      changed();
                    }}
                  />
                  <span>{t("import.gcj02")}</span>
                </label>
              </>
            ) : null}
          </fieldset>
          <div className="import-form__actions">
            <button type="submit" className="button" data-testid="import-dry-run" disabled={busy || !file}>
              {t("import.dryRun")}
            </button>
            <button
              type="button"
              className="button button--primary"
              data-testid="import-commit"
              disabled={busy || !validated}
              onClick={() => void run(false)}
            >
              {t("import.commit")}
            </button>
            {busy ? <span role="status">{t("import.working")}</span> : null}
          </div>
        </form>
        {target === "plots" && park && parkPlots !== null ? (
          <p data-testid="import-park-plots" data-count={parkPlots}>
            {t("import.parkPlots", { park: localName(park, lang), count: parkPlots })}
          </p>
        ) : null}
        {job && busy ? (
          <div className="import-progress" data-testid="import-progress">
            <progress max={1} value={job.progressRatio} />
            <span>
              {t("import.progress", {
                phase: t(`import.phase.${phaseOf(job.phase)}`),
                percent: formatPercent(job.progressRatio, lang),
              })}
            </span>
          </div>
        ) : null}
        {error ? (
          <p className="import-dialog__error" role="alert" data-testid="import-error">
            {error}
          </p>
        ) : null}
        {notice ? (
          <p role="status" data-testid="import-notice">
            {notice}
          </p>
        ) : null}
        {report ? (
          <ImportReportView
            report={report}
            mapping={mapping ?? {}}
            onMappingChange={(m) => {
              setMapping(m);
              changed();
            }}
            saveMappingAs={saveMappingAs}
            onSaveMappingAsChange={setSaveMappingAs}
          />
        ) : null}
        <ImportHistory rows={history} busy={busy} onUndo={(id) => void undo(id)} />
      </div>
    </div>
  );
}
