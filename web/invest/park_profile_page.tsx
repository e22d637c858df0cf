import { useRef } from "react";
import { LoadStatus } from "../components/load_status.tsx";
import { useAsync } from "../hooks/use_async.ts";
import { formatMu, localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { fetchParkProfile } from "./invest_api.ts";
import { formatWanPerMu } from "./invest_format.ts";
import { investHash } from "./invest_route.ts";
import { TransportList } from "./transport_list.tsx";

/** Public park profile: leading industries, transport, offered land, aggregates (suppressed below 3 firms). */
export function ParkProfilePage({ id, compare }: { id: number; compare: number[] }) {
  const { lang, t } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const [state, reload] = useAsync(`park-profile-${id}`, (signal) =>
    fetchParkProfile(id, langRef.current, signal),
  );
  if (state.status === "loading") return <LoadStatus />;
  if (state.status === "error") return <LoadStatus error={state.error} onRetry={reload} />;
  const p = state.data;
  const a = p.aggregates;
  return (
    <article className="invest-park" data-testid="park-profile" data-park-id={p.id}>
      <section className="panel">
        <p className="panel__hint">
          <a href={investHash({ view: "land", filters: {}, compare })}>{t("invest.nav.back")}</a>
        </p>
        <h2 className="invest-plot__title">{localName(p, lang)}</h2>
        <p>
          {localName({ name: p.zoneName, nameEn: p.zoneNameEn }, lang)} · {t(`role.${p.role}`)}
        </p>
        <dl className="invest-facts">
          <div>
            <dt>{t("invest.park.county")}</dt>
            <dd>{lang === "en" ? p.countyEn : p.county}</dd>
          </div>
          <div>
            <dt>{t("invest.park.industries")}</dt>
            <dd data-testid="park-industries">
              {(lang === "en" ? p.industriesEn : p.industries).join(lang === "en" ? ", " : "、")} (
              {p.industryCodes.join(", ")})
            </dd>
          </div>
          {p.partnerName ? (
            <div>
              <dt>{t(`role.${p.role}`)}</dt>
              <dd>{t("invest.park.partner", { name: p.partnerName })}</dd>
            </div>
          ) : null}
        </dl>
        <p>
          {t("invest.park.offered", { count: p.offeredPlots, area: formatMu(p.offeredAreaMu, lang) })}{" "}
          <a
            href={investHash({ view: "land", filters: { zone: p.zoneId, park: p.id }, compare })}
            data-testid="park-land-link"
          >
            {t("invest.park.viewLand")}
          </a>
        </p>
      </section>
      <section className="panel">
        <h3 className="panel__title">{t("invest.park.transport")}</h3>
        <TransportList transport={p.transport} />
        <p className="panel__hint">{t("invest.park.distanceNote")}</p>
      </section>
      <section className="panel" data-testid="park-aggregates" data-suppressed={a.suppressed}>
        <h3 className="panel__title">{t("invest.park.aggregates", { year: a.year ?? "–" })}</h3>
        {a.suppressed || a.parkOutputPerMuWan === null || a.parkTaxPerMuWan === null ? (
          <p className="panel__hint">{t("invest.park.suppressed", { min: a.minEnterprises })}</p>
        ) : (
          <dl className="invest-facts">
            <div>
              <dt>{t("invest.park.outputPerMu")}</dt>
              <dd>{formatWanPerMu(a.parkOutputPerMuWan, lang)}</dd>
            </div>
            <div>
              <dt>{t("invest.park.taxPerMu")}</dt>
              <dd>{formatWanPerMu(a.parkTaxPerMuWan, lang)}</dd>
            </div>
          </dl>
        )}
      </section>
      <section className="panel">
        <h3 className="panel__title">{t("invest.park.enterprises")}</h3>
        {p.publicEnterprises.length === 0 ? (
          <p className="panel__hint">{t("invest.park.noEnterprises")}</p>
        ) : (
          <ul>
            {p.publicEnterprises.map((e) => (
              <li key={e.name}>{lang === "en" && e.nameEn ? e.nameEn : e.name}</li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
