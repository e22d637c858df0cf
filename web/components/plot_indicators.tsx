import type { AreaMetrics, PlotDetail } from "@api/contract.ts";
import { useRef } from "react";
import { fetchMetrics } from "../api_client.ts";
import { useAsync } from "../hooks/use_async.ts";
import { formatIndicatorValue, formatPercent } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { Lang } from "../i18n/lang.ts";
import type { MessageKey } from "../i18n/zh_cn.ts";
import { TrendChart } from "./trend_chart.tsx";

type PlotKey = "outputPerMuWan" | "taxPerMuWan" | "investmentPerMuWan" | "far" | "coverage";

interface Row {
  key: PlotKey;
  label: MessageKey;
  /** The park figure it is compared with (TD/T 1029, industrial land). */
  parkKey: keyof AreaMetrics["indicators"];
  percent: boolean;
  /** The plot's own target: 标准地 terms or the planning conditions; else the zone's target for the park key. */
  target(plot: PlotDetail): number | null;
}

const ROWS: readonly Row[] = [
  {
    key: "outputPerMuWan",
    label: "indicator.outputPerMuWan",
    parkKey: "outputPerMuWan",
    percent: false,
    target: (p) => p.standard.minOutputPerMuWan,
  },
  {
    key: "taxPerMuWan",
    label: "indicator.taxPerMuWan",
    parkKey: "taxPerMuWan",
    percent: false,
    target: (p) => p.standard.minTaxPerMuWan,
  },
  {
    key: "investmentPerMuWan",
    label: "indicator.investmentPerMuWan",
    parkKey: "investmentPerMuWan",
    percent: false,
    target: (p) => p.standard.minInvestmentPerMuWan,
  },
  {
    key: "far",
    label: "indicator.far",
    parkKey: "industrialFar",
    percent: false,
    target: (p) => p.standard.minFar ?? p.planned.minFar,
  },
  {
    key: "coverage",
    label: "indicator.coverage",
    parkKey: "industrialCoverage",
    percent: true,
    target: (p) => p.standard.minCoverageRatio ?? p.planned.minCoverageRatio,
  },
];

const show = (v: number | null | undefined, percent: boolean, lang: Lang, dash: string) =>
  v === null || v === undefined ? dash : percent ? formatPercent(v, lang) : formatIndicatorValue(v, lang);

/**
 * The plot's indicators of its latest statistics year beside the park's figure of the same year
 * (`GET /api/parks/:id/metrics?year=`) and the target (标准地 terms, planning conditions or the zone's
 * target), then the five-year trend of 亩均产值 and 亩均税收.
 */
export function PlotIndicators({ plot }: { plot: PlotDetail }) {
  const { lang, t } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const year = plot.latest.year;
  const [parkState] = useAsync(`park-metrics:${plot.parkId}:${year}`, (signal) =>
    fetchMetrics({ type: "park", id: plot.parkId }, year, langRef.current, signal),
  );
  const park = parkState.status === "ok" ? parkState.data : null;
  const dash = "—";
  const lastFive = plot.indicators.slice(-5);
  const outputTarget =
    plot.standard.minOutputPerMuWan ?? park?.indicators.outputPerMuWan.target?.target ?? null;

  return (
    <section className="plot-section" aria-labelledby="plot-indicators-title">
      <h3 id="plot-indicators-title" className="plot-section__title">
        {t("plotPanel.indicators", { year })}
      </h3>
      <table className="data-table data-table--compact" data-testid="plot-indicators">
        <thead>
          <tr>
            <th scope="col">{t("plotPanel.indicator")}</th>
            <th scope="col">{t("plotPanel.plotValue")}</th>
            <th scope="col">{t("plotPanel.parkAverage")}</th>
            <th scope="col">{t("plotPanel.target")}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => {
            const own = plot.latest[r.key];
            const parkFig = park?.indicators[r.parkKey];
            const target = r.target(plot) ?? parkFig?.target?.target ?? null;
            return (
              <tr key={r.key} data-indicator={r.key}>
                <th scope="row">{t(r.label)}</th>
                <td title={own.reason ? (lang === "en" ? own.reason.en : own.reason.zh) : undefined}>
                  {show(own.value, r.percent, lang, dash)}
                </td>
                <td>{parkState.status === "error" ? dash : show(parkFig?.value, r.percent, lang, dash)}</td>
                <td>{show(target, r.percent, lang, dash)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="plot-section__note">{t("plotPanel.unitsNote")}</p>
      <TrendChart
        testId="plot-trend-output"
        title={t("indicator.outputPerMuWan")}
        unit={t("units.wanPerMu")}
        points={lastFive.map((i) => ({ year: i.year, value: i.outputPerMuWan.value }))}
        reference={outputTarget === null ? null : { label: t("plotPanel.target"), value: outputTarget }}
      />
      <TrendChart
        testId="plot-trend-tax"
        title={t("indicator.taxPerMuWan")}
        unit={t("units.wanPerMu")}
        points={lastFive.map((i) => ({ year: i.year, value: i.taxPerMuWan.value }))}
        reference={
          park?.indicators.taxPerMuWan.value != null
            ? { label: t("plotPanel.parkAverage"), value: park.indicators.taxPerMuWan.value }
            : null
        }
      />
    </section>
  );
}
