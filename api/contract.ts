/**
 * Type-only contract for web/: the JSON shapes of endpoints whose types are inferred from their builders.
 * web/ imports this file with `import type` only, so no server code reaches the bundle.
 */
import type { computeAreaMetrics } from "./metrics/area_metrics.ts";
import type { PlotDetail } from "./metrics/plot_detail.ts";

export type { ApiApp } from "./app.ts";
export type { IndicatorOut } from "./metrics/area_metrics.ts";
export type { PlotDetail };

/** `GET /api/parks/:id/metrics` and `GET /api/zones/:id/metrics`. */
export type AreaMetrics = {
  scope: { type: "park" | "zone"; id: number; name: string; nameEn: string | null; zoneId: number };
  isDemo: boolean;
} & Awaited<ReturnType<typeof computeAreaMetrics>>;
