import { useRef } from "react";
import { LoadStatus } from "../components/load_status.tsx";
import { useAsync } from "../hooks/use_async.ts";
import { formatAreaMuHa, localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { LandMap } from "../map/land_map.tsx";
import { InquiryForm } from "./inquiry_form.tsx";
import { fetchLandPlot } from "./invest_api.ts";
import { formatPercent, formatWan, formatWanPerMu, landUseLabel, standardRows } from "./invest_format.ts";
import { investHash, MAX_COMPARE, toggleCompare } from "./invest_route.ts";
import { TransportList } from "./transport_list.tsx";

interface Props {
  id: number;
  compare: number[];
  onCompare(compare: number[]): void;
}

/** One offered plot: facts, floor price, 标准地 conditions, infrastructure, park, and the inquiry form. */
export function PlotPage({ id, compare, onCompare }: Props) {
  const { lang, t } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const [state, reload] = useAsync(`land-plot-${id}`, (signal) => fetchLandPlot(id, langRef.current, signal));
  if (state.status === "loading") return <LoadStatus />;
  if (state.status === "error") return <LoadStatus error={state.error} onRetry={reload} />;
  const p = state.data;
  const picked = compare.includes(p.id);
  const std = standardRows(p.standard, lang);
  const note = lang === "en" ? (p.infrastructureNoteEn ?? p.infrastructureNote) : p.infrastructureNote;
  const single = {
    type: "FeatureCollection" as const,
    features: [{ type: "Feature" as const, properties: p, geometry: p.geometry }],
  };
  return (
    <article className="invest-plot" data-testid="plot-page" data-plot-id={p.id}>
      <div className="invest-plot__main">
        <section className="panel">
          <p className="panel__hint">
            <a href={investHash({ view: "land", filters: {}, compare })}>{t("invest.nav.back")}</a>
          </p>
          <h2 className="invest-plot__title" data-testid="plot-title">
            {t("invest.plot.title", { code: p.code })}
          </h2>
          <p>
            {t("invest.plot.zonePark", {
              zone: localName({ name: p.zoneName, nameEn: p.zoneNameEn }, lang),
              park: localName(p.park, lang),
            })}
          </p>
          <dl className="invest-facts">
            <div>
              <dt>{t("invest.plot.area")}</dt>
              <dd data-testid="plot-area">{formatAreaMuHa(p.areaMu, lang)}</dd>
            </div>
            <div>
              <dt>{t("invest.plot.landUse")}</dt>
              <dd>{landUseLabel(p.landUse, lang)}</dd>
            </div>
            <div>
              <dt>{t("invest.plot.status")}</dt>
              <dd>{t(`invest.status.${p.status}`)}</dd>
            </div>
            <div>
              <dt>{t("invest.plot.floorPrice")}</dt>
              <dd data-testid="plot-price">
                {p.floorPricePerMuWan === null
                  ? t("invest.list.noPrice")
                  : formatWanPerMu(p.floorPricePerMuWan, lang)}
              </dd>
            </div>
            {p.floorPriceWan === null ? null : (
              <div>
                <dt>{t("invest.plot.floorPriceTotal")}</dt>
                <dd>{formatWan(p.floorPriceWan, lang)}</dd>
              </div>
            )}
            {p.publishedOn ? (
              <div>
                <dt>{t("invest.plot.published")}</dt>
                <dd>{p.publishedOn}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t("invest.plot.industries")}</dt>
              <dd>{p.industryCodes.join(", ")}</dd>
            </div>
          </dl>
          <div className="invest-card__actions">
            <button
              type="button"
              className="button"
              data-testid="plot-compare-toggle"
              aria-pressed={picked}
              disabled={!picked && compare.length >= MAX_COMPARE}
              onClick={() => onCompare(toggleCompare(compare, p.id))}
            >
              {picked ? t("invest.list.compareRemove") : t("invest.list.compareAdd")}
            </button>
            <a
              className="button"
              data-testid="plot-flyer-link"
              href={investHash({ view: "flyer", id: p.id, lang, compare: [] })}
              target="_blank"
              rel="noopener"
            >
              {t("invest.plot.flyer")}
            </a>
            <a
              className="button"
              data-testid="plot-park-link"
              href={investHash({ view: "park", id: p.park.id, compare })}
            >
              {t("invest.plot.parkProfile")}
            </a>
          </div>
        </section>
        <section className="panel" data-testid="plot-standard">
          <h3 className="panel__title">
            {p.isStandardLand ? t("invest.plot.standardTitle") : t("invest.plot.planned")}
          </h3>
          {p.isStandardLand ? (
            <dl className="invest-facts">
              {std.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <>
              <p className="panel__hint">{t("invest.plot.notStandard")}</p>
              <dl className="invest-facts">
                <div>
                  <dt>{t("invest.std.far")}</dt>
                  <dd>
                    {t("invest.std.farRange", {
                      min: p.planned.minFar ?? t("invest.plot.notSet"),
                      max: p.planned.maxFar ?? t("invest.plot.notSet"),
                    })}
                  </dd>
                </div>
                <div>
                  <dt>{t("invest.std.minCoverage")}</dt>
                  <dd>
                    {p.planned.minCoverageRatio === null
                      ? t("invest.plot.notSet")
                      : formatPercent(p.planned.minCoverageRatio, lang)}
                  </dd>
                </div>
              </dl>
            </>
          )}
        </section>
        <section className="panel">
          <h3 className="panel__title">{t("invest.plot.infrastructure")}</h3>
          <p>
            {t("invest.plot.servicing")}:{" "}
            {p.servicing.map((s) => t(`invest.servicing.${s}`)).join(lang === "en" ? ", " : "、")}
          </p>
          {note ? <p>{note}</p> : null}
          <h3 className="panel__title">{t("invest.plot.photos")}</h3>
          {p.photoPaths.length === 0 ? (
            <p className="panel__hint">{t("invest.plot.noPhotos")}</p>
          ) : (
            <div className="invest-photos">
              {p.photoPaths.map((src) => (
                <img key={src} src={src} alt={p.code} />
              ))}
            </div>
          )}
        </section>
        <section className="panel">
          <h3 className="panel__title">{t("invest.park.transport")}</h3>
          <TransportList transport={p.park.transport} />
          <p className="panel__hint">{t("invest.park.distanceNote")}</p>
        </section>
      </div>
      <div className="invest-plot__side">
        <div className="invest-plot__map">
          <LandMap
            land={single}
            highlightIds={[p.id]}
            onSelect={() => undefined}
            ariaLabel={t("invest.map.ariaLabel")}
          />
        </div>
        <InquiryForm plotId={p.id} parkId={p.park.id} />
      </div>
    </article>
  );
}
