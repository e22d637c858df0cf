import type { ConstraintType } from "@api/schemas/enums.ts";
import type { Zone } from "@api/schemas/zones.ts";
import { MapLibreMap, NavigationControl, ScaleControl } from "maplibre-gl";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { BasemapSettingsControl } from "../components/basemap_settings.tsx";
import { useBasemapSettings } from "../hooks/use_basemap_settings.ts";
import type { ZoneLayers } from "../hooks/use_zone_layers.ts";
import { localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { rasterBasemap } from "../state/basemap.ts";
import type { Frame } from "../state/frame.ts";
import "./maplibre_setup.ts";
import {
  applyConstraintVisibility,
  applyOverlayVisibility,
  applyPlotClassification,
  applyPlotTiles,
  applySelection,
  applyZoneLayers,
  provideGeneratedImages,
} from "./apply_layers.ts";
import { applyBasemap } from "./basemap_layer.ts";
import { CoordinateReadout } from "./coordinate_readout.tsx";
import { installE2eHook } from "./e2e_hook.ts";
import { enclaveLinks, parkPoints } from "./enclave_links.ts";
import { type ExpansionMapProps, useExpansionMap } from "./expansion_draw.ts";
import { markFirstPlotTiles } from "./first_plot_tiles.ts";
import type { PlotOverlay } from "./layers/plot_layers.ts";
import type { PlotClassification } from "./layers/plot_style.ts";
import { type PlotTileParams, plotTileUrl } from "./layers/plot_tiles.ts";
import { offlineStyle } from "./layers/style.ts";
import { MeasureTool } from "./measure_tool.tsx";
import { addParkLabels } from "./park_labels.ts";
import { bindPlotInteraction } from "./plot_interaction.ts";

export interface MapViewProps {
  zone: Zone;
  /** The zone's layers once loaded; layers of another zone are ignored. */
  layers: ZoneLayers | null;
  /** Which plot tiles to draw (zone, `value` indicator, year). */
  plotTiles: PlotTileParams;
  /** How plots are coloured; null paints them as "no data" until the plot list is classified. */
  classification: PlotClassification | null;
  overlays: Readonly<Record<PlotOverlay, boolean>>;
  /** Which constraint types are drawn (the legend's toggles). */
  constraintVisibility: Readonly<Record<ConstraintType, boolean>>;
  /** What to frame; the map moves when `frame.key` changes. */
  frame: Frame | null;
  selectedParkId: number | null;
  selectedPlotId: number | null;
  onPlotSelect(plotId: number | null): void;
  onParkSelect(parkId: number): void;
  /** Called once, when the first plot tiles are drawn. */
  onFirstPlotTiles?(): void;
  /** Expansion candidates and drawing (the expansion panel); omitted → none. */
  expansion?: ExpansionMapProps;
  /** Overlays drawn over the map (legend, status). */
  children?: ReactNode;
}

// Room for the HTML labels, which stand above their point and reach about 120 px to each side.
const FRAME_PADDING = { top: 90, bottom: 50, left: 130, right: 130 };
/** A single plot is framed no closer than this (a 20-亩 plot would otherwise fill the screen). */
const FRAME_MAX_ZOOM = 16;

/**
 * The one owner of the maplibre map: an offline style, plot vector tiles from our own origin, our GeoJSON
 * layers, HTML park labels, enclave links, controls and plot picking. `data-ready="true"` once the map
 * loaded and the zone's layers were added; `data-plot-count` (plots in the zone's list) and
 * `data-enclave-links` count what was drawn.
 */
export function MapView(props: MapViewProps) {
  const { zone, layers, plotTiles, classification, overlays, constraintVisibility, frame } = props;
  const { selectedParkId, selectedPlotId, onPlotSelect, onParkSelect, children } = props;
  const { lang, t } = useI18n();
  const containerRef = useRef<HTMLElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [appliedZoneId, setAppliedZoneId] = useState<number | null>(null);
  const callbacks = useRef({ onPlotSelect, onParkSelect, onFirstPlotTiles: props.onFirstPlotTiles });
  callbacks.current = { onPlotSelect, onParkSelect, onFirstPlotTiles: props.onFirstPlotTiles };
  const initialFrame = useRef(frame);
  // While measuring, map clicks add vertices instead of picking plots.
  const measuring = useRef(false);
  const onMeasureActive = useCallback((active: boolean) => {
    measuring.current = active;
  }, []);
  const [basemapSettings, setBasemapSettings] = useBasemapSettings();
  const [attribution, setAttribution] = useState<string | null>(null);
  // The page's own origin: tiles are fetched by maplibre's worker, which needs an absolute URL.
  const tilesUrl = plotTileUrl(window.location.origin, plotTiles);
  const initialTilesUrl = useRef(tilesUrl);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const m = new MapLibreMap({
      container,
      style: offlineStyle(initialTilesUrl.current),
      attributionControl: false,
      ...(initialFrame.current
        ? {
            bounds: initialFrame.current.bbox,
            fitBoundsOptions: { padding: FRAME_PADDING, maxZoom: FRAME_MAX_ZOOM },
          }
        : {}),
      maxZoom: 18,
      dragRotate: false,
      pitchWithRotate: false,
    });
    m.addControl(new NavigationControl({ showCompass: false }), "top-right");
    m.addControl(new ScaleControl({ maxWidth: 120, unit: "metric" }), "bottom-right");
    provideGeneratedImages(m);
    const unmark = markFirstPlotTiles(m, () => callbacks.current.onFirstPlotTiles?.());
    const unbind = bindPlotInteraction(m, (id) => {
      if (!measuring.current) callbacks.current.onPlotSelect(id);
    });
    const uninstall = installE2eHook(m);
    m.once("load", () => setMap(m));
    return () => {
      uninstall();
      unbind();
      unmark();
      setMap(null);
      m.remove();
    };
  }, []);

  const zoneLayers = layers?.zoneId === zone.id ? layers : null;
  const links = useMemo(() => enclaveLinks(zone.parks), [zone.parks]);
  const points = useMemo(() => parkPoints(zone.parks), [zone.parks]);

  useEffect(() => {
    if (!map || !zoneLayers) return;
    applyZoneLayers(map, zoneLayers, links, points);
    setAppliedZoneId(zoneLayers.zoneId);
  }, [map, zoneLayers, links, points]);

  useEffect(() => {
    if (map) applyPlotClassification(map, classification);
  }, [map, classification]);

  useEffect(() => (map ? applyPlotTiles(map, tilesUrl) : undefined), [map, tilesUrl]);

  useEffect(() => {
    if (map) applyOverlayVisibility(map, overlays);
  }, [map, overlays]);

  useEffect(() => {
    if (map) applyConstraintVisibility(map, constraintVisibility);
  }, [map, constraintVisibility]);

  const raster = useMemo(() => rasterBasemap(basemapSettings), [basemapSettings]);
  useEffect(() => {
    if (map) setAttribution(applyBasemap(map, raster));
  }, [map, raster]);

  const frameRef = useRef(frame);
  frameRef.current = frame;
  const frameKey = frame?.key ?? null;
  useEffect(() => {
    const f = frameRef.current;
    if (map && f && frameKey !== null)
      map.fitBounds(f.bbox, { padding: FRAME_PADDING, maxZoom: FRAME_MAX_ZOOM, duration: 700 });
  }, [map, frameKey]);

  useEffect(() => {
    if (map) applySelection(map, selectedParkId, selectedPlotId);
  }, [map, selectedParkId, selectedPlotId]);

  useEffect(() => {
    if (!map) return;
    return addParkLabels(map, zone.parks, {
      name: (p) => localName(p, lang),
      roleLabel: (role) => t(`role.${role}`),
      selectedParkId,
      onSelect: (id) => callbacks.current.onParkSelect(id),
    });
  }, [map, zone.parks, lang, t, selectedParkId]);

  const ready = map !== null && zoneLayers !== null && appliedZoneId === zone.id;

  useExpansionMap(map, props.expansion);

  return (
    <div className="map-view">
      <section
        ref={containerRef}
        className="map-view__canvas"
        aria-label={t("map.ariaLabel")}
        data-testid="map"
        data-ready={ready ? "true" : "false"}
        data-zone-id={zone.id}
        data-plot-tiles={tilesUrl}
        data-plot-count={ready && zoneLayers ? zoneLayers.plots.features.length : 0}
        data-enclave-links={ready ? links.features.length : 0}
      ></section>
      <CoordinateReadout map={map} />
      <div className="map-tools">
        <MeasureTool map={map} onActiveChange={onMeasureActive} />
        <BasemapSettingsControl settings={basemapSettings} onChange={setBasemapSettings} />
      </div>
      {attribution ? (
        <div className="map-attribution" data-testid="basemap-attribution">
          {attribution}
        </div>
      ) : null}
      {children}
    </div>
  );
}
