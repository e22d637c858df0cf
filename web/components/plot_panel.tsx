import type { PlotFeatureProperties } from "@api/schemas/plots.ts";
import type { ParkSummary } from "@api/schemas/zones.ts";
import { formatAreaMuHa, localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { PLOT_STATUS_COLORS } from "../map/layers/palette.ts";

interface PlotPanelProps {
  plot: PlotFeatureProperties | null;
  park: ParkSummary | undefined;
  onClose(): void;
}

/** Details of the clicked plot: code, park, status, land use, area in 亩 and ha, enterprise. */
export function PlotPanel({ plot, park, onClose }: PlotPanelProps) {
  const { lang, t } = useI18n();
  if (!plot) {
    return (
      <section className="panel plot-panel plot-panel--empty" data-testid="plot-panel-empty">
        <p className="panel__hint">{t("plotPanel.hint")}</p>
      </section>
    );
  }
  const rows: Array<[string, string]> = [
    [t("plotPanel.park"), park ? localName(park, lang) : String(plot.parkId)],
    [t("plotPanel.landUse"), plot.landUse],
    [t("plotPanel.area"), formatAreaMuHa(plot.areaMu, lang)],
    [t("plotPanel.enterprise"), plot.enterpriseName ?? t("plotPanel.noEnterprise")],
  ];
  return (
    <section
      className="panel plot-panel"
      data-testid="plot-panel"
      data-plot-id={plot.id}
      aria-labelledby="plot-panel-title"
    >
      <header className="panel__header">
        <h2 id="plot-panel-title" className="panel__title">
          {t("plotPanel.title")}
        </h2>
        <button
          type="button"
          className="button button--icon"
          onClick={onClose}
          aria-label={t("plotPanel.close")}
        >
          <span aria-hidden="true" className="icon-close" />
        </button>
      </header>
      <div className="plot-panel__code" data-testid="plot-code" title={t("plotPanel.code")}>
        {plot.code}
      </div>
      <div className="plot-panel__status">
        <span className="swatch" style={{ background: PLOT_STATUS_COLORS[plot.status] }} aria-hidden="true" />
        <span data-testid="plot-status">{t(`plotStatus.${plot.status}`)}</span>
        {plot.isStandardLand ? <span className="chip">{t("plotPanel.standardLand")}</span> : null}
      </div>
      <dl className="plot-panel__facts">
        {rows.map(([label, value]) => (
          <div key={label} className="plot-panel__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
