import type { LandProperties } from "@api/schemas/land.ts";
import { formatMu } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { formatWanPerMu } from "./invest_format.ts";
import { MAX_COMPARE, toggleCompare } from "./invest_route.ts";

interface Props {
  plots: LandProperties[];
  compare: number[];
  onCompare(compare: number[]): void;
  onOpen(id: number): void;
}

/** The offered plots as cards: code, park, area, floor price, 标准地 badge, details and compare buttons. */
export function LandList({ plots, compare, onCompare, onOpen }: Props) {
  const { lang, t } = useI18n();
  const total = plots.reduce((s, p) => s + p.areaMu, 0);
  return (
    <section className="invest-list panel" aria-label={t("invest.list.title")}>
      <h2 className="panel__title" data-testid="land-count" data-count={plots.length}>
        {t("invest.list.count", { count: plots.length, area: formatMu(total, lang) })}
      </h2>
      {plots.length === 0 ? <p className="panel__hint">{t("invest.list.empty")}</p> : null}
      <ul className="invest-list__items">
        {plots.map((p) => {
          const picked = compare.includes(p.id);
          const full = !picked && compare.length >= MAX_COMPARE;
          return (
            <li key={p.id} className="invest-card" data-testid="land-item" data-plot-id={p.id}>
              <div className="invest-card__head">
                <strong>{p.code}</strong>
                {p.isStandardLand ? (
                  <span className="invest-badge">{t("invest.filter.standard")}</span>
                ) : null}
                {p.status === "reclaimed" ? (
                  <span className="invest-badge invest-badge--reclaimed">{t("invest.status.reclaimed")}</span>
                ) : null}
              </div>
              <div className="invest-card__meta">
                <span>{lang === "en" ? p.parkNameEn : p.parkName}</span>
                <span data-testid="land-item-area" data-area-mu={p.areaMu}>
                  {formatMu(p.areaMu, lang)}
                </span>
                <span>
                  {p.floorPricePerMuWan === null
                    ? t("invest.list.noPrice")
                    : t("invest.list.price", { value: formatWanPerMu(p.floorPricePerMuWan, lang) })}
                </span>
              </div>
              <div className="invest-card__actions">
                <button
                  type="button"
                  className="button"
                  data-testid="land-item-open"
                  onClick={() => onOpen(p.id)}
                >
                  {t("invest.list.open")}
                </button>
                <button
                  type="button"
                  className="button"
                  data-testid="compare-toggle"
                  aria-pressed={picked}
                  disabled={full}
                  title={full ? t("invest.list.compareFull") : undefined}
                  onClick={() => onCompare(toggleCompare(compare, p.id))}
                >
                  {picked ? t("invest.list.compareRemove") : t("invest.list.compareAdd")}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
