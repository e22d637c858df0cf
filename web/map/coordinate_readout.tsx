import type { MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { useEffect, useState } from "react";
import { formatCoordinate } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** The cursor's longitude and latitude (5 decimals, about 1 m); hidden while the cursor is off the map. */
export function CoordinateReadout({ map }: { map: MapLibreMap | null }) {
  const { t } = useI18n();
  const [pos, setPos] = useState<{ lng: number; lat: number } | null>(null);

  useEffect(() => {
    if (!map) return;
    const move = (e: MapMouseEvent) => setPos({ lng: e.lngLat.lng, lat: e.lngLat.lat });
    const out = () => setPos(null);
    map.on("mousemove", move);
    map.on("mouseout", out);
    return () => {
      map.off("mousemove", move);
      map.off("mouseout", out);
    };
  }, [map]);

  return (
    <output className="coordinate-readout" data-testid="coordinate-readout" aria-live="off">
      {pos ? t("map.coordinates", { lng: formatCoordinate(pos.lng), lat: formatCoordinate(pos.lat) }) : null}
    </output>
  );
}
