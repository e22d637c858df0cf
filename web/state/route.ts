/** What the URL hash selects: `#/zone/<id>`, `#/park/<id>`, or nothing (the first zone). */
export type Route = { kind: "zone"; id: number } | { kind: "park"; id: number } | { kind: "home" };

const ROUTE_RE = /^#\/(zone|park)\/(\d+)\/?$/;

/** Parses a location hash; anything unrecognised is `home`. */
export function parseRoute(hash: string): Route {
  const m = ROUTE_RE.exec(hash);
  const id = m?.[2] === undefined ? Number.NaN : Number(m[2]);
  if (!m || !Number.isSafeInteger(id) || id <= 0) return { kind: "home" };
  return m[1] === "park" ? { kind: "park", id } : { kind: "zone", id };
}

/** The hash for a route (`""` for home). */
export function routeHash(route: Route): string {
  return route.kind === "home" ? "" : `#/${route.kind}/${route.id}`;
}
