import { GeoError } from "@geo/errors.ts";
import { type GaussKrugerPoint, gaussKrugerOf } from "@geo/gauss_kruger.ts";
import type { MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { useEffect, useState } from "react";
import { formatCoordinate, formatNumber } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** The point's 3° Gauss-Krüger coordinates, or null outside the zones with an EPSG code (4513–4533). */
function gkOrNull(lng: number, lat: number): GaussKrugerPoint | null {
  try {
    return gaussKrugerOf(lng, lat);
  } catch (err) {
    // Outside China's 3° zones (the map can pan anywhere): show degrees only. Anything else is a bug.
    if (err instanceof GeoError) return null;
    throw err;
  }
}

/**
 * The cursor's longitude and latitude (5 decimals, about 1 m) and its CGCS2000 3° Gauss-Krüger X/Y in the
 * zone of the place (zone-prefixed EPSG:4513–4533, whole metres); hidden while the cursor is off the map.
 */
export function CoordinateReadout({ map }: { map: MapLibreMap | null }) {
  const { lang, t } = useI18n();
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

  const gk = pos ? gkOrNull(pos.lng, pos.lat) : null;
  return (
    <output className="coordinate-readout" data-testid="coordinate-readout" aria-live="off">
      {pos ? (
        <span data-testid="coordinate-degrees">
          {t("map.coordinates", { lng: formatCoordinate(pos.lng), lat: formatCoordinate(pos.lat) })}
        </span>
      ) : null}
      {gk ? (
        <span className="coordinate-readout__gk" data-testid="coordinate-gk" data-epsg={gk.epsg}>
          {t("map.gaussKruger", {
            epsg: gk.epsg,
            x: formatNumber(gk.xM, lang, 0),
            y: formatNumber(gk.yM, lang, 0),
          })}
        </span>
      ) : null}
    </output>
  );
}
