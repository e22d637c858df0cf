import { useRef } from "react";
import { LoadStatus } from "../components/load_status.tsx";
import { useAsync } from "../hooks/use_async.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { LandMap } from "../map/land_map.tsx";
import { fetchLand, fetchLandZones, type LandCollection } from "./invest_api.ts";
import { type LandFilters as Filters, landQueryString } from "./invest_route.ts";
import { LandFilters } from "./land_filters.tsx";
import { LandList } from "./land_list.tsx";

interface Props {
  filters: Filters;
  compare: number[];
  onFilters(filters: Filters): void;
  onCompare(compare: number[]): void;
  onOpen(id: number): void;
}

/** Filters, the list and the map of available land (`GET /api/land`). */
export function LandBrowser({ filters, compare, onFilters, onCompare, onOpen }: Props) {
  const { lang, t } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const [zones] = useAsync("land-zones", (signal) => fetchLandZones(langRef.current, signal));
  const key = landQueryString(filters);
  const [land, reload] = useAsync(`land?${key}`, (signal) => fetchLand(filters, langRef.current, signal));
  // The map keeps the last loaded land while a new filter loads (no flicker, no new map).
  const shown = useRef<LandCollection | null>(null);
  if (land.status === "ok") shown.current = land.data;
  return (
    <div className="invest-browser">
      <LandFilters filters={filters} zones={zones.status === "ok" ? zones.data : []} onChange={onFilters} />
      <div
        className="invest-browser__results"
        data-testid="land-results"
        data-query={key}
        data-status={land.status}
      >
        {land.status === "loading" ? <LoadStatus /> : null}
        {land.status === "error" ? <LoadStatus error={land.error} onRetry={reload} /> : null}
        {land.status === "ok" && land.data.total > land.data.features.length ? (
          <p className="notice" role="status" data-testid="land-truncated">
            {t("invest.list.truncated", { shown: land.data.features.length, total: land.data.total })}
          </p>
        ) : null}
        {land.status === "ok" ? (
          <LandList
            plots={land.data.features.map((f) => f.properties)}
            compare={compare}
            onCompare={onCompare}
            onOpen={onOpen}
          />
        ) : null}
      </div>
      <div className="invest-browser__map">
        {land.status === "ok" ? (
          <LandMap
            land={land.data}
            highlightIds={compare}
            onSelect={onOpen}
            ariaLabel={t("invest.map.ariaLabel")}
          />
        ) : null}
      </div>
    </div>
  );
}
