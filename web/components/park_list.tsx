import type { ParkSummary, Zone } from "@api/schemas/zones.ts";
import { formatMu, localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

interface ParkListProps {
  zone: Zone;
  selectedParkId: number | null;
  onSelectPark(id: number): void;
  onShowZone(): void;
}

const ROLE_ORDER = { core: 0, park: 1, enclave: 2 } as const;

function ParkItem({
  park,
  zone,
  selected,
  onSelect,
}: {
  park: ParkSummary;
  zone: Zone;
  selected: boolean;
  onSelect(): void;
}) {
  const { lang, t } = useI18n();
  const partner =
    park.partnerParkId === null ? undefined : zone.parks.find((p) => p.id === park.partnerParkId);
  return (
    <li>
      <button
        type="button"
        className={`park-item park-item--${park.role}${selected ? " park-item--selected" : ""}`}
        aria-pressed={selected}
        data-testid="park-item"
        data-park-id={park.id}
        onClick={onSelect}
      >
        <span className="park-item__head">
          <span className="park-item__name">{localName(park, lang)}</span>
          <span className={`role-badge role-badge--${park.role}`}>{t(`role.${park.role}`)}</span>
        </span>
        <span className="park-item__meta">
          <span title={t("parkList.county")}>{lang === "en" ? park.countyEn : park.county}</span>
          <span title={t("parkList.area")}>{formatMu(park.boundaryAreaMu, lang)}</span>
          <span title={t("parkList.plots")}>{t("parkList.plotCount", { count: park.plotCount })}</span>
        </span>
        {partner ? (
          <span className="park-item__partner">
            {t("parkList.partner", { name: localName(partner, lang) })}
          </span>
        ) : null}
      </button>
    </li>
  );
}

/** The zone's parks (core first, then parks, then enclaves); clicking one frames it on the map. */
export function ParkList({ zone, selectedParkId, onSelectPark, onShowZone }: ParkListProps) {
  const { t } = useI18n();
  const parks = [...zone.parks].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.id - b.id);
  return (
    <section className="panel park-list" data-testid="park-list" aria-labelledby="park-list-title">
      <header className="panel__header">
        <h2 id="park-list-title" className="panel__title">
          {t("parkList.title")}
          <span className="panel__count">{t("zone.parkCount", { count: zone.parks.length })}</span>
        </h2>
        <button
          type="button"
          className="button button--link"
          onClick={onShowZone}
          disabled={selectedParkId === null}
          data-testid="show-zone"
        >
          {t("parkList.showAll")}
        </button>
      </header>
      <ul className="park-list__items">
        {parks.map((p) => (
          <ParkItem
            key={p.id}
            park={p}
            zone={zone}
            selected={p.id === selectedParkId}
            onSelect={() => onSelectPark(p.id)}
          />
        ))}
      </ul>
    </section>
  );
}
