/**
 * What the URL hash selects: `#/zone/<id>`, `#/park/<id>` (either with `/dashboard` to open its dashboard),
 * `#/plot/<id>`, or nothing (the first zone).
 */
export type Route =
  | { kind: "zone"; id: number; dashboard?: boolean }
  | { kind: "park"; id: number; dashboard?: boolean }
  | { kind: "plot"; id: number }
  | { kind: "home" };

const ROUTE_RE = /^#\/(zone|park|plot)\/(\d+)(\/dashboard)?\/?$/;

/** Parses a location hash; anything unrecognised is `home`. */
export function parseRoute(hash: string): Route {
  const m = ROUTE_RE.exec(hash);
  const id = m?.[2] === undefined ? Number.NaN : Number(m[2]);
  if (!m || !Number.isSafeInteger(id) || id <= 0) return { kind: "home" };
  const dashboard = m[3] !== undefined;
  if (m[1] === "plot") return dashboard ? { kind: "home" } : { kind: "plot", id };
  const kind = m[1] === "park" ? "park" : "zone";
  return dashboard ? { kind, id, dashboard } : { kind, id };
}

/** The hash for a route (`""` for home). */
export function routeHash(route: Route): string {
  if (route.kind === "home") return "";
  const tail = route.kind !== "plot" && route.dashboard ? "/dashboard" : "";
  return `#/${route.kind}/${route.id}${tail}`;
}
