import { AppHeader } from "./components/app_header.tsx";
import { LoadStatus } from "./components/load_status.tsx";
import { PanelBoundary } from "./components/panel_boundary.tsx";
import { ZoneWorkspace } from "./components/zone_workspace.tsx";
import { useHashRoute } from "./hooks/use_hash_route.ts";
import { useZones } from "./hooks/use_zones.ts";
import { useI18n } from "./i18n/i18n.tsx";
import { resolveSelection } from "./state/selection.ts";

/** The app: zones from /api, the hash route (`#/zone/<id>`, `#/park/<id>`) picks what the map frames. */
export function App() {
  const { lang, t } = useI18n();
  const [zonesState, reloadZones] = useZones(lang);
  const [route, navigate] = useHashRoute();

  const zones = zonesState.status === "ok" ? zonesState.data : null;
  const { zone, park, missing } = resolveSelection(zones ?? [], route);
  const notice = missing
    ? t(missing.kind === "park" ? "error.parkNotFound" : "error.zoneNotFound", { id: missing.id })
    : null;

  return (
    <div className="app">
      <AppHeader zones={zones} zone={zone} onSelectZone={(id) => navigate({ kind: "zone", id })} />
      {zonesState.status === "loading" ? <LoadStatus /> : null}
      {zonesState.status === "error" ? <LoadStatus error={zonesState.error} onRetry={reloadZones} /> : null}
      {zones && !zone ? <div className="load-status">{t("status.noZones")}</div> : null}
      {zone ? (
        <PanelBoundary name="workspace">
          <ZoneWorkspace
            zone={zone}
            park={park}
            notice={notice}
            onSelectPark={(id) => navigate({ kind: "park", id })}
            onShowZone={() => navigate({ kind: "zone", id: zone.id })}
          />
        </PanelBoundary>
      ) : null}
    </div>
  );
}
