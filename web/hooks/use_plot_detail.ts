import type { PlotDetail } from "@api/contract.ts";
import { useRef } from "react";
import { ApiError, fetchPlotDetail } from "../api_client.ts";
import type { Lang } from "../i18n/lang.ts";
import { type AsyncState, useAsync } from "./use_async.ts";

/** The outcome of loading a plot: its detail, or `missing` when the API answers 404 `plot_not_found`. */
export type PlotLoad = { kind: "found"; detail: PlotDetail } | { kind: "missing" };

/**
 * Loads `GET /api/plots/:id` for the plot a `#/plot/<id>` route names (null: no plot, nothing loaded).
 * A 404 is an outcome (`missing`), not an error; other failures are errors with a retry.
 */
export function usePlotDetail(id: number | null, lang: Lang): [AsyncState<PlotLoad | null>, () => void] {
  const langRef = useRef(lang);
  langRef.current = lang;
  return useAsync(id === null ? "none" : `plot:${id}`, async (signal) => {
    if (id === null) return null;
    try {
      return { kind: "found", detail: await fetchPlotDetail(id, langRef.current, signal) };
    } catch (err) {
      if (err instanceof ApiError && err.code === "plot_not_found") return { kind: "missing" };
      throw err;
    }
  });
}
