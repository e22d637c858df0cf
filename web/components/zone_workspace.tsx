import type { ParkSummary, Zone } from "@api/schemas/zones.ts";
import { useEffect, useMemo, useState } from "react";
import { useExpansion } from "../hooks/use_expansion.ts";
import { usePlotStyle } from "../hooks/use_plot_style.ts";
import { useZoneLayers } from "../hooks/use_zone_layers.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { tileIndicatorOf } from "../map/layers/plot_style.ts";
import { MapView } from "../map/map_view.tsx";
import { ExpansionPanel } from "./expansion_panel.tsx";
import { Legend } from "./legend.tsx";
import { LoadStatus } from "./load_status.tsx";
import { PanelBoundary } from "./panel_boundary.tsx";
import { ParkList } from "./park_list.tsx";
import { PlotPanel } from "./plot_panel.tsx";

interface ZoneWorkspaceProps {
  zone: Zone;
  park: ParkSummary | null;
  notice: string | null;
  onSelectPark(id: number): void;
  onShowZone(): void;
}

/** Sidebar (park overview, plot details) and the map for one zone. */
export function ZoneWorkspace({ zone, park, notice, onSelectPark, onShowZone }: ZoneWorkspaceProps) {
  const { lang } = useI18n();
  const [layersState, reloadLayers] = useZoneLayers(zone, lang);
  const [plotId, setPlotId] = useState<number | null>(null);

  // A plot belongs to one zone: forget the selection when the zone changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: zone.id is the trigger on purpose.
  useEffect(() => setPlotId(null), [zone.id]);

  const layers = layersState.status === "ok" ? layersState.data : null;
  const plotStyle = usePlotStyle(layers?.plots ?? null);
  // year null: the latest year with statistics, the default of both the plot list and the tiles.
  const plotTiles = useMemo(
    () => ({ zoneId: zone.id, indicator: tileIndicatorOf(plotStyle.indicator), year: null }),
    [zone.id, plotStyle.indicator],
  );
  const plot = useMemo(() => {
    if (plotId === null || !layers) return null;
    return layers.plots.features.find((f) => f.properties.id === plotId)?.properties ?? null;
  }, [layers, plotId]);
  const plotPark = plot ? zone.parks.find((p) => p.id === plot.parkId) : undefined;
  const expansion = useExpansion(park?.id ?? null, lang);
  const snapTargets = useMemo(
    () =>
      layers && park
        ? [...layers.parks.features, ...layers.plots.features.filter((f) => f.properties.parkId === park.id)]
        : [],
    [layers, park],
  );

  return (
    <div className="workspace">
      <aside className="sidebar">
        {notice ? (
          <div className="notice" role="status" data-testid="route-notice">
            {notice}
          </div>
        ) : null}
        <PanelBoundary name="plot-panel">
          <PlotPanel plot={plot} park={plotPark} onClose={() => setPlotId(null)} />
        </PanelBoundary>
        <PanelBoundary name="park-list">
          <ParkList
            zone={zone}
            selectedParkId={park?.id ?? null}
            onSelectPark={onSelectPark}
            onShowZone={onShowZone}
          />
        </PanelBoundary>
        {park ? (
          <PanelBoundary name="expansion">
            <ExpansionPanel park={park} state={expansion} />
          </PanelBoundary>
        ) : null}
        <PanelBoundary name="legend">
          <Legend plotStyle={plotStyle} />
        </PanelBoundary>
      </aside>
      <main className="map-area">
        <PanelBoundary name="map">
          <MapView
            zone={zone}
            layers={layers}
            plotTiles={plotTiles}
            classification={plotStyle.classification}
            overlays={plotStyle.overlays}
            selectedParkId={park?.id ?? null}
            selectedPlotId={plot?.id ?? null}
            onPlotSelect={setPlotId}
            onParkSelect={onSelectPark}
            expansion={{
              candidates: expansion.candidates,
              selectedRanks: expansion.ranks,
              drawing: expansion.drawing,
              onDrawChange: expansion.setDrawn,
              snapTargets,
            }}
          >
            {layersState.status === "loading" ? <LoadStatus overlay /> : null}
            {layersState.status === "error" ? (
              <LoadStatus overlay error={layersState.error} onRetry={reloadLayers} />
            ) : null}
          </MapView>
        </PanelBoundary>
      </main>
    </div>
  );
}
