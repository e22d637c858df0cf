import type { PlotListProperties } from "@api/schemas/plots.ts";
import type { ParkSummary } from "@api/schemas/zones.ts";
import type { TableData } from "../export/table_data.ts";
import { formatIndicatorValue, formatMu, localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ExportButtons } from "./export_buttons.tsx";

const FLAGS = ["idle", "low_efficiency"] as const;
const FLAG_KEYS = { idle: "legend.overlay.idle", low_efficiency: "legend.overlay.lowEfficiency" } as const;

/**
 * The idle and low-efficiency plots of the scope and year: clicking a plot code opens the plot and zooms the
 * map to it; the table exports to CSV and XLSX (unrounded numbers).
 */
export function FlaggedPlots({
  plots,
  parks,
  year,
  scopeName,
  onOpenPlot,
}: {
  plots: readonly PlotListProperties[];
  parks: readonly ParkSummary[];
  year: number;
  scopeName: string;
  onOpenPlot(id: number): void;
}) {
  const { lang, t } = useI18n();
  const flagged = plots
    .filter((p) => p.flags.some((f) => f === "idle" || f === "low_efficiency"))
    .sort((a, b) => a.code.localeCompare(b.code));
  const parkName = (id: number) => {
    const park = parks.find((p) => p.id === id);
    return park ? localName(park, lang) : String(id);
  };
  const flagText = (p: PlotListProperties) =>
    FLAGS.filter((f) => p.flags.includes(f))
      .map((f) => t(FLAG_KEYS[f]))
      .join("、");
  const table: TableData = {
    name: t("dashboard.flaggedFile", { scope: scopeName, year }),
    columns: [
      t("plotPanel.code"),
      t("plotPanel.park"),
      t("plotPanel.enterprise"),
      `${t("plotPanel.area")}（${t("units.mu")}）`,
      `${t("indicator.outputPerMuWan")}（${t("units.wanPerMu")}）`,
      `${t("indicator.taxPerMuWan")}（${t("units.wanPerMu")}）`,
      t("indicator.grade"),
      t("dashboard.flags"),
    ],
    rows: flagged.map((p) => [
      p.code,
      parkName(p.parkId),
      p.enterpriseName,
      p.areaMu,
      p.outputPerMuWan,
      p.taxPerMuWan,
      p.grade,
      flagText(p),
    ]),
  };
  return (
    <section className="dashboard__section" aria-labelledby="flagged-title" data-testid="flagged-plots">
      <header className="dashboard__section-head">
        <h3 id="flagged-title" className="plot-section__title">
          {t("dashboard.flaggedTitle", { count: flagged.length })}
        </h3>
        <ExportButtons table={table} />
      </header>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {flagged.map((p) => (
              <tr key={p.id}>
                <td>
                  <button
                    type="button"
                    className="button button--link"
                    data-testid="flagged-plot"
                    data-plot-id={p.id}
                    onClick={() => onOpenPlot(p.id)}
                  >
                    {p.code}
                  </button>
                </td>
                <td>{parkName(p.parkId)}</td>
                <td>{p.enterpriseName ?? "—"}</td>
                <td className="num">{formatMu(p.areaMu, lang)}</td>
                <td className="num">
                  {p.outputPerMuWan === null ? "—" : formatIndicatorValue(p.outputPerMuWan, lang)}
                </td>
                <td className="num">
                  {p.taxPerMuWan === null ? "—" : formatIndicatorValue(p.taxPerMuWan, lang)}
                </td>
                <td>{p.grade ? t(`grade.${p.grade}`) : "—"}</td>
                <td>{flagText(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
