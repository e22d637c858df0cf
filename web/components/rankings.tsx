import type { AreaMetrics } from "@api/contract.ts";
import type { PlotListProperties } from "@api/schemas/plots.ts";
import type { ParkSummary } from "@api/schemas/zones.ts";
import { enterpriseRanking, type RankedEnterprise } from "@geo/enterprise_ranking.ts";
import type { TableData } from "../export/table_data.ts";
import { formatIndicatorValue, formatMu, formatNumber, localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { BarChart } from "./bar_chart.tsx";
import { ExportButtons } from "./export_buttons.tsx";

/** How many enterprises the top and bottom lists show. */
const TOP_N = 5;

/** Parks of a zone ranked by 工业用地产出强度 (万元/亩), with tax per mu and the TD/T total score; chart and table. */
export function ParkRanking({
  parks,
  metrics,
  year,
}: {
  parks: readonly ParkSummary[];
  metrics: readonly AreaMetrics[];
  year: number;
}) {
  const { lang, t } = useI18n();
  const rows = parks
    .map((p) => ({ park: p, m: metrics.find((m) => m.scope.id === p.id) }))
    .map(({ park, m }) => ({
      park,
      output: m?.indicators.outputPerMuWan.value ?? null,
      tax: m?.indicators.taxPerMuWan.value ?? null,
      score: m?.scores.total.value ?? null,
      target: m?.indicators.outputPerMuWan.progress?.target ?? null,
    }))
    .sort((a, b) => (b.output ?? -Infinity) - (a.output ?? -Infinity));
  const table: TableData = {
    name: t("dashboard.parkRankingFile", { year }),
    columns: [
      t("dashboard.rank"),
      t("plotPanel.park"),
      `${t("indicator.outputPerMuWan")}（${t("units.wanPerMu")}）`,
      `${t("indicator.taxPerMuWan")}（${t("units.wanPerMu")}）`,
      t("dashboard.totalScore"),
    ],
    rows: rows.map((r, i) => [i + 1, localName(r.park, lang), r.output, r.tax, r.score]),
  };
  const target = rows.find((r) => r.target !== null)?.target ?? null;
  return (
    <section className="dashboard__section" aria-labelledby="park-ranking-title" data-testid="park-ranking">
      <header className="dashboard__section-head">
        <h3 id="park-ranking-title" className="plot-section__title">
          {t("dashboard.parkRanking")}
        </h3>
        <ExportButtons table={table} />
      </header>
      <BarChart
        title={t("legend.titleWithUnit", { name: t("indicator.outputPerMuWan"), unit: t("units.wanPerMu") })}
        bars={rows.map((r) => ({
          key: String(r.park.id),
          label: localName(r.park, lang),
          value: r.output ?? 0,
          text: r.output === null ? "—" : formatIndicatorValue(r.output, lang),
        }))}
        reference={target === null ? null : { label: t("plotPanel.target"), value: target }}
      />
      <table className="data-table data-table--compact">
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
          {rows.map((r, i) => (
            <tr key={r.park.id} data-testid="park-ranking-row" data-park-id={r.park.id}>
              <td className="num">{i + 1}</td>
              <th scope="row">{localName(r.park, lang)}</th>
              <td className="num">{r.output === null ? "—" : formatIndicatorValue(r.output, lang)}</td>
              <td className="num">{r.tax === null ? "—" : formatIndicatorValue(r.tax, lang)}</td>
              <td className="num">{r.score === null ? "—" : formatNumber(r.score, lang, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function FirmTable({ title, firms, testId }: { title: string; firms: RankedEnterprise[]; testId: string }) {
  const { lang, t } = useI18n();
  return (
    <table className="data-table data-table--compact" data-testid={testId}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t("dashboard.rank")}</th>
          <th scope="col">{t("plotPanel.enterprise")}</th>
          <th scope="col">{t("units.wanPerMu")}</th>
          <th scope="col">{t("plotPanel.area")}</th>
        </tr>
      </thead>
      <tbody>
        {firms.map((f) => (
          <tr key={f.enterpriseId} data-enterprise-id={f.enterpriseId}>
            <td className="num">{f.rank}</td>
            <th scope="row">{f.enterpriseName}</th>
            <td className="num">{formatIndicatorValue(f.value, lang)}</td>
            <td className="num">{formatMu(f.areaMu, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Enterprises of the scope ranked by 亩均产值 (geo `enterpriseRanking` over the year's plot list): the top
 * and bottom five; the full ranking exports to CSV and XLSX.
 */
export function EnterpriseRanking({
  plots,
  year,
  scopeName,
}: {
  plots: readonly PlotListProperties[];
  year: number;
  scopeName: string;
}) {
  const { t } = useI18n();
  const ranked = enterpriseRanking(
    plots.map((p) => ({
      enterpriseId: p.enterpriseId,
      enterpriseName: p.enterpriseName,
      areaMu: p.areaMu,
      value: p.outputPerMuWan,
    })),
  );
  const top = ranked.slice(0, TOP_N);
  const bottom = ranked.slice(Math.max(TOP_N, ranked.length - TOP_N)).reverse();
  const table: TableData = {
    name: t("dashboard.firmRankingFile", { scope: scopeName, year }),
    columns: [
      t("dashboard.rank"),
      t("plotPanel.enterprise"),
      `${t("indicator.outputPerMuWan")}（${t("units.wanPerMu")}）`,
      `${t("plotPanel.area")}（${t("units.mu")}）`,
      t("parkList.plots"),
    ],
    rows: ranked.map((f) => [f.rank, f.enterpriseName, f.value, f.areaMu, f.plotCount]),
  };
  return (
    <section className="dashboard__section" aria-labelledby="firm-ranking-title" data-testid="firm-ranking">
      <header className="dashboard__section-head">
        <h3 id="firm-ranking-title" className="plot-section__title">
          {t("dashboard.firmRanking", { count: ranked.length })}
        </h3>
        <ExportButtons table={table} />
      </header>
      <div className="dashboard__pair">
        <FirmTable title={t("dashboard.top", { n: top.length })} firms={top} testId="firm-top" />
        <FirmTable title={t("dashboard.bottom", { n: bottom.length })} firms={bottom} testId="firm-bottom" />
      </div>
    </section>
  );
}
