import type { PlotDetail } from "@api/contract.ts";
import { useEffect, useRef } from "react";
import { formatAreaMuHa, formatIndicatorValue, localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { PLOT_STATUS_COLORS } from "../map/layers/palette.ts";
import { PlotEdit } from "./plot_edit.tsx";
import { PlotFar } from "./plot_far.tsx";
import { PlotFindings } from "./plot_findings.tsx";
import { PlotIndicators } from "./plot_indicators.tsx";
import { PlotReview } from "./plot_review.tsx";
import { PlotTimeline } from "./plot_timeline.tsx";

interface PlotPanelProps {
  plot: PlotDetail | null;
  onClose(): void;
  /** Reloads the plot after an edit (planners, admins). */
  onChanged(): void;
}

/**
 * The opened plot (`#/plot/<id>`, from `GET /api/plots/:id`): code, park, status, land use, area in 亩 and
 * ha, enterprise, 亩均产值, then the status timeline, indicators beside the park average and target with the
 * five-year trend, planned versus built FAR, the idle / low-efficiency findings in words, and the review workflow
 * with the plot's audit log (signed-in reviewers, planners and admins).
 */
export function PlotPanel({ plot, onClose, onChanged }: PlotPanelProps) {
  const { lang, t } = useI18n();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const plotId = plot?.id ?? null;
  // Keyboard users keep their place: when the control that opened the plot is gone (focus fell back to the
  // page), the panel's title takes the focus; a click on the map or a search keeps it where it is.
  useEffect(() => {
    if (plotId === null) return;
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) titleRef.current?.focus();
  }, [plotId]);
  if (!plot) {
    return (
      <section className="panel plot-panel plot-panel--empty" data-testid="plot-panel-empty">
        <p className="panel__hint">{t("plotPanel.hint")}</p>
      </section>
    );
  }
  const output = plot.latest.outputPerMuWan;
  const firm = plot.enterprise;
  const rows: Array<[string, string]> = [
    [t("plotPanel.park"), localName({ name: plot.parkName, nameEn: plot.parkNameEn }, lang)],
    [t("plotPanel.landUse"), `${plot.landUse} (${plot.landUseEdition})`],
    [t("plotPanel.area"), formatAreaMuHa(plot.areaMu, lang)],
    [t("plotPanel.enterprise"), firm ? localName(firm, lang) : t("plotPanel.noEnterprise")],
  ];
  return (
    <section
      className="panel plot-panel"
      data-testid="plot-panel"
      data-plot-id={plot.id}
      aria-labelledby="plot-panel-title"
    >
      <header className="panel__header">
        <h2 id="plot-panel-title" className="panel__title" ref={titleRef} tabIndex={-1}>
          {t("plotPanel.title")}
        </h2>
        <button
          type="button"
          className="button button--icon"
          onClick={onClose}
          aria-label={t("plotPanel.close")}
          data-testid="plot-panel-close"
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
        {plot.grade.grade ? (
          <span className="chip" data-testid="plot-grade">
            {t(`grade.${plot.grade.grade}`)}
          </span>
        ) : null}
      </div>
      <dl className="plot-panel__facts">
        {rows.map(([label, value]) => (
          <div key={label} className="plot-panel__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="plot-panel__row">
          <dt>{t("plotPanel.outputPerMu", { year: plot.latest.year })}</dt>
          <dd>
            {output.value === null ? (
              <span className="plot-panel__null" data-testid="plot-output-per-mu" data-null="true">
                {reasonOrDash(output.reason, lang, t("legend.noData"))}
              </span>
            ) : (
              <span data-testid="plot-output-per-mu">
                {formatIndicatorValue(output.value, lang)} {t("units.wanPerMu")}
              </span>
            )}
          </dd>
        </div>
      </dl>
      <PlotTimeline plot={plot} />
      <PlotIndicators plot={plot} />
      <PlotFar plot={plot} />
      <PlotFindings plot={plot} />
      <PlotEdit key={`${plot.id}-${plot.version}`} plot={plot} onChanged={onChanged} />
      <PlotReview key={`${plot.id}-${plot.version}`} plotId={plot.id} />
    </section>
  );
}

function reasonOrDash(reason: { zh: string; en: string } | null, lang: string, fallback: string): string {
  if (!reason) return fallback;
  return lang === "en" ? reason.en : reason.zh;
}
