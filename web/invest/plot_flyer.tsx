import { useRef } from "react";
import { LoadStatus } from "../components/load_status.tsx";
import { useAsync } from "../hooks/use_async.ts";
import { formatAreaMuHa, formatNumber } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { type Lang, type MessageParams, translate } from "../i18n/lang.ts";
import type { MessageKey } from "../i18n/zh_cn.ts";
import { fetchLandPlot } from "./invest_api.ts";
import { formatWan, formatWanPerMu, landUseLabel, standardRows } from "./invest_format.ts";
import { investHash } from "./invest_route.ts";
import { sitePlanPath } from "./site_plan.ts";

const PLAN_SIZE = 220;

/**
 * A printable A4 flyer of one plot (`#/invest/flyer/<id>?lang=en|zh-CN`; default the UI language): facts,
 * floor price, 标准地 conditions, transport, an outline of the plot, the online link and the 示意数据 note.
 * Print CSS in invest.css sets the page to A4 and hides the print button.
 */
export function PlotFlyer({ id, forcedLang }: { id: number; forcedLang: Lang | null }) {
  const ui = useI18n();
  const lang = forcedLang ?? ui.lang;
  const tt = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
  const langRef = useRef(lang);
  langRef.current = lang;
  const [state, reload] = useAsync(`flyer-${id}-${lang}`, (signal) =>
    fetchLandPlot(id, langRef.current, signal),
  );
  if (state.status === "loading") return <LoadStatus />;
  if (state.status === "error") return <LoadStatus error={state.error} onRetry={reload} />;
  const p = state.data;
  const name = (x: { name: string; nameEn: string | null }) =>
    lang === "en" && x.nameEn ? x.nameEn : x.name;
  const zone = name({ name: p.zoneName, nameEn: p.zoneNameEn });
  const url = `${window.location.origin}${window.location.pathname}${investHash({ view: "plot", id: p.id, compare: [] })}`;
  const transport = [
    ["invest.park.port", p.park.transport.port],
    ["invest.park.railway", p.park.transport.railway],
    ["invest.park.highway", p.park.transport.highway],
  ] as const;
  const note = lang === "en" ? (p.infrastructureNoteEn ?? p.infrastructureNote) : p.infrastructureNote;
  return (
    <article className="invest-flyer" lang={lang} data-testid="plot-flyer" data-lang={lang}>
      <button type="button" className="button invest-flyer__print" onClick={() => window.print()}>
        {tt("invest.flyer.print")}
      </button>
      <header className="invest-flyer__head">
        <p className="invest-flyer__kicker">
          {zone} · {name(p.park)}
        </p>
        <h1>{tt("invest.flyer.heading")}</h1>
        <p className="invest-flyer__code">{tt("invest.plot.title", { code: p.code })}</p>
        {p.isDemo ? <p className="invest-flyer__demo">{tt("demo.banner")}</p> : null}
      </header>
      <div className="invest-flyer__body">
        <svg
          className="invest-flyer__plan"
          viewBox={`0 0 ${PLAN_SIZE} ${PLAN_SIZE}`}
          width={PLAN_SIZE}
          height={PLAN_SIZE}
          role="img"
          aria-label={p.code}
        >
          <rect width={PLAN_SIZE} height={PLAN_SIZE} fill="#f2f0eb" />
          <path
            d={sitePlanPath(p.geometry, PLAN_SIZE)}
            fill="#0072B2"
            fillOpacity={0.35}
            stroke="#12355b"
            strokeWidth={1.5}
          />
          <text x={PLAN_SIZE - 14} y={18} fontSize={12} textAnchor="middle">
            N
          </text>
        </svg>
        <dl className="invest-facts">
          <div>
            <dt>{tt("invest.plot.area")}</dt>
            <dd>{formatAreaMuHa(p.areaMu, lang)}</dd>
          </div>
          <div>
            <dt>{tt("invest.plot.landUse")}</dt>
            <dd>{landUseLabel(p.landUse, lang)}</dd>
          </div>
          <div>
            <dt>{tt("invest.plot.status")}</dt>
            <dd>{tt(`invest.status.${p.status}`)}</dd>
          </div>
          <div>
            <dt>{tt("invest.plot.floorPrice")}</dt>
            <dd data-testid="flyer-price">
              {p.floorPricePerMuWan === null
                ? tt("invest.list.noPrice")
                : formatWanPerMu(p.floorPricePerMuWan, lang)}
              {p.floorPriceWan === null ? "" : ` (${formatWan(p.floorPriceWan, lang)})`}
            </dd>
          </div>
          <div>
            <dt>{tt("invest.plot.industries")}</dt>
            <dd>{p.industryCodes.join(", ")}</dd>
          </div>
          <div>
            <dt>{tt("invest.plot.servicing")}</dt>
            <dd>{p.servicing.map((s) => tt(`invest.servicing.${s}`)).join(lang === "en" ? ", " : "、")}</dd>
          </div>
        </dl>
      </div>
      <section>
        <h2>{p.isStandardLand ? tt("invest.plot.standardTitle") : tt("invest.plot.planned")}</h2>
        {p.isStandardLand ? (
          <dl className="invest-facts invest-facts--two">
            {standardRows(p.standard, lang).map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p>{tt("invest.plot.notStandard")}</p>
        )}
      </section>
      <section>
        <h2>{tt("invest.park.transport")}</h2>
        <dl className="invest-facts invest-facts--two">
          {transport.map(([key, v]) => (
            <div key={key}>
              <dt>{tt(key)}</dt>
              <dd>
                {v
                  ? tt("invest.park.distance", {
                      name: name(v),
                      km: formatNumber(v.distanceM / 1000, lang, 0),
                    })
                  : tt("invest.park.noData")}
              </dd>
            </div>
          ))}
        </dl>
        {note ? <p>{note}</p> : null}
      </section>
      <footer className="invest-flyer__foot">
        <p>{tt("invest.flyer.contact", { zone })}</p>
        <p>{tt("invest.flyer.link", { url })}</p>
        {p.isDemo ? <p>{tt("invest.flyer.demo")}</p> : null}
      </footer>
    </article>
  );
}
