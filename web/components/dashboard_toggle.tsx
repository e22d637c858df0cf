import type { ParkSummary, Zone } from "@api/schemas/zones.ts";
import { localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** Opens or closes the dashboard of the selected park (or of the whole zone when no park is selected). */
export function DashboardToggle({
  zone,
  park,
  open,
  onToggle,
}: {
  zone: Zone;
  park: ParkSummary | null;
  open: boolean;
  onToggle(): void;
}) {
  const { lang, t } = useI18n();
  const name = park ? localName(park, lang) : localName(zone, lang);
  return (
    <button
      type="button"
      className={`button button--primary dashboard-toggle${open ? " dashboard-toggle--open" : ""}`}
      aria-expanded={open}
      data-testid="dashboard-toggle"
      data-scope={park ? "park" : "zone"}
      onClick={onToggle}
    >
      {t(open ? "dashboard.hide" : "dashboard.show", { name })}
    </button>
  );
}
