/**
 * Source ids of the map's sources: GeoJSON loaded from /api, except `plots`, which is the vector-tile
 * endpoint `/api/tiles/plots/{z}/{x}/{y}.mvt` on the app's own origin.
 */
export const SOURCE = {
  context: "context",
  constraints: "constraints",
  parks: "parks",
  plots: "plots",
  enclaveLinks: "enclave-links",
  parkPoints: "park-points",
} as const;
export type SourceId = (typeof SOURCE)[keyof typeof SOURCE];
/** The sources fed with GeoJSON (`setData`). */
export type GeoJsonSourceId = Exclude<SourceId, typeof SOURCE.plots>;

/** Layer ids other code refers to (interaction, selection filters, overlay toggles, tests). */
export const LAYER = {
  plotsFill: "plots-fill",
  plotsSelected: "plots-selected",
  plotsSelectedHalo: "plots-selected-halo",
  overlayIdle: "plots-overlay-idle",
  overlayApprovedUnsupplied: "plots-overlay-approved-unsupplied",
  overlayLowEfficiency: "plots-overlay-low-efficiency",
  overlayLowEfficiencyCasing: "plots-overlay-low-efficiency-casing",
  parksSelected: "parks-selected",
  enclaveLinks: "enclave-links-line",
} as const;

/** The hatch image id the ecological red line fill uses (generated in code, no sprite). */
export const REDLINE_HATCH_IMAGE = "redline-hatch";

/** Pattern images of the plot overlays (generated in code, no sprite). */
export const OVERLAY_IMAGE = {
  idle: "overlay-idle-hatch",
  approvedUnsupplied: "overlay-approved-unsupplied-dots",
} as const;
