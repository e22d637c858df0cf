import type { ParkSummary, Zone } from "@api/schemas/zones.ts";
import { UserMenu } from "../auth/user_menu.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { DemoBanner } from "./demo_banner.tsx";
import { ImportButton } from "./import_button.tsx";
import { LanguageSwitch } from "./language_switch.tsx";
import { PanelBoundary } from "./panel_boundary.tsx";
import { ZoneSwitcher } from "./zone_switcher.tsx";

interface AppHeaderProps {
  zones: Zone[] | null;
  zone: Zone | null;
  /** The selected park (the import dialog's default park). */
  park?: ParkSummary | null;
  onSelectZone(id: number): void;
}

/** Title, zone tabs, the 示意数据 banner (when the shown zone is demo data), import, the language switch and the account. */
export function AppHeader({ zones, zone, park = null, onSelectZone }: AppHeaderProps) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true" />
        <div>
          <h1 className="app-header__title" data-testid="app-title">
            {t("app.title")}
          </h1>
          <span className="app-header__product">{t("app.brand")}</span>
        </div>
      </div>
      <PanelBoundary name="zone-switcher">
        {zones && zone ? <ZoneSwitcher zones={zones} zoneId={zone.id} onSelect={onSelectZone} /> : null}
      </PanelBoundary>
      <div className="app-header__end">
        {zone?.isDemo ? <DemoBanner /> : null}
        {zone ? <ImportButton zone={zone} park={park} /> : null}
        <LanguageSwitch />
        <UserMenu />
      </div>
    </header>
  );
}
