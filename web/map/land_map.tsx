import { type GeoJSONSource, MapLibreMap, NavigationControl, ScaleControl } from "maplibre-gl";
import { useEffect, useRef, useState } from "react";
import "./maplibre_setup.ts";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { useI18n } from "../i18n/i18n.tsx";
import { BASE_COLORS, PLOT_STATUS_COLORS } from "./layers/palette.ts";

/** The few properties the land map reads. */
interface LandMapProperties {
  id: number;
  isStandardLand: boolean;
  status: "available" | "reclaimed";
}

export interface LandMapProps {
  land: FeatureCollection<Polygon | MultiPolygon, LandMapProperties>;
  /** Plots outlined as selected (the comparison). */
  highlightIds: readonly number[];
  onSelect(plotId: number): void;
  ariaLabel: string;
}

const SOURCE = "land";
const STANDARD_COLOR = "#0072B2";

function bboxOf(fc: LandMapProps["land"]): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null;
  const visit = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === "number" && typeof c[1] === "number") {
      const [x, y] = c as [number, number];
      b = b ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] : [x, y, x, y];
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  for (const f of fc.features) visit(f.geometry.coordinates);
  return b;
}

/**
 * The investor portal's map: offered plots from `GET /api/land` as one GeoJSON source on an offline style
 * (nothing is fetched from another origin). 标准地 in blue, other available land green, reclaimed land
 * purple; comparison plots outlined. Clicking a plot calls `onSelect`. `data-ready` and
 * `data-feature-count` tell tests what is drawn.
 */
export function LandMap({ land, highlightIds, onSelect, ariaLabel }: LandMapProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const m = new MapLibreMap({
      container,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 18,
      center: [102, 24],
      zoom: 6,
      style: {
        version: 8,
        sources: { [SOURCE]: { type: "geojson", data: { type: "FeatureCollection", features: [] } } },
        layers: [
          { id: "background", type: "background", paint: { "background-color": BASE_COLORS.background } },
          {
            id: "land-fill",
            type: "fill",
            source: SOURCE,
            paint: {
              "fill-color": [
                "case",
                ["get", "isStandardLand"],
                STANDARD_COLOR,
                ["==", ["get", "status"], "reclaimed"],
                PLOT_STATUS_COLORS.reclaimed,
                PLOT_STATUS_COLORS.available,
              ],
              "fill-opacity": 0.65,
            },
          },
          {
            id: "land-line",
            type: "line",
            source: SOURCE,
            paint: { "line-color": "#1c2430", "line-width": 0.6 },
          },
          {
            id: "land-highlight",
            type: "line",
            source: SOURCE,
            filter: ["in", ["get", "id"], ["literal", []]],
            paint: { "line-color": "#c4501b", "line-width": 3 },
          },
        ],
      },
    });
    m.addControl(new NavigationControl({ showCompass: false }), "top-right");
    m.addControl(new ScaleControl({ maxWidth: 120, unit: "metric" }), "bottom-right");
    m.on("click", "land-fill", (e) => {
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === "number") select.current(id);
    });
    m.on("mouseenter", "land-fill", () => {
      m.getCanvas().style.cursor = "pointer";
    });
    m.on("mouseleave", "land-fill", () => {
      m.getCanvas().style.cursor = "";
    });
    m.once("load", () => setMap(m));
    return () => {
      setMap(null);
      m.remove();
    };
  }, []);

  useEffect(() => {
    if (!map) return;
    (map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(land);
    const b = bboxOf(land);
    if (b) map.fitBounds(b, { padding: 40, maxZoom: 16, duration: 0 });
  }, [map, land]);

  useEffect(() => {
    map?.setFilter("land-highlight", ["in", ["get", "id"], ["literal", [...highlightIds]]]);
  }, [map, highlightIds]);

  return (
    <section
      ref={ref}
      className="invest-map"
      aria-label={ariaLabel || t("invest.map.ariaLabel")}
      data-testid="land-map"
      data-ready={map ? "true" : "false"}
      data-feature-count={map ? land.features.length : 0}
    />
  );
}
