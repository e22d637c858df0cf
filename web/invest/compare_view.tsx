import type { LandPlot } from "@api/schemas/land.ts";
import { useRef } from "react";
import { LoadStatus } from "../components/load_status.tsx";
import { useAsync } from "../hooks/use_async.ts";
import { formatMu, localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { fetchLandPlot } from "./invest_api.ts";
import { formatWan, formatWanPerMu, landUseLabel, standardRows } from "./invest_format.ts";
import { investHash } from "./invest_route.ts";

/** Up to four offered plots side by side: park, area, use, floor price and every 标准地 condition. */
export function CompareView({ ids, onCompare }: { ids: number[]; onCompare(compare: number[]): void }) {
  const { lang, t } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const [state, reload] = useAsync(`compare-${ids.join(",")}`, (signal) =>
    Promise.all(ids.map((id) => fetchLandPlot(id, langRef.current, signal))),
  );
  if (ids.length === 0)
    return (
      <section className="panel" data-testid="compare-empty">
        <p>{t("invest.compare.empty")}</p>
      </section>
    );
  if (state.status === "loading") return <LoadStatus />;
  if (state.status === "error") return <LoadStatus error={state.error} onRetry={reload} />;
  const plots = state.data;
  const stdLabels = [...new Set(plots.flatMap((p) => standardRows(p.standard, lang).map(([l]) => l)))];
  const rows: Array<[string, (p: LandPlot) => string]> = [
    [t("invest.compare.park"), (p) => localName(p.park, lang)],
    [t("invest.plot.area"), (p) => formatMu(p.areaMu, lang)],
    [t("invest.plot.landUse"), (p) => landUseLabel(p.landUse, lang)],
    [t("invest.plot.status"), (p) => t(`invest.status.${p.status}`)],
    [t("invest.filter.standard"), (p) => (p.isStandardLand ? "✓" : "–")],
    [
      t("invest.plot.floorPrice"),
      (p) => (p.floorPricePerMuWan === null ? "–" : formatWanPerMu(p.floorPricePerMuWan, lang)),
    ],
    [
      t("invest.plot.floorPriceTotal"),
      (p) => (p.floorPriceWan === null ? "–" : formatWan(p.floorPriceWan, lang)),
    ],
    [t("invest.plot.industries"), (p) => p.industryCodes.join(", ")],
    [
      t("invest.plot.servicing"),
      (p) => p.servicing.map((s) => t(`invest.servicing.${s}`)).join(lang === "en" ? ", " : "、"),
    ],
    ...stdLabels.map((label): [string, (p: LandPlot) => string] => [
      label,
      (p) => standardRows(p.standard, lang).find(([l]) => l === label)?.[1] ?? "–",
    ]),
  ];
  return (
    <section className="panel invest-compare">
      <h2 className="panel__title">{t("invest.compare.title")}</h2>
      <div className="invest-compare__scroll">
        <table data-testid="compare-table" data-count={plots.length}>
          <thead>
            <tr>
              <th scope="col">{t("invest.compare.criterion")}</th>
              {plots.map((p) => (
                <th key={p.id} scope="col" data-testid="compare-col" data-plot-id={p.id}>
                  <a href={investHash({ view: "plot", id: p.id, compare: ids })}>{p.code}</a>{" "}
                  <button
                    type="button"
                    className="button"
                    onClick={() => onCompare(ids.filter((x) => x !== p.id))}
                  >
                    {t("invest.compare.remove")}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, cell]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {plots.map((p) => (
                  <td key={p.id}>{cell(p)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
