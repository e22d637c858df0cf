import type { PlotDetail } from "@api/contract.ts";
import type { Zone } from "@api/schemas/zones.ts";
import { useRef } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import type { Route } from "../state/route.ts";
import { type PlotLocation, resolveSelection, type Selection } from "../state/selection.ts";
import type { AsyncState } from "./use_async.ts";
import { type PlotLoad, usePlotDetail } from "./use_plot_detail.ts";

const NOT_FOUND = {
  zone: "error.zoneNotFound",
  park: "error.parkNotFound",
  plot: "error.plotNotFound",
} as const;

/** What the workspace shows for the route: zone, park, the loaded plot, dashboard flag and a not-found notice. */
export interface WorkspaceSelection {
  zone: Zone | null;
  park: Selection["park"];
  plot: PlotDetail | null;
  dashboard: boolean;
  notice: string | null;
  /** The plot of a `#/plot/<id>` route is loading and there is no previous view to keep showing. */
  loading: boolean;
  plotState: AsyncState<PlotLoad | null>;
  reloadPlot(): void;
}

/**
 * Resolves the hash route against the zones: loads the plot of a `#/plot/<id>` route (its zone and park
 * follow), keeps the previous view while a plot loads (the map is not torn down between plots), and words
 * the notice for an unknown zone, park or plot.
 */
export function useWorkspaceSelection(zones: Zone[] | null, route: Route): WorkspaceSelection {
  const { lang, t } = useI18n();
  const [plotState, reloadPlot] = usePlotDetail(route.kind === "plot" ? route.id : null, lang);
  const plotLoad = plotState.status === "ok" ? plotState.data : null;
  // The detail of the routed plot only (for one render after a route change the state is the old plot's).
  const plot =
    plotLoad?.kind === "found" && route.kind === "plot" && plotLoad.detail.id === route.id
      ? plotLoad.detail
      : null;
  const location: PlotLocation | null | undefined =
    plotLoad?.kind === "missing" ? null : plot ? { zoneId: plot.zoneId, parkId: plot.parkId } : undefined;
  const last = useRef<Selection | null>(null);
  let selection = resolveSelection(zones ?? [], route, location);
  if (route.kind === "plot" && location === undefined && last.current?.zone)
    selection = { ...last.current, missing: null };
  else last.current = selection;
  const { zone, park, plotId, dashboard, missing } = selection;
  return {
    zone,
    park,
    plot: plotId === null ? null : plot,
    dashboard,
    notice: missing ? t(NOT_FOUND[missing.kind], { id: missing.id }) : null,
    loading: zones !== null && zone === null && plotState.status === "loading",
    plotState,
    reloadPlot,
  };
}
