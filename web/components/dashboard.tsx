import type { AreaMetrics } from "@api/contract.ts";
import type { Zone } from "@api/schemas/zones.ts";
import { useRef, useState } from "react";
import { fetchMetrics, fetchScopePlots, type Scope } from "../api_client.ts";
import { useAsync } from "../hooks/use_async.ts";
import { formatNumber, localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { GRADE_COLORS, NO_DATA_COLOR } from "../map/layers/palette.ts";
import { BarChart } from "./bar_chart.tsx";
import { FlaggedPlots } from "./flagged_plots.tsx";
import { KpiTiles } from "./kpi_tiles.tsx";
import { LoadStatus } from "./load_status.tsx";
import { EnterpriseRanking, ParkRanking } from "./rankings.tsx";
import { ScopeTrend } from "./scope_trend.tsx";

const GRADES = ["A", "B", "C", "D"] as const;

interface DashboardData {
  metrics: AreaMetrics;
  plots: Awaited<ReturnType<typeof fetchScopePlots>>;
  /** Each park's metrics (zone dashboards only), for the park ranking. */
  parkMetrics: AreaMetrics[];
}

/**
 * The park or zone dashboard for one statistics year: KPI tiles (TD/T 1029 and output intensity against
 * target), the 亩均 grade distribution, park and enterprise rankings, and the idle / low-efficiency plots
 * (click → the plot, zoomed). Every table exports to CSV and XLSX.
 */
export function Dashboard({
  zone,
  scope,
  onOpenPlot,
  onClose,
}: {
  zone: Zone;
  scope: Scope;
  onOpenPlot(id: number): void;
  onClose(): void;
}) {
  const { lang, t } = useI18n();
  const [year, setYear] = useState<number | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;
  const [state, reload] = useAsync(`dashboard:${scope.type}:${scope.id}:${year}`, async (signal) => {
    const l = langRef.current;
    const [metrics, plots, parkMetrics] = await Promise.all([
      fetchMetrics(scope, year, l, signal),
      fetchScopePlots(scope, year, l, signal),
      scope.type === "zone"
        ? Promise.all(zone.parks.map((p) => fetchMetrics({ type: "park", id: p.id }, year, l, signal)))
        : Promise.resolve([]),
    ]);
    return { metrics, plots, parkMetrics } satisfies DashboardData;
  });
  const park = scope.type === "park" ? zone.parks.find((p) => p.id === scope.id) : undefined;
  const scopeName = park ? localName(park, lang) : localName(zone, lang);
  const data = state.status === "ok" ? state.data : null;
  const shownYear = data?.metrics.year ?? year;

  return (
    <section
      className="dashboard"
      data-testid="dashboard"
      data-scope={scope.type}
      data-scope-id={scope.id}
      data-year={shownYear ?? ""}
      data-ready={data ? "true" : "false"}
      aria-labelledby="dashboard-title"
    >
      <header className="dashboard__head">
        <h2 id="dashboard-title" className="panel__title">
          {t(scope.type === "park" ? "dashboard.parkTitle" : "dashboard.zoneTitle", { name: scopeName })}
        </h2>
        {data?.metrics.isDemo ? <span className="chip chip--demo">{t("demo.banner")}</span> : null}
        <label className="dashboard__year">
          {t("dashboard.year")}
          <select
            data-testid="dashboard-year"
            value={shownYear ?? ""}
            onChange={(e) => setYear(Number(e.target.value))}
            disabled={!data}
          >
            {(data?.metrics.availableYears ?? []).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--icon"
          onClick={onClose}
          aria-label={t("dashboard.close")}
          data-testid="dashboard-close"
        >
          <span aria-hidden="true" className="icon-close" />
        </button>
      </header>
      {state.status === "loading" ? <LoadStatus /> : null}
      {state.status === "error" ? <LoadStatus error={state.error} onRetry={reload} /> : null}
      {data ? (
        <div className="dashboard__body">
          <KpiTiles metrics={data.metrics} />
          <ScopeTrend scope={scope} years={data.metrics.availableYears} />
          <div className="dashboard__pair">
            <BarChart
              testId="grade-chart"
              title={t("dashboard.gradeDistribution", {
                count: formatNumber(data.metrics.dataCoverage.enterprises, lang),
              })}
              bars={[...GRADES, "ungraded" as const].map((g) => ({
                key: g,
                label: g === "ungraded" ? t("legend.ungraded") : t(`grade.${g}`),
                value: data.metrics.gradeCounts[g],
                text: t("dashboard.firmCount", { count: data.metrics.gradeCounts[g] }),
                color: g === "ungraded" ? NO_DATA_COLOR : GRADE_COLORS[g],
              }))}
            />
            {scope.type === "zone" ? (
              <ParkRanking parks={zone.parks} metrics={data.parkMetrics} year={data.metrics.year} />
            ) : null}
          </div>
          <EnterpriseRanking
            plots={data.plots.features.map((f) => f.properties)}
            year={data.metrics.year}
            scopeName={scopeName}
          />
          <FlaggedPlots
            plots={data.plots.features.map((f) => f.properties)}
            parks={zone.parks}
            year={data.metrics.year}
            scopeName={scopeName}
            onOpenPlot={onOpenPlot}
          />
        </div>
      ) : null}
    </section>
  );
}
