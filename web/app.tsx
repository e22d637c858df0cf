import { useRef } from "react";
import { AppHeader } from "./components/app_header.tsx";
import { LoadStatus } from "./components/load_status.tsx";
import { PanelBoundary } from "./components/panel_boundary.tsx";
import { ZoneWorkspace } from "./components/zone_workspace.tsx";
import { useHashRoute } from "./hooks/use_hash_route.ts";
import { usePlotDetail } from "./hooks/use_plot_detail.ts";
import { useZones } from "./hooks/use_zones.ts";
import { useI18n } from "./i18n/i18n.tsx";
import { type PlotLocation, resolveSelection, type Selection } from "./state/selection.ts";

const NOT_FOUND = {
  zone: "error.zoneNotFound",
  park: "error.parkNotFound",
  plot: "error.plotNotFound",
} as const;

/**
 * The app: zones from /api; the hash route (`#/zone/<id>`, `#/park/<id>`, either with `/dashboard`, or
 * `#/plot/<id>`) picks what the map frames and which panel is open.
 */
export function App() {
  const { lang, t } = useI18n();
  const [zonesState, reloadZones] = useZones(lang);
  const [route, navigate] = useHashRoute();
  const [plotState, reloadPlot] = usePlotDetail(route.kind === "plot" ? route.id : null, lang);

  const zones = zonesState.status === "ok" ? zonesState.data : null;
  const plotLoad = plotState.status === "ok" ? plotState.data : null;
  // The detail of the routed plot only (for one render after a route change the state is the old plot's).
  const plot =
    plotLoad?.kind === "found" && route.kind === "plot" && plotLoad.detail.id === route.id
      ? plotLoad.detail
      : null;
  const location: PlotLocation | null | undefined =
    plotLoad?.kind === "missing" ? null : plot ? { zoneId: plot.zoneId, parkId: plot.parkId } : undefined;
  // While a plot loads, the previous view stays (the map is not torn down between plots).
  const last = useRef<Selection | null>(null);
  let selection = resolveSelection(zones ?? [], route, location);
  if (route.kind === "plot" && location === undefined && last.current?.zone)
    selection = { ...last.current, missing: null };
  else last.current = selection;
  const { zone, park, plotId, dashboard, missing } = selection;
  const notice = missing ? t(NOT_FOUND[missing.kind], { id: missing.id }) : null;
  const loading = zonesState.status === "loading" || (zones && !zone && plotState.status === "loading");

  return (
    <div className="app">
      <AppHeader zones={zones} zone={zone} onSelectZone={(id) => navigate({ kind: "zone", id })} />
      {loading ? <LoadStatus /> : null}
      {zonesState.status === "error" ? <LoadStatus error={zonesState.error} onRetry={reloadZones} /> : null}
      {plotState.status === "error" ? <LoadStatus error={plotState.error} onRetry={reloadPlot} /> : null}
      {zones && zones.length === 0 ? <div className="load-status">{t("status.noZones")}</div> : null}
      {zone ? (
        <PanelBoundary name="workspace">
          <ZoneWorkspace
            zones={zones ?? []}
            zone={zone}
            park={park}
            plot={plotId === null ? null : plot}
            dashboard={dashboard}
            notice={notice}
            navigate={navigate}
          />
        </PanelBoundary>
      ) : null}
    </div>
  );
}
