import type { ParkRole } from "@api/schemas/enums.ts";
import type { ParkSummary } from "@api/schemas/zones.ts";
import { type MapLibreMap, Marker } from "maplibre-gl";

/** What a park label needs besides the park itself. */
export interface ParkLabelOptions {
  name(park: ParkSummary): string;
  roleLabel(role: ParkRole): string;
  selectedParkId: number | null;
  onSelect(parkId: number): void;
}

function labelElement(park: ParkSummary, opts: ParkLabelOptions): HTMLElement {
  const el = document.createElement("button");
  el.type = "button";
  el.className = `park-label park-label--${park.role}${park.id === opts.selectedParkId ? " park-label--selected" : ""}`;
  el.dataset.testid = "park-label";
  el.dataset.role = park.role;
  el.dataset.parkId = String(park.id);
  const name = document.createElement("span");
  name.className = "park-label__name";
  name.textContent = opts.name(park);
  const badge = document.createElement("span");
  badge.className = "park-label__badge";
  badge.dataset.testid = "park-role-badge";
  badge.textContent = opts.roleLabel(park.role);
  el.append(name, badge);
  el.addEventListener("click", (ev) => {
    ev.stopPropagation();
    opts.onSelect(park.id);
  });
  return el;
}

/**
 * Park labels as HTML markers at each park's label point. Symbol layers would need a glyph URL
 * (network); DOM labels render Chinese with the system's fonts, offline. Returns a remover.
 */
export function addParkLabels(
  map: MapLibreMap,
  parks: readonly ParkSummary[],
  opts: ParkLabelOptions,
): () => void {
  const markers = parks.map((park) =>
    new Marker({ element: labelElement(park, opts), anchor: "bottom", offset: [0, -10] })
      .setLngLat(park.labelPoint)
      .addTo(map),
  );
  return () => {
    for (const m of markers) m.remove();
  };
}
