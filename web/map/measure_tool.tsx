import { measuredArea, pathLengthM } from "@geo/measure.ts";
import type { Feature, FeatureCollection } from "geojson";
import type { GeoJSONSource, MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { useEffect, useState } from "react";
import { formatDistance, formatHaFromMu, formatMu, formatNumber } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

export type MeasureMode = "distance" | "area";

const SOURCE_ID = "measure";
const INK = "#C4501B";

function drawing(points: ReadonlyArray<[number, number]>, mode: MeasureMode): FeatureCollection {
  const features: Feature[] = points.map((p) => ({
    type: "Feature",
    properties: {},
    geometry: { type: "Point", coordinates: p },
  }));
  if (points.length >= 2)
    features.push({
      type: "Feature",
      properties: {},
      geometry:
        mode === "area" && points.length >= 3
          ? { type: "Polygon", coordinates: [[...points, points[0] as [number, number]]] }
          : { type: "LineString", coordinates: [...points] },
    });
  return { type: "FeatureCollection", features };
}

function ensureLayers(map: MapLibreMap): GeoJSONSource {
  if (!map.getSource(SOURCE_ID)) {
    map.addSource(SOURCE_ID, { type: "geojson", data: { type: "FeatureCollection", features: [] } });
    map.addLayer({
      id: "measure-fill",
      type: "fill",
      source: SOURCE_ID,
      filter: ["==", ["geometry-type"], "Polygon"],
      paint: { "fill-color": INK, "fill-opacity": 0.15 },
    });
    map.addLayer({
      id: "measure-line",
      type: "line",
      source: SOURCE_ID,
      filter: ["!=", ["geometry-type"], "Point"],
      paint: { "line-color": INK, "line-width": 2, "line-dasharray": [3, 2] },
    });
    map.addLayer({
      id: "measure-points",
      type: "circle",
      source: SOURCE_ID,
      filter: ["==", ["geometry-type"], "Point"],
      paint: {
        "circle-radius": 4,
        "circle-color": "#fff",
        "circle-stroke-color": INK,
        "circle-stroke-width": 2,
      },
    });
  }
  return map.getSource(SOURCE_ID) as GeoJSONSource;
}

/**
 * Distance and area measurement on the map: clicks add vertices while a mode is active (plot picking is
 * paused by the caller through `onActiveChange`), Esc or Finish stops, Clear removes the drawing. Lengths
 * and areas come from geo/ (`pathLengthM`, `measuredArea`: 亩 and ha through geo/units.ts), labelled "≈".
 */
export function MeasureTool({
  map,
  onActiveChange,
}: {
  map: MapLibreMap | null;
  onActiveChange(active: boolean): void;
}) {
  const { lang, t } = useI18n();
  const [mode, setMode] = useState<MeasureMode | null>(null);
  const [shape, setShape] = useState<MeasureMode>("distance");
  const [points, setPoints] = useState<Array<[number, number]>>([]);

  useEffect(() => onActiveChange(mode !== null), [mode, onActiveChange]);

  useEffect(() => {
    if (!map || mode === null) return;
    const click = (e: MapMouseEvent) => setPoints((ps) => [...ps, [e.lngLat.lng, e.lngLat.lat]]);
    const key = (e: KeyboardEvent) => {
      if (e.key === "Escape") setMode(null);
    };
    map.on("click", click);
    map.doubleClickZoom.disable();
    map.getCanvas().style.cursor = "crosshair";
    window.addEventListener("keydown", key);
    return () => {
      map.off("click", click);
      map.doubleClickZoom.enable();
      map.getCanvas().style.cursor = "";
      window.removeEventListener("keydown", key);
    };
  }, [map, mode]);

  useEffect(() => {
    if (map) ensureLayers(map).setData(drawing(points, shape));
  }, [map, points, shape]);

  const start = (m: MeasureMode) => {
    setShape(m);
    setPoints([]);
    setMode(m);
  };
  let result: string | null = null;
  if (shape === "distance" && points.length >= 2)
    result = t("measure.distanceResult", { distance: formatDistance(pathLengthM(points), lang) });
  if (shape === "area" && points.length >= 3) {
    const a = measuredArea(points);
    result = t("measure.areaResult", {
      mu: formatMu(a.areaMu, lang),
      ha: formatHaFromMu(a.areaMu, lang),
      m2: formatNumber(a.areaM2, lang, 0),
    });
  }

  return (
    <div className="map-tool" data-testid="measure-tool" data-mode={mode ?? "off"}>
      <div className="map-tool__row">
        {(["distance", "area"] as const).map((m) => (
          <button
            key={m}
            type="button"
            className="button map-tool__button"
            aria-pressed={mode === m}
            data-testid={`measure-${m}`}
            onClick={() => (mode === m ? setMode(null) : start(m))}
          >
            {t(`measure.${m}`)}
          </button>
        ))}
        {mode !== null ? (
          <button type="button" className="button map-tool__button" onClick={() => setMode(null)}>
            {t("measure.finish")}
          </button>
        ) : null}
        {points.length > 0 ? (
          <button
            type="button"
            className="button map-tool__button"
            data-testid="measure-clear"
            onClick={() => {
              setMode(null);
              setPoints([]);
            }}
          >
            {t("measure.clear")}
          </button>
        ) : null}
      </div>
      {mode !== null && !result ? <p className="map-tool__hint">{t("measure.hint")}</p> : null}
      {result ? (
        <p
          className="map-tool__result"
          data-testid="measure-result"
          aria-live="polite"
          title={t("measure.method")}
        >
          {result}
        </p>
      ) : null}
    </div>
  );
}
