import { assessIdleLand, type IdleLandAssessment, type IdleLandInput } from "./idle_land.ts";
import type { IsoDate } from "./types.ts";

/** What a reviewer found on a plot: idle land (闲置土地), low-efficiency land (低效用地), or a data error. */
export const FINDING_KINDS = ["idle", "low_efficiency", "data_error"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Workflow statuses of a finding, in order: 认定 → 核实 → 处置决定 → 办结. */
export const FINDING_STATUSES = ["identified", "verified", "disposal_decided", "closed"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/**
 * Disposal decided for a finding: idle-land fee (征缴闲置费), reclaim (无偿收回), extension of the start
 * date (延长动工期限), change of use (调整用途), negotiated paid take-back (协议有偿收回).
 * @see 闲置土地处置办法 (2012) art. 12, 14; ../shared/domain.md §5 (disposal options: configurable default)
 */
export const DISPOSALS = ["fee", "reclaim", "extension", "change_of_use", "negotiated_takeback"] as const;
export type Disposal = (typeof DISPOSALS)[number];

/**
 * The legal moves: forward one step (identified → verified → disposal_decided → closed), or dismissal of an
 * unfounded finding (identified | verified → closed, a note required). Closed is final.
 */
const NEXT: Readonly<Record<FindingStatus, readonly FindingStatus[]>> = {
  identified: ["verified", "closed"],
  verified: ["disposal_decided", "closed"],
  disposal_decided: ["closed"],
  closed: [],
};

/** The statuses a finding in `from` may move to (empty when closed). */
export function nextFindingStatuses(from: FindingStatus): readonly FindingStatus[] {
  return NEXT[from];
}

/** True when `from → to` is a legal move of the review workflow. */
export function isLegalFindingTransition(from: FindingStatus, to: FindingStatus): boolean {
  return NEXT[from].includes(to);
}

/** True when `from → to` closes a finding without a disposal (dismissal): the note must say why. */
export function isFindingDismissal(from: FindingStatus, to: FindingStatus): boolean {
  return to === "closed" && (from === "identified" || from === "verified");
}

/** The fee of a `fee` disposal, or why there is none. */
export type FindingFee =
  | { readonly ok: true; readonly feeWan: number; readonly assessment: IdleLandAssessment }
  | {
      readonly ok: false;
      readonly reason: "not_idle_kind" | "not_idle" | "exempt" | "no_land_price";
      readonly assessment: IdleLandAssessment | null;
    };

/**
 * The idle-land fee a `fee` disposal fixes, 万元: `assessIdleLand(plot, asOf).feeWan` (20 % of the land
 * price once the plot has been idle ≥ 1 full year; `idleLandFeeWan` is the one formula). Only `idle`
 * findings carry a fee; a plot that is not idle as of `asOf`, is exempt (government cause, force
 * majeure: art. 8) or has no land price yields no fee, with the reason.
 * @see 闲置土地处置办法 (2012) art. 2, 8, 14(1); geo/idle_land.ts
 */
export function findingFeeWan(kind: FindingKind, plot: IdleLandInput, asOf: IsoDate): FindingFee {
  if (kind !== "idle") return { ok: false, reason: "not_idle_kind", assessment: null };
  const assessment = assessIdleLand(plot, asOf);
  if (assessment.exempt) return { ok: false, reason: "exempt", assessment };
  if (assessment.status === "not_idle") return { ok: false, reason: "not_idle", assessment };
  if (assessment.feeWan === null) return { ok: false, reason: "no_land_price", assessment };
  return { ok: true, feeWan: assessment.feeWan, assessment };
}
