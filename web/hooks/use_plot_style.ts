import { useMemo, useState } from "react";
import type { PlotCollection } from "../api_client.ts";
import {
  type ClassMethod,
  type ManualBreaksIssue,
  parseManualBreaks,
  roundedBreaks,
} from "../map/class_breaks.ts";
import { PLOT_OVERLAYS, type PlotOverlay } from "../map/layers/plot_layers.ts";
import {
  breaksFor,
  CLASS_COUNT,
  classifyPlots,
  isNumericIndicator,
  type PlotClassification,
  type PlotIndicator,
} from "../map/layers/plot_style.ts";

/** At most this many manual breaks (one fewer than the palette's classes). */
export const MAX_MANUAL_BREAKS = CLASS_COUNT - 1;

/** The plot styling a person chose in the legend, and what it classifies to. */
export interface PlotStyle {
  indicator: PlotIndicator;
  method: ClassMethod;
  manualText: string;
  /** Why the manual breaks were refused (the quantile breaks are used meanwhile); null when accepted. */
  manualIssue: ManualBreaksIssue | null;
  overlays: Record<PlotOverlay, boolean>;
  /** Null until the zone's plot list is loaded. */
  classification: PlotClassification | null;
  setIndicator(indicator: PlotIndicator): void;
  setMethod(method: ClassMethod): void;
  setManualText(text: string): void;
  setOverlay(overlay: PlotOverlay, visible: boolean): void;
}

const breaksText = (breaks: number[]) => roundedBreaks(breaks).join(", ");

/**
 * Legend state for the plot layer: the indicator (default 亩均产值), the class method, manual breaks and
 * the overlay toggles; classifies `plots` (the zone's `GET /api/plots` list) accordingly.
 */
export function usePlotStyle(plots: PlotCollection | null): PlotStyle {
  const [indicator, setIndicatorState] = useState<PlotIndicator>("outputPerMuWan");
  const [method, setMethodState] = useState<ClassMethod>("quantile");
  const [manualText, setManualText] = useState("");
  const [overlays, setOverlays] = useState<Record<PlotOverlay, boolean>>(
    () => Object.fromEntries(PLOT_OVERLAYS.map((o) => [o, true])) as Record<PlotOverlay, boolean>,
  );

  const manual = useMemo(() => parseManualBreaks(manualText, MAX_MANUAL_BREAKS), [manualText]);
  const classification = useMemo(() => {
    if (!plots) return null;
    const props = plots.features.map((f) => f.properties);
    // Refused manual breaks fall back to quantiles (the legend says so) rather than leaving the map stale.
    const effective: ClassMethod = method === "manual" && !manual.ok ? "quantile" : method;
    return classifyPlots(props, indicator, effective, manual.ok ? manual.breaks : []);
  }, [plots, indicator, method, manual]);

  /** Manual breaks start from the indicator's quantile breaks, rounded, for the person to edit. */
  const prefillManual = (forIndicator: PlotIndicator) => {
    if (!plots || !isNumericIndicator(forIndicator)) return;
    const values = plots.features.map((f) => f.properties[forIndicator]);
    setManualText(breaksText(breaksFor("quantile", values, [])));
  };

  return {
    indicator,
    method,
    manualText,
    manualIssue: method === "manual" && !manual.ok ? manual.issue : null,
    overlays,
    classification,
    setIndicator(next) {
      setIndicatorState(next);
      if (method === "manual") prefillManual(next);
    },
    setMethod(next) {
      setMethodState(next);
      if (next === "manual") prefillManual(indicator);
    },
    setManualText,
    setOverlay(overlay, visible) {
      setOverlays((o) => ({ ...o, [overlay]: visible }));
    },
  };
}
