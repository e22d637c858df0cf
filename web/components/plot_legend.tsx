import type { PlotStatus } from "@api/schemas/enums.ts";
import type { Grade } from "@geo/mu_jun_profiles.ts";
import { useId } from "react";
import type { PlotStyle } from "../hooks/use_plot_style.ts";
import { MAX_MANUAL_BREAKS } from "../hooks/use_plot_style.ts";
import { formatIndicatorValue } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageParams } from "../i18n/lang.ts";
import type { MessageKey } from "../i18n/zh_cn.ts";
import { CLASS_METHODS } from "../map/class_breaks.ts";
import { NO_DATA_COLOR } from "../map/layers/palette.ts";
import { PLOT_OVERLAYS } from "../map/layers/plot_layers.ts";
import { isNumericIndicator, PLOT_INDICATORS, type PlotClassification } from "../map/layers/plot_style.ts";

type T = (key: MessageKey, params?: MessageParams) => string;

/** A class of the legend: colour, label and how many of the zone's plots fall in it. */
interface ClassRow {
  key: string;
  color: string;
  label: string;
  count: number;
}

function classRows(c: PlotClassification, t: T, fmt: (v: number) => string): ClassRow[] {
  if (c.kind === "categorical") {
    const rows = c.categories.map((cat) => ({
      key: cat.value,
      color: cat.color,
      label:
        c.indicator === "grade"
          ? t(`grade.${cat.value as Grade}`)
          : t(`plotStatus.${cat.value as PlotStatus}`),
      count: cat.count,
    }));
    return c.indicator === "grade"
      ? [...rows, { key: "none", color: NO_DATA_COLOR, label: t("legend.ungraded"), count: c.noData }]
      : rows;
  }
  const { breaks, colors, counts } = c;
  const rows = colors.map((color, i): ClassRow => {
    const lo = breaks[i - 1];
    const hi = breaks[i];
    let label: string;
    if (lo === undefined && hi === undefined) {
      label =
        c.min === null || c.max === null ? "–" : t("legend.range", { from: fmt(c.min), to: fmt(c.max) });
    } else if (lo === undefined) label = t("legend.below", { value: fmt(hi as number) });
    else if (hi === undefined) label = t("legend.atLeast", { value: fmt(lo) });
    else label = t("legend.range", { from: fmt(lo), to: fmt(hi) });
    return { key: String(i), color, label, count: counts[i] ?? 0 };
  });
  return [...rows, { key: "none", color: NO_DATA_COLOR, label: t("legend.noData"), count: c.noData }];
}

function legendTitle(c: PlotClassification | null, indicator: PlotStyle["indicator"], t: T): string {
  const name = t(`indicator.${indicator}`);
  if (c?.kind === "numeric" && c.indicator !== "far") {
    return t("legend.titleWithUnit", { name, unit: t("units.wanPerMu") });
  }
  return name;
}

/**
 * The plot part of the legend: indicator picker, class method (quantile, equal interval, manual breaks),
 * the classes with their counts and a no-data class, and the idle / low-efficiency / 批而未供 toggles.
 */
export function PlotLegend({ style }: { style: PlotStyle }) {
  const { lang, t } = useI18n();
  const ids = useId();
  const fmt = (v: number) => formatIndicatorValue(v, lang);
  const c = style.classification;
  const numeric = isNumericIndicator(style.indicator);
  return (
    <div className="legend__group legend__plots" data-testid="plot-legend">
      <h3 className="legend__group-title">{t("legend.plots")}</h3>
      <label className="legend__field" htmlFor={`${ids}-indicator`}>
        {t("legend.indicator")}
      </label>
      <select
        id={`${ids}-indicator`}
        className="legend__select"
        data-testid="indicator-select"
        value={style.indicator}
        onChange={(e) => style.setIndicator(e.target.value as PlotStyle["indicator"])}
      >
        {PLOT_INDICATORS.map((i) => (
          <option key={i} value={i}>
            {t(`indicator.${i}`)}
          </option>
        ))}
      </select>
      {numeric ? (
        <fieldset className="legend__methods" data-testid="class-method">
          <legend className="legend__field">{t("legend.method")}</legend>
          {CLASS_METHODS.map((m) => (
            <label key={m} className="legend__radio">
              <input
                type="radio"
                name={`${ids}-method`}
                value={m}
                checked={style.method === m}
                onChange={() => style.setMethod(m)}
              />
              {t(`classMethod.${m}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {numeric && style.method === "manual" ? (
        <div className="legend__manual">
          <label className="legend__field" htmlFor={`${ids}-manual`}>
            {t("legend.manualBreaks", { max: MAX_MANUAL_BREAKS })}
          </label>
          <input
            id={`${ids}-manual`}
            className="legend__input"
            data-testid="manual-breaks"
            inputMode="decimal"
            value={style.manualText}
            aria-invalid={style.manualIssue !== null}
            onChange={(e) => style.setManualText(e.target.value)}
          />
          {style.manualIssue ? (
            <p className="legend__issue" role="alert" data-testid="manual-breaks-issue">
              {t(`legend.manualIssue.${style.manualIssue}`, { max: MAX_MANUAL_BREAKS })}
            </p>
          ) : null}
        </div>
      ) : null}
      <h4 className="legend__classes-title" data-testid="plot-legend-title">
        {legendTitle(c, style.indicator, t)}
      </h4>
      <ul data-testid="plot-classes" data-indicator={c?.indicator ?? ""}>
        {c
          ? classRows(c, t, fmt).map((row) => (
              <li key={row.key} className="legend__item" data-testid="plot-class">
                <span className="legend__swatch" style={{ background: row.color, borderColor: row.color }} />
                <span className="legend__label" data-testid="plot-class-label">
                  {row.label}
                </span>
                <span className="legend__count">{t("legend.count", { count: row.count })}</span>
              </li>
            ))
          : null}
      </ul>
      <fieldset className="legend__overlays">
        <legend className="legend__field">{t("legend.overlays")}</legend>
        {PLOT_OVERLAYS.map((o) => (
          <label key={o} className="legend__item legend__toggle-item">
            <input
              type="checkbox"
              data-testid="overlay-toggle"
              data-overlay={o}
              checked={style.overlays[o]}
              onChange={(e) => style.setOverlay(o, e.target.checked)}
            />
            <span
              className={`legend__swatch legend__swatch--overlay legend__swatch--${o}`}
              aria-hidden="true"
            />
            {t(`legend.overlay.${o}`)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
