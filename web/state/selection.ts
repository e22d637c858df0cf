import type { ParkSummary, Zone } from "@api/schemas/zones.ts";
import type { Route } from "./route.ts";

/** What the route resolves to against the loaded zones. */
export interface Selection {
  zone: Zone | null;
  park: ParkSummary | null;
  /** Set when the route names a zone or park that does not exist (the first zone is shown instead). */
  missing: { kind: "zone" | "park"; id: number } | null;
}

/** `#/park/<id>` → that park and its zone; `#/zone/<id>` → that zone; otherwise the first zone. */
export function resolveSelection(zones: readonly Zone[], route: Route): Selection {
  const first = zones[0] ?? null;
  if (route.kind === "park") {
    for (const zone of zones) {
      const park = zone.parks.find((p) => p.id === route.id);
      if (park) return { zone, park, missing: null };
    }
    return { zone: first, park: null, missing: { kind: "park", id: route.id } };
  }
  if (route.kind === "zone") {
    const zone = zones.find((z) => z.id === route.id);
    return zone
      ? { zone, park: null, missing: null }
      : { zone: first, park: null, missing: { kind: "zone", id: route.id } };
  }
  return { zone: first, park: null, missing: null };
}
