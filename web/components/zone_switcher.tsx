import type { Zone } from "@api/schemas/zones.ts";
import { localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** Tabs for the zones (文山高新区 / 临沧高新区 …). */
export function ZoneSwitcher({
  zones,
  zoneId,
  onSelect,
}: {
  zones: Zone[];
  zoneId: number;
  onSelect(id: number): void;
}) {
  const { lang, t } = useI18n();
  return (
    <nav className="zone-switcher" aria-label={t("zone.switcherLabel")} data-testid="zone-switcher">
      {zones.map((z) => (
        <button
          key={z.id}
          type="button"
          className={`zone-switcher__tab${z.id === zoneId ? " zone-switcher__tab--active" : ""}`}
          aria-current={z.id === zoneId ? "page" : undefined}
          data-zone-id={z.id}
          onClick={() => onSelect(z.id)}
        >
          <span className="zone-switcher__name">{localName(z, lang)}</span>
          <span className="zone-switcher__level">{t(`zone.level.${z.level}`)}</span>
        </button>
      ))}
    </nav>
  );
}
