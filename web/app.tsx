import { AppHeader } from "./components/app_header.tsx";
import { LoadStatus } from "./components/load_status.tsx";
import { PanelBoundary } from "./components/panel_boundary.tsx";
import { ZoneWorkspace } from "./components/zone_workspace.tsx";
import { useHashRoute } from "./hooks/use_hash_route.ts";
import { useWorkspaceSelection } from "./hooks/use_workspace_selection.ts";
import { useZones } from "./hooks/use_zones.ts";
import { useI18n } from "./i18n/i18n.tsx";

/**
 * The app: zones from /api; the hash route (`#/zone/<id>`, `#/park/<id>`, either with `/dashboard`, or
 * `#/plot/<id>`) picks what the map frames and which panel is open.
 */
export function App() {
  const { lang, t } = useI18n();
  const [zonesState, reloadZones] = useZones(lang);
  const [route, navigate] = useHashRoute();

  const zones = zonesState.status === "ok" ? zonesState.data : null;
  const sel = useWorkspaceSelection(zones, route);
  const { zone } = sel;

  return (
    <div className="app">
      <AppHeader
        zones={zones}
        zone={zone}
        park={sel.park}
        onSelectZone={(id) => navigate({ kind: "zone", id })}
      />
      {zonesState.status === "loading" || sel.loading ? <LoadStatus /> : null}
      {zonesState.status === "error" ? <LoadStatus error={zonesState.error} onRetry={reloadZones} /> : null}
      {sel.plotState.status === "error" ? (
        <LoadStatus error={sel.plotState.error} onRetry={sel.reloadPlot} />
      ) : null}
      {zones && zones.length === 0 ? <div className="load-status">{t("status.noZones")}</div> : null}
      {zone ? (
        <PanelBoundary name="workspace">
          <ZoneWorkspace
            zones={zones ?? []}
            zone={zone}
            park={sel.park}
            plot={sel.plot}
            dashboard={sel.dashboard}
            notice={sel.notice}
            navigate={navigate}
            onPlotChanged={sel.reloadPlot}
          />
        </PanelBoundary>
      ) : null}
    </div>
  );
}
