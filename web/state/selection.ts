import type { ParkSummary, Zone } from "@api/schemas/zones.ts";
import type { Route } from "./route.ts";

/** Where a plot lies, from its detail (`GET /api/plots/:id`). */
export interface PlotLocation {
  zoneId: number;
  parkId: number;
}

/** What the route resolves to against the loaded zones. */
export interface Selection {
  zone: Zone | null;
  park: ParkSummary | null;
  /** The plot of a `#/plot/<id>` route once found. */
  plotId: number | null;
  /** Whether the park's or zone's dashboard is open. */
  dashboard: boolean;
  /** Set when the route names a zone, park or plot that does not exist (the first zone is shown instead). */
  missing: { kind: "zone" | "park" | "plot"; id: number } | null;
}

const none = { plotId: null, dashboard: false, missing: null } as const;

/**
 * `#/park/<id>` → that park and its zone; `#/zone/<id>` → that zone; `#/plot/<id>` → the plot's zone (and
 * park) once `plot` is known — `undefined` while it loads (no zone yet), `null` when the plot does not exist;
 * otherwise the first zone.
 */
export function resolveSelection(
  zones: readonly Zone[],
  route: Route,
  plot?: PlotLocation | null,
): Selection {
  const first = zones[0] ?? null;
  if (route.kind === "plot") {
    if (plot === undefined) return { zone: null, park: null, ...none };
    const zone = plot ? zones.find((z) => z.id === plot.zoneId) : undefined;
    if (!plot || !zone) return { zone: first, park: null, ...none, missing: { kind: "plot", id: route.id } };
    const park = zone.parks.find((p) => p.id === plot.parkId) ?? null;
    return { zone, park, ...none, plotId: route.id };
  }
  const dashboard = route.kind !== "home" && route.dashboard === true;
  if (route.kind === "park") {
    for (const zone of zones) {
      const park = zone.parks.find((p) => p.id === route.id);
      if (park) return { zone, park, ...none, dashboard };
    }
    return { zone: first, park: null, ...none, missing: { kind: "park", id: route.id } };
  }
  if (route.kind === "zone") {
    const zone = zones.find((z) => z.id === route.id);
    return zone
      ? { zone, park: null, ...none, dashboard }
      : { zone: first, park: null, ...none, missing: { kind: "zone", id: route.id } };
  }
  return { zone: first, park: null, ...none };
}
