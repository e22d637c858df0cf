import type { ImportIssue, PlotFieldMapping } from "@api/schemas/imports.ts";
import { PLOT_IMPORT_FIELDS } from "@api/schemas/imports.ts";
import type { StatsImportReport } from "@api/schemas/target_imports.ts";
import { formatMu, formatNumber, formatPercent } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { AnyImportReport } from "../import_client.ts";

const isStatsReport = (r: AnyImportReport): r is StatsImportReport => "target" in r && r.target === "stats";

/** Issues shown in the table; the rest are counted. */
const MAX_ISSUE_ROWS = 200;

interface ImportReportViewProps {
  report: AnyImportReport;
  /** The field mapping being edited (plots only). */
  mapping: PlotFieldMapping;
  onMappingChange(mapping: PlotFieldMapping): void;
  saveMappingAs: string;
  onSaveMappingAsChange(name: string): void;
}

function PlotIssueRow({ issue }: { issue: ImportIssue }) {
  const { lang, t } = useI18n();
  return (
    <tr className={`import-issue import-issue--${issue.severity}`} data-kind={issue.kind}>
      <td>{issue.index + 1}</td>
      <td>{issue.code ?? ""}</td>
      <td>
        {t(`import.severity.${issue.severity}`)} · {t(`import.kind.${issue.kind}`)}
      </td>
      <td>
        {issue.deviationRatio !== undefined ? `${formatPercent(issue.deviationRatio, lang)} · ` : ""}
        {issue.detail}
      </td>
      <td>{issue.areaMu !== undefined ? formatNumber(issue.areaMu, lang, 2) : ""}</td>
    </tr>
  );
}

/**
 * The validation report of a dry run or commit: encoding and CRS with the reason each was chosen, the
 * change summary, every issue (repaired and invalid geometries, duplicates, overlaps in 亩, plots outside
 * the park, declared vs computed area above 1 %) and, for plots, the editable field mapping.
 */
export function ImportReportView(props: ImportReportViewProps) {
  const { report } = props;
  const { lang, t } = useI18n();
  const isStats = "target" in report && report.target === "stats";
  const isConstraints = "target" in report && report.target === "constraints";
  return (
    <section className="import-report" data-testid="import-report" aria-label={t("import.report")}>
      <h3>{t("import.report")}</h3>
      <p data-testid="import-report-status" className={report.errorCount > 0 ? "import-report__bad" : ""}>
        {report.committed && report.importId !== null
          ? t("import.report.committed", { id: report.importId })
          : t("import.report.dryRun")}
        {" · "}
        {report.errorCount > 0
          ? t("import.report.errors", { count: report.errorCount })
          : t("import.report.noErrors")}
      </p>
      <ul className="import-report__facts">
        <li data-testid="import-report-count">
          {isStats
            ? t("import.report.rows", { count: report.rowCount })
            : t("import.report.features", { count: "featureCount" in report ? report.featureCount : 0 })}
        </li>
        {report.encoding ? (
          <li data-testid="import-report-encoding">
            {t("import.report.encoding", { name: report.encoding.name })} ·{" "}
            {t("import.report.why", { reason: report.encoding.reason })}
          </li>
        ) : null}
        {!isStats && "crs" in report ? (
          <li data-testid="import-report-crs">
            {t("import.report.crs", { name: report.crs.epsg ? `EPSG:${report.crs.epsg}` : report.crs.name })}{" "}
            · {t("import.report.why", { reason: report.crs.reason })}
            {report.sourceCoordinates === "gcj02" ? ` · ${t("import.report.coordinates.gcj02")}` : ""}
          </li>
        ) : null}
        {"summary" in report && !isStats && "unchanged" in report.summary ? (
          <li data-testid="import-report-summary">
            {t("import.report.summary", {
              inserted: report.summary.inserted,
              updated: report.summary.updated,
              unchanged: report.summary.unchanged,
            })}
          </li>
        ) : null}
        {isStats ? (
          <li data-testid="import-report-summary">
            {t("import.report.statsSummary", {
              inserted: report.summary.inserted,
              updated: report.summary.updated,
            })}
          </li>
        ) : null}
        {isConstraints ? (
          <li>{t("import.report.layer", { name: report.layerName, count: report.importedCount })}</li>
        ) : null}
        {"totalAreaMu" in report ? (
          <li>{t("import.report.totalArea", { mu: formatMu(report.totalAreaMu, lang) })}</li>
        ) : null}
      </ul>
      {report.warnings.length > 0 ? (
        <div className="import-report__warnings">
          <strong>{t("import.report.warnings")}</strong>
          <ul>
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!isStats && "mapping" in report ? <MappingEditor {...props} fields={report.fields} /> : null}
      <h4>{t("import.report.issues", { count: report.issues.length })}</h4>
      {report.issues.length === 0 ? (
        <p>{t("import.report.noIssues")}</p>
      ) : isStatsReport(report) ? (
        <ul className="import-report__list">
          {report.issues.slice(0, MAX_ISSUE_ROWS).map((i) => (
            <li key={`${i.row}-${i.kind}-${i.column ?? ""}`}>
              {i.row} · {i.key ?? ""} · {i.kind} · {i.detail}
            </li>
          ))}
        </ul>
      ) : (
        <div className="import-report__table">
          <table data-testid="import-issues">
            <thead>
              <tr>
                <th>{t("import.issue.index")}</th>
                <th>{t("import.issue.code")}</th>
                <th>{t("import.issue.kind")}</th>
                <th>{t("import.issue.detail")}</th>
                <th>{t("import.issue.area")}</th>
              </tr>
            </thead>
            <tbody>
              {report.issues.slice(0, MAX_ISSUE_ROWS).map((i) => (
                <PlotIssueRow key={`${i.index}-${i.kind}-${i.detail}`} issue={i} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.issues.length > MAX_ISSUE_ROWS ? (
        <p>{t("import.report.more", { count: report.issues.length - MAX_ISSUE_ROWS })}</p>
      ) : null}
    </section>
  );
}

/** One select per plot field over the file's columns; changes need a new dry run. */
function MappingEditor(props: ImportReportViewProps & { fields: string[] }) {
  const { t } = useI18n();
  const { report, mapping, onMappingChange, fields } = props;
  return (
    <fieldset className="import-mapping" data-testid="import-mapping">
      <legend>{t("import.mapping")}</legend>
      {"mappingSource" in report ? (
        <p className="import-mapping__source">
          {t("import.mapping.source", { source: report.mappingSource })}
        </p>
      ) : null}
      <div className="import-mapping__grid">
        {PLOT_IMPORT_FIELDS.map((f) => (
          <label key={f}>
            <span>{t(`import.field.${f}`)}</span>
            <select
              data-testid={`import-mapping-${f}`}
              value={mapping[f] ?? ""}
              onChange={(e) => {
                const next = { ...mapping };
                if (e.target.value === "") delete next[f];
                else next[f] = e.target.value;
                onMappingChange(next);
              }}
            >
              <option value="">{t("import.mapping.none")}</option>
              {fields.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <label className="import-mapping__save">
        <span>{t("import.mapping.saveAs")}</span>
        <input
          type="text"
          data-testid="import-mapping-save"
          maxLength={100}
          value={props.saveMappingAs}
          onChange={(e) => props.onSaveMappingAsChange(e.target.value)}
        />
      </label>
      <p className="import-mapping__hint">{t("import.mapping.hint")}</p>
    </fieldset>
  );
}
