import type { Lang } from "../i18n/lang.ts";

/**
 * The investor portal's routes live in the URL hash, so every view — filters and comparison selection
 * included — is a shareable link:
 * `#/invest?zone=1&park=2&minMu=10&industry=C32&compare=5,9`, `#/invest/plot/5`, `#/invest/park/2`,
 * `#/invest/compare?compare=5,9`, `#/invest/flyer/5?lang=en`.
 */

/** The land list's filters (API names in `landQueryString`). */
export interface LandFilters {
  zone?: number;
  park?: number;
  status?: "available" | "reclaimed";
  minMu?: number;
  maxMu?: number;
  landUse?: string;
  industry?: string;
  maxPrice?: number;
  standard?: boolean;
  investment?: number;
}

/** At most this many plots side by side. */
export const MAX_COMPARE = 4;

export type InvestView =
  | { view: "land"; filters: LandFilters }
  | { view: "plot"; id: number }
  | { view: "park"; id: number }
  | { view: "compare" }
  | { view: "flyer"; id: number; lang: Lang | null };

/** A view plus the comparison selection, which follows the user through the portal. */
export type InvestRoute = InvestView & { compare: number[] };

const PATH_RE = /^#\/invest(?:\/(plot|park|flyer)\/(\d+)|\/(compare))?\/?(?:\?(.*))?$/;

const positiveInt = (s: string | null): number | undefined => {
  if (s === null || !/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};
const nonNegative = (s: string | null): number | undefined => {
  if (s === null || s.trim() === "") return undefined;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

function parseFilters(q: URLSearchParams): LandFilters {
  const f: LandFilters = {};
  const set = <K extends keyof LandFilters>(k: K, v: LandFilters[K] | undefined) => {
    if (v !== undefined) f[k] = v;
  };
  set("zone", positiveInt(q.get("zone")));
  set("park", positiveInt(q.get("park")));
  const status = q.get("status");
  if (status === "available" || status === "reclaimed") f.status = status;
  set("minMu", nonNegative(q.get("minMu")));
  set("maxMu", nonNegative(q.get("maxMu")));
  const landUse = q.get("landUse");
  if (landUse && /^\d{2,6}$/.test(landUse)) f.landUse = landUse;
  const industry = q.get("industry")?.trim();
  if (industry) f.industry = industry.slice(0, 50);
  set("maxPrice", nonNegative(q.get("maxPrice")));
  const standard = q.get("standard");
  if (standard === "true" || standard === "false") f.standard = standard === "true";
  set("investment", nonNegative(q.get("investment")));
  return f;
}

/** Parses a location hash; null when it is not an investor-portal route. */
export function parseInvestHash(hash: string): InvestRoute | null {
  const m = PATH_RE.exec(hash);
  if (!m) return null;
  const q = new URLSearchParams(m[4] ?? "");
  const compare = [
    ...new Set(
      (q.get("compare") ?? "")
        .split(",")
        .map((s) => positiveInt(s))
        .filter((n): n is number => n !== undefined),
    ),
  ].slice(0, MAX_COMPARE);
  const id = positiveInt(m[2] ?? null);
  if (m[1] === "plot" && id) return { view: "plot", id, compare };
  if (m[1] === "park" && id) return { view: "park", id, compare };
  if (m[1] === "flyer" && id) {
    const lang = q.get("lang");
    return { view: "flyer", id, lang: lang === "en" || lang === "zh-CN" ? lang : null, compare };
  }
  if (m[3] === "compare") return { view: "compare", compare };
  if (m[1] !== undefined) return null;
  return { view: "land", filters: parseFilters(q), compare };
}

function filterParams(f: LandFilters): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(f) as [keyof LandFilters, LandFilters[keyof LandFilters]][]) {
    if (v !== undefined && v !== "") out.push([k, String(v)]);
  }
  return out;
}

/** The hash of a route (inverse of `parseInvestHash`). */
export function investHash(route: InvestRoute): string {
  const params: [string, string][] = [];
  let path = "#/invest";
  if (route.view === "land") params.push(...filterParams(route.filters));
  else if (route.view === "plot" || route.view === "park") path += `/${route.view}/${route.id}`;
  else if (route.view === "compare") path += "/compare";
  else {
    path += `/flyer/${route.id}`;
    if (route.lang) params.push(["lang", route.lang]);
  }
  if (route.compare.length > 0 && route.view !== "flyer") params.push(["compare", route.compare.join(",")]);
  const q = new URLSearchParams(params).toString();
  return q ? `${path}?${q}` : path;
}

/** The `GET /api/land` query string of the filters. */
export function landQueryString(f: LandFilters): string {
  const q = new URLSearchParams();
  if (f.zone !== undefined) q.set("zone", String(f.zone));
  if (f.park !== undefined) q.set("park", String(f.park));
  if (f.status) q.set("status", f.status);
  if (f.minMu !== undefined) q.set("minMu", String(f.minMu));
  if (f.maxMu !== undefined) q.set("maxMu", String(f.maxMu));
  if (f.landUse) q.set("landUse", f.landUse);
  if (f.industry) q.set("industry", f.industry);
  if (f.maxPrice !== undefined && f.maxPrice > 0) q.set("maxPricePerMuWan", String(f.maxPrice));
  if (f.standard !== undefined) q.set("standard", String(f.standard));
  if (f.investment !== undefined) q.set("investmentPerMuWan", String(f.investment));
  return q.toString();
}

/** Adds or removes a plot from the comparison (at most `MAX_COMPARE`; adding beyond is ignored). */
export function toggleCompare(compare: readonly number[], id: number): number[] {
  if (compare.includes(id)) return compare.filter((x) => x !== id);
  return compare.length >= MAX_COMPARE ? [...compare] : [...compare, id];
}
