import type { PlotDetail } from "@api/contract.ts";
import type { TileReviewFilter } from "@api/schemas/tiles.ts";
import type { ParkSummary, Zone } from "@api/schemas/zones.ts";
import { useEffect, useMemo, useRef, useState } from "react";
import { hasRole, useAuth } from "../auth/auth_context.ts";
import { useConstraintToggles } from "../hooks/use_constraint_toggles.ts";
import { useExpansion } from "../hooks/use_expansion.ts";
import { usePlotStyle } from "../hooks/use_plot_style.ts";
import { useZoneLayers } from "../hooks/use_zone_layers.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { tileIndicatorOf } from "../map/layers/plot_style.ts";
import { MapView } from "../map/map_view.tsx";
import { type Frame, frameFor } from "../state/frame.ts";
import type { Route } from "../state/route.ts";
import { Dashboard } from "./dashboard.tsx";
import { DashboardToggle } from "./dashboard_toggle.tsx";
import { ExpansionPanel } from "./expansion_panel.tsx";
import { Legend } from "./legend.tsx";
import { LoadStatus } from "./load_status.tsx";
import { PanelBoundary } from "./panel_boundary.tsx";
import { ParkList } from "./park_list.tsx";
import { PlotPanel } from "./plot_panel.tsx";
import { ReviewFilter } from "./review_filter.tsx";
import { SearchBox } from "./search_box.tsx";

/** Longest wait for the first plot tiles before the zone's other layers load anyway. */
const PLOT_TILES_HEAD_START_MS = 1500;

/** A zone or park view, the place the plot panel returns to. */
type BaseView = Extract<Route, { kind: "zone" | "park" }>;

interface ZoneWorkspaceProps {
  /** Every zone (search results name their zone). */
  zones: readonly Zone[];
  zone: Zone;
  park: ParkSummary | null;
  /** The plot of a `#/plot/<id>` route, loaded. */
  plot: PlotDetail | null;
  dashboard: boolean;
  notice: string | null;
  navigate(route: Route): void;
  /** Reloads the opened plot (after an edit in its panel). */
  onPlotChanged(): void;
}

/** Sidebar (park overview, plot details, legend), the map and the park or zone dashboard for one zone. */
export function ZoneWorkspace({
  zones,
  zone,
  park,
  plot,
  dashboard,
  notice,
  navigate,
  onPlotChanged,
}: ZoneWorkspaceProps) {
  const { lang } = useI18n();
  // Plot tiles first: the zone's GeoJSON layers (a heavy plot list, boundaries, context) are requested once
  // the first plot tiles are drawn, or after PLOT_TILES_HEAD_START_MS, so on the embedded single-connection
  // database the tiles do not queue behind them (docs/performance.md).
  const [tilesFirst, setTilesFirst] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setTilesFirst(true), PLOT_TILES_HEAD_START_MS);
    return () => clearTimeout(timer);
  }, []);
  const [layersState, reloadLayers] = useZoneLayers(tilesFirst ? zone : null, lang);

  // The last park or zone view (with its dashboard open or not): where closing the plot panel returns, and
  // the dashboard's scope. A plot opened from a dashboard table keeps the dashboard below the map.
  const base = useRef<BaseView>({ kind: "zone", id: zone.id });
  if (!plot)
    base.current = park ? { kind: "park", id: park.id, dashboard } : { kind: "zone", id: zone.id, dashboard };
  else {
    // A plot opened in another zone (search, link): closing it returns to that zone, not the old view.
    const b = base.current;
    const inZone =
      b.kind === "zone" ? b.id === zone.id : b.kind === "park" && zone.parks.some((p) => p.id === b.id);
    if (!inZone) base.current = { kind: "zone", id: zone.id };
  }
  const baseView = base.current;
  const showDashboard = plot ? baseView.dashboard === true : dashboard;
  const scopePark = baseView.kind === "park" ? (zone.parks.find((p) => p.id === baseView.id) ?? null) : null;

  // A plot clicked on the map keeps the map where it is; one opened by link, search or table is framed.
  const clickedPlotId = useRef<number | null>(null);
  const lastFrame = useRef<Frame | null>(null);
  const frame = frameFor({ zone, park, plot }, clickedPlotId.current, lastFrame.current);
  lastFrame.current = frame;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new zone forgets the clicked plot on purpose.
  useEffect(() => {
    clickedPlotId.current = null;
  }, [zone.id]);

  const layers = layersState.status === "ok" ? layersState.data : null;
  const plotStyle = usePlotStyle(layers?.plots ?? null);
  const constraintToggles = useConstraintToggles(layers?.constraints ?? null);
  const expansion = useExpansion(park?.id ?? null, lang);
  // The expansion tools answer reviewers and planners only (docs/security.md); others don't see them.
  const auth = useAuth();
  const snapTargets = useMemo(
    () =>
      layers && park
        ? [...layers.parks.features, ...layers.plots.features.filter((f) => f.properties.parkId === park.id)]
        : [],
    [layers, park],
  );
  // Review-workflow filter of the plot tiles (signed-in reviewers, planners, admins); null: every plot.
  const [review, setReview] = useState<TileReviewFilter | null>(null);
  // year null: the latest year with statistics, the default of both the plot list and the tiles.
  const plotTiles = useMemo(
    () => ({ zoneId: zone.id, indicator: tileIndicatorOf(plotStyle.indicator), year: null, review }),
    [zone.id, plotStyle.indicator, review],
  );
  const scope = scopePark
    ? { type: "park" as const, id: scopePark.id }
    : { type: "zone" as const, id: zone.id };
  const openPlot = (id: number) => {
    clickedPlotId.current = null;
    navigate({ kind: "plot", id });
  };
  const closePlot = () => navigate(base.current);
  const toggleDashboard = () => navigate({ ...base.current, dashboard: !showDashboard });

  return (
    <div className="workspace">
      <aside className="sidebar" aria-label={zone.name}>
        {notice ? (
          <div className="notice" role="status" data-testid="route-notice">
            {notice}
          </div>
        ) : null}
        <SearchBox
          zones={zones}
          onPick={(hit) =>
            hit.plotId === null ? navigate({ kind: "park", id: hit.parkId }) : openPlot(hit.plotId)
          }
        />
        <DashboardToggle zone={zone} park={scopePark} open={showDashboard} onToggle={toggleDashboard} />
        <PanelBoundary name="plot-panel">
          <PlotPanel plot={plot} onClose={closePlot} onChanged={onPlotChanged} />
        </PanelBoundary>
        <PanelBoundary name="park-list">
          <ParkList
            zone={zone}
            selectedParkId={park?.id ?? null}
            onSelectPark={(id) => navigate({ kind: "park", id })}
            onShowZone={() => navigate({ kind: "zone", id: zone.id })}
          />
        </PanelBoundary>
        {park && hasRole(auth?.me, "reviewer", "planner") ? (
          <PanelBoundary name="expansion">
            <ExpansionPanel park={park} state={expansion} />
          </PanelBoundary>
        ) : null}
        <PanelBoundary name="legend">
          <Legend plotStyle={plotStyle} constraints={constraintToggles} />
        </PanelBoundary>
        <PanelBoundary name="review-filter">
          <ReviewFilter
            zoneId={zone.id}
            value={review}
            onChange={setReview}
            onOpenPlot={openPlot}
            refreshKey={String(plot?.id ?? "")}
          />
        </PanelBoundary>
      </aside>
      <main className={`map-area${showDashboard ? " map-area--with-dashboard" : ""}`}>
        <PanelBoundary name="map">
          <MapView
            zone={zone}
            layers={layers}
            plotTiles={plotTiles}
            classification={plotStyle.classification}
            overlays={plotStyle.overlays}
            constraintVisibility={constraintToggles.visible}
            frame={frame}
            selectedParkId={park?.id ?? null}
            selectedPlotId={plot?.id ?? null}
            onPlotSelect={(id) => {
              if (id === null) return closePlot();
              clickedPlotId.current = id;
              navigate({ kind: "plot", id });
            }}
            onParkSelect={(id) => navigate({ kind: "park", id })}
            onFirstPlotTiles={() => setTilesFirst(true)}
            expansion={{
              candidates: expansion.candidates,
              selectedRanks: expansion.ranks,
              drawing: expansion.drawing,
              onDrawChange: expansion.setDrawn,
              snapTargets,
            }}
          >
            {layersState.status === "loading" || !tilesFirst ? <LoadStatus overlay /> : null}
            {layersState.status === "error" ? (
              <LoadStatus overlay error={layersState.error} onRetry={reloadLayers} />
            ) : null}
          </MapView>
        </PanelBoundary>
        {showDashboard ? (
          <PanelBoundary name="dashboard">
            <Dashboard zone={zone} scope={scope} onOpenPlot={openPlot} onClose={toggleDashboard} />
          </PanelBoundary>
        ) : null}
      </main>
    </div>
  );
}
