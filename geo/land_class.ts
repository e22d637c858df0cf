import type { LandUseEdition, PlotStatus } from "./types.ts";

/**
 * Where a plot of a given status falls in the TD/T 1029 land-status classes.
 * - `abClass`: A (built-up), B21 (meets supply conditions, not built), B22 (does not yet);
 * - `supplied`: in D (supplied state land);
 * - `suppliable`: in E (still suppliable).
 * @see ../shared/domain.md §4 (Land-status codes)
 */
export interface TdtMembership {
  readonly abClass: "A" | "B21" | "B22";
  readonly supplied: boolean;
  readonly suppliable: boolean;
}

/**
 * Working mapping from plot status to TD/T 1029 classes [configurable default; not official]:
 *
 * | status | A/B class | D | E | why |
 * |---|---|---|---|---|
 * | built | A | ✓ | | built-up land on supplied state land |
 * | under_construction | B21 | ✓ | | supplied (so it met supply conditions), not yet built-up |
 * | supplied | B21 | ✓ | | the same, works not started |
 * | available | B21 | | ✓ | serviced (三通一平) and offered for supply |
 * | approved_unsupplied | B22 | | | approved for conversion, not yet ready or offered |
 * | reclaimed | B21 | | ✓ | taken back, serviced, can be supplied again |
 *
 * Every plot is in A + B (C, unbuildable land, is not in the plot register). So the plot-register
 * figures cover land-use rights only: roads and public green space that are not plots are absent,
 * which the lead may choose to add as non-plot areas later.
 * @see ../shared/domain.md §4, §13 item 4
 */
export const STATUS_TO_TDT: Readonly<Record<PlotStatus, TdtMembership>> = {
  built: { abClass: "A", supplied: true, suppliable: false },
  under_construction: { abClass: "B21", supplied: true, suppliable: false },
  supplied: { abClass: "B21", supplied: true, suppliable: false },
  available: { abClass: "B21", supplied: false, suppliable: true },
  approved_unsupplied: { abClass: "B22", supplied: false, suppliable: false },
  reclaimed: { abClass: "B21", supplied: false, suppliable: true },
};

/**
 * Land-use code prefixes that make built land A2 (工矿仓储, industrial) [configurable default]:
 * GB/T 21010-2017 0601 工业 and 0604 仓储; the 2023 用地用海分类 1001 工业 (100101–100103) and
 * 1101 物流仓储 (110101–110103). Mining (0602, 0603, 1002) and 1102 储备库 are left out by default.
 * @see ../shared/domain.md §11 (Mapping to TD/T)
 */
export const INDUSTRIAL_LAND_USE_PREFIXES: Readonly<Record<LandUseEdition, readonly string[]>> = {
  "GB/T 21010-2017": ["0601", "0604"],
  "国土空间调查、规划、用途管制用地用海分类指南(2023)": ["1001", "1101"],
};

/**
 * True when a land-use code is industrial (counts toward A2 when built), read in its edition.
 * @param prefixes - override of `INDUSTRIAL_LAND_USE_PREFIXES` (e.g. to add mining)
 * @see ../shared/domain.md §11
 */
export function isIndustrialLandUse(
  code: string,
  edition: LandUseEdition,
  prefixes: Readonly<Record<LandUseEdition, readonly string[]>> = INDUSTRIAL_LAND_USE_PREFIXES,
): boolean {
  const c = code.trim();
  return prefixes[edition].some((p) => c.startsWith(p));
}
