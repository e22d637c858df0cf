import type { AreaMetrics } from "@api/contract.ts";
import { useRef } from "react";
import { fetchMetrics, type Scope } from "../api_client.ts";
import { useAsync } from "../hooks/use_async.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { LoadStatus } from "./load_status.tsx";
import { TrendChart } from "./trend_chart.tsx";

/** How many statistics years the trend shows. */
const TREND_YEARS = 5;

/**
 * Five-year trend of the scope's 工业用地产出强度 (against its target) and 亩均税收: one metrics request per
 * year (`GET /api/{parks|zones}/:id/metrics?year=`), loaded after the dashboard's own year.
 */
export function ScopeTrend({ scope, years }: { scope: Scope; years: readonly number[] }) {
  const { lang, t } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const shown = years.slice(-TREND_YEARS);
  const [state, reload] = useAsync(`trend:${scope.type}:${scope.id}:${shown.join(",")}`, (signal) =>
    Promise.all(shown.map((y) => fetchMetrics(scope, y, langRef.current, signal))),
  );
  if (state.status === "loading") return <LoadStatus />;
  if (state.status === "error") return <LoadStatus error={state.error} onRetry={reload} />;
  const series = state.data;
  const point = (m: AreaMetrics, key: "outputPerMuWan" | "taxPerMuWan") => ({
    year: m.year,
    value: m.indicators[key].value,
  });
  const target = series.find((m) => m.indicators.outputPerMuWan.progress)?.indicators.outputPerMuWan.progress;
  return (
    <div className="dashboard__pair" data-testid="scope-trend">
      <TrendChart
        testId="scope-trend-output"
        title={t("indicator.outputPerMuWan")}
        unit={t("units.wanPerMu")}
        points={series.map((m) => point(m, "outputPerMuWan"))}
        reference={target ? { label: t("plotPanel.target"), value: target.target } : null}
      />
      <TrendChart
        testId="scope-trend-tax"
        title={t("indicator.taxPerMuWan")}
        unit={t("units.wanPerMu")}
        points={series.map((m) => point(m, "taxPerMuWan"))}
      />
    </div>
  );
}
