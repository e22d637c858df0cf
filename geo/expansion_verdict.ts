import { type Reason, reason } from "./reason.ts";
import { EXPANSION_CONFLICT_TOLERANCE_M2, EXPANSION_MIN_INSIDE_BOUNDARY_RATIO } from "./thresholds.ts";
import { M2_PER_MU } from "./units.ts";

/** Outcome of checking a drawn or proposed boundary against the control lines. */
export type ExpansionVerdict = "pass" | "warn" | "fail";

/** What PostGIS measured for the boundary. */
export interface BoundaryCheckMeasures {
  /** Overlap with each constraint type other than the development boundary, m² (ellipsoidal). */
  readonly conflictM2: Readonly<Record<string, number>>;
  /** Share inside the development boundary (0–1), or null when the zone has no such layer. */
  readonly insideBoundaryRatio: number | null;
  /** Overlap with existing parks and plots, m². */
  readonly existingLandM2: number;
  /** Constraint types the zone has no layer for. */
  readonly missingTypes: readonly string[];
}

/** Types whose overlap fails a proposal outright: 永久基本农田 and 生态保护红线 (三条控制线). [firm] */
export const HARD_CONSTRAINT_TYPES = ["permanent_farmland", "ecological_redline"] as const;

/**
 * Verdict for an expansion boundary:
 * - `fail` when it overlaps 永久基本农田 or 生态保护红线 by ≥ `EXPANSION_CONFLICT_TOLERANCE_M2`, or lies
 *   inside the 城镇开发边界 by less than `EXPANSION_MIN_INSIDE_BOUNDARY_RATIO`;
 * - `warn` when it overlaps another constraint type (flood, steep slope, other) or existing parks and
 *   plots, or when a constraint layer is missing (the check could not be complete);
 * - `pass` otherwise.
 * Candidate land must lie outside farmland and the red line and inside the development boundary.
 * @see ../shared/domain.md §10 (Dossier); 三条控制线 (自然资源部, 2019)
 */
export function expansionVerdict(m: BoundaryCheckMeasures): { verdict: ExpansionVerdict; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let verdict: ExpansionVerdict = "pass";
  const raise = (v: ExpansionVerdict) => {
    if (v === "fail" || (v === "warn" && verdict === "pass")) verdict = v;
  };
  for (const [type, m2] of Object.entries(m.conflictM2)) {
    if (m2 < EXPANSION_CONFLICT_TOLERANCE_M2) continue;
    const mu = (m2 / M2_PER_MU).toFixed(2);
    const hard = (HARD_CONSTRAINT_TYPES as readonly string[]).includes(type);
    raise(hard ? "fail" : "warn");
    reasons.push(reason(`与 ${type} 重叠 ${mu} 亩`, `overlaps ${type} by ${mu} mu`));
  }
  if (m.insideBoundaryRatio !== null && m.insideBoundaryRatio < EXPANSION_MIN_INSIDE_BOUNDARY_RATIO) {
    raise("fail");
    const pct = (m.insideBoundaryRatio * 100).toFixed(1);
    reasons.push(
      reason(`仅 ${pct}% 位于城镇开发边界内`, `only ${pct}% lies inside the urban development boundary`),
    );
  }
  if (m.existingLandM2 >= EXPANSION_CONFLICT_TOLERANCE_M2) {
    raise("warn");
    const mu = (m.existingLandM2 / M2_PER_MU).toFixed(2);
    reasons.push(reason(`与现有园区或宗地重叠 ${mu} 亩`, `overlaps existing parks or plots by ${mu} mu`));
  }
  if (m.missingTypes.length > 0) {
    raise("warn");
    reasons.push(
      reason(
        `缺少约束图层：${m.missingTypes.join("、")}，检查不完整`,
        `constraint layers missing: ${m.missingTypes.join(", ")}; the check is incomplete`,
      ),
    );
  }
  if (reasons.length === 0) reasons.push(reason("未发现冲突", "no conflicts found"));
  return { verdict, reasons };
}
