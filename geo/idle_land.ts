import { compareIsoDates, fullYearsBetween } from "./calendar_years.ts";
import { isBelow, safeRatio } from "./ratio.ts";
import { formatNumber, formatPercent, type Reason } from "./reason.ts";
import {
  IDLE_FEE_RATE,
  IDLE_STALLED_CAN_RECLAIM,
  IDLE_STALLED_DEVELOPED_MIN_RATIO,
  IDLE_STALLED_INVESTED_MIN_RATIO,
  IDLE_STALLED_SUSPENDED_YEARS,
  IDLE_UNSTARTED_FEE_YEARS,
  IDLE_UNSTARTED_RECLAIM_YEARS,
} from "./thresholds.ts";
import type { DelayCause, IsoDate, PlotRecord } from "./types.ts";

/** The plot fields the idle-land rules read. */
export type IdleLandInput = Pick<
  PlotRecord,
  | "status"
  | "agreedStartDate"
  | "extendedStartDate"
  | "actualStartDate"
  | "developedAreaRatio"
  | "investedExclLandWan"
  | "totalInvestmentExclLandWan"
  | "suspendedSince"
  | "delayCause"
  | "landPriceWan"
>;

/**
 * The idle-land rule set. Defaults (`DEFAULT_IDLE_LAND_RULES`) are the regulation's numbers from
 * `thresholds.ts`; `stalledCanReclaim` and `exemptCauses` are configurable defaults.
 * @see ../shared/domain.md §5, §13 item 5
 */
export interface IdleLandRules {
  /** Fee as a share of the land price (0.20). */
  readonly feeRate: number;
  /** Full years unstarted that make a plot idle, stage `fee` (1). */
  readonly unstartedFeeYears: number;
  /** Full years unstarted that reach stage `reclaim` (2). */
  readonly unstartedReclaimYears: number;
  /** Developed share below which a suspended plot is stalled (1/3). */
  readonly stalledDevelopedMinRatio: number;
  /** Invested share below which a suspended plot is stalled (0.25). */
  readonly stalledInvestedMinRatio: number;
  /** Full years of suspension that make a stalled plot idle (1). */
  readonly stalledSuspendedYears: number;
  /** Whether stalled plots reach `reclaim` after `unstartedReclaimYears` of suspension (false). */
  readonly stalledCanReclaim: boolean;
  /** Delay causes that exempt a plot from fee and reclaim (art. 8: government; force majeure). */
  readonly exemptCauses: readonly DelayCause[];
}

/** The 2012 regulation's rules; stalled plots never reach `reclaim`. */
export const DEFAULT_IDLE_LAND_RULES: IdleLandRules = {
  feeRate: IDLE_FEE_RATE,
  unstartedFeeYears: IDLE_UNSTARTED_FEE_YEARS,
  unstartedReclaimYears: IDLE_UNSTARTED_RECLAIM_YEARS,
  stalledDevelopedMinRatio: IDLE_STALLED_DEVELOPED_MIN_RATIO,
  stalledInvestedMinRatio: IDLE_STALLED_INVESTED_MIN_RATIO,
  stalledSuspendedYears: IDLE_STALLED_SUSPENDED_YEARS,
  stalledCanReclaim: IDLE_STALLED_CAN_RECLAIM,
  exemptCauses: ["government", "force_majeure"],
};

/** `not_idle`, or idle because development never started, or because it stalled. */
export type IdleStatus = "not_idle" | "idle_unstarted" | "idle_stalled";
/** The consequence reached: the 20 % fee (≥ 1 year) or reclaim without compensation (≥ 2 years unstarted). */
export type IdleStage = "fee" | "reclaim";

/** The idle-land finding for one plot as of one date. A flag for review: legal status follows official notices. */
export interface IdleLandAssessment {
  readonly status: IdleStatus;
  /** Consequence reached; null when not idle or exempt. */
  readonly stage: IdleStage | null;
  /** True when the plot is idle but the delay was government-caused or force majeure (art. 8). */
  readonly exempt: boolean;
  /** The exempting cause, present only when `exempt`. */
  readonly exemptCause?: DelayCause;
  /** Idle-land fee = feeRate × land price, 万元; null when no stage, exempt, or price missing. */
  readonly feeWan: number | null;
  /** Full years elapsed since `since` as of the as-of date (0 when the clock has not started). */
  readonly years: number;
  /** Date the relevant clock runs from (start date, or suspension date), or null when none runs. */
  readonly since: IsoDate | null;
  readonly reasons: readonly Reason[];
  /** Fields whose absence left the finding undetermined or incomplete (e.g. `agreedStartDate`). */
  readonly missingInputs: readonly string[];
}

const NOT_SUPPLIED: Record<string, Reason> = {
  available: {
    zh: "尚未供地（可供），闲置土地认定只适用于已供应土地",
    en: "not supplied (available): idle-land rules apply to supplied land only",
  },
  approved_unsupplied: {
    zh: "批而未供，闲置土地认定只适用于已供应土地",
    en: "approved but not supplied: idle-land rules apply to supplied land only",
  },
  built: { zh: "已建成，不属于闲置土地", en: "built: not idle land" },
  reclaimed: {
    zh: "土地使用权已收回，不再认定闲置",
    en: "reclaimed: the land-use right has already been taken back",
  },
};

const yearsText = (n: number): Reason => ({ zh: `${n} 年`, en: `${n} full year${n === 1 ? "" : "s"}` });

/**
 * Assesses a plot under 闲置土地处置办法 (2012, 国土资源部令第53号) as of `asOf` (end of that day).
 *
 * - Only `supplied` and `under_construction` plots can be idle; `built`, unsupplied and reclaimed
 *   plots are `not_idle` with a reason.
 * - **Unstarted** (art. 2(1)): start date = extended start date if set, else agreed start date.
 *   Development has started when `actualStartDate ≤ asOf`, or the status is `under_construction`
 *   and no start date was recorded (the status is the evidence). Not started ≥ 1 full year after
 *   the start date → `idle_unstarted`, stage `fee`; ≥ 2 full years → stage `reclaim` (art. 14).
 *   No start date → `not_idle` with `missingInputs: ["agreedStartDate"]` (undetermined, never idle by guess).
 * - **Stalled** (art. 2(2)): started, suspended (`suspendedSince`) ≥ 1 full year, and developed
 *   area < 1/3 or invested < 25 % of total investment (exactly 1/3 or 25 % is not below) →
 *   `idle_stalled`, stage `fee`; `reclaim` only if `rules.stalledCanReclaim`.
 * - **Exempt** (art. 8): delay cause in `rules.exemptCauses` → status still reported, stage null,
 *   no fee; the reason says the case goes to negotiated disposal.
 * - Fee = `feeRate` × land price, reported for stages `fee` and `reclaim` (the year-1 fee stays
 *   due when the land is later reclaimed); null when the price is missing.
 * Full years are calendar anniversaries (`fullYearsBetween`, 29 Feb → 28 Feb).
 * @see 闲置土地处置办法 (2012) art. 2, 8, 14; ../shared/domain.md §5
 */
export function assessIdleLand(
  plot: IdleLandInput,
  asOf: IsoDate,
  rules: IdleLandRules = DEFAULT_IDLE_LAND_RULES,
): IdleLandAssessment {
  const notIdle = (reasons: Reason[], since: IsoDate | null = null, years = 0, missing: string[] = []) => ({
    status: "not_idle" as const,
    stage: null,
    exempt: false,
    feeWan: null,
    years,
    since,
    reasons,
    missingInputs: missing,
  });
  const blocked = NOT_SUPPLIED[plot.status];
  if (blocked) return notIdle([blocked]);
  const started =
    plot.actualStartDate === null
      ? plot.status === "under_construction"
      : compareIsoDates(plot.actualStartDate, asOf) <= 0;

  if (!started) {
    const start = plot.extendedStartDate ?? plot.agreedStartDate;
    const kind: Reason = plot.extendedStartDate
      ? { zh: "延期后的动工日期", en: "extended start date" }
      : { zh: "约定动工日期", en: "agreed start date" };
    if (start === null)
      return notIdle(
        [
          {
            zh: "未动工，且无约定动工日期，无法判定是否闲置",
            en: "not started and no agreed start date: idle status cannot be determined",
          },
        ],
        null,
        0,
        ["agreedStartDate"],
      );
    if (compareIsoDates(asOf, start) < 0)
      return notIdle(
        [
          {
            zh: `${kind.zh} ${start} 尚未到期（截至 ${asOf}）`,
            en: `${kind.en} ${start} not yet reached (as of ${asOf})`,
          },
        ],
        start,
      );
    const years = fullYearsBetween(start, asOf);
    if (years < rules.unstartedFeeYears)
      return notIdle(
        [
          {
            zh: `超过${kind.zh} ${start} 未动工，截至 ${asOf} 未满 ${rules.unstartedFeeYears} 年`,
            en: `not started since the ${kind.en} ${start}, under ${rules.unstartedFeeYears} full year(s) as of ${asOf}`,
          },
        ],
        start,
        years,
      );
    const trigger: Reason = {
      zh: `超过${kind.zh} ${start} 满 ${yearsText(years).zh}未动工开发（截至 ${asOf}），依《闲置土地处置办法》第二条属闲置土地`,
      en: `development not started ${yearsText(years).en} after the ${kind.en} ${start} (as of ${asOf}): idle land under art. 2 of the Measures on Disposal of Idle Land (2012)`,
    };
    return conclude(
      plot,
      rules,
      "idle_unstarted",
      years >= rules.unstartedReclaimYears ? "reclaim" : "fee",
      start,
      years,
      trigger,
    );
  }

  if (plot.suspendedSince === null || compareIsoDates(asOf, plot.suspendedSince) < 0)
    return notIdle([
      {
        zh: `已动工开发，未停工（截至 ${asOf}）`,
        en: `development started and not suspended (as of ${asOf})`,
      },
    ]);
  const since = plot.suspendedSince;
  const years = fullYearsBetween(since, asOf);
  if (years < rules.stalledSuspendedYears)
    return notIdle(
      [
        {
          zh: `自 ${since} 停工，截至 ${asOf} 未满 ${rules.stalledSuspendedYears} 年`,
          en: `suspended since ${since}, under ${rules.stalledSuspendedYears} full year(s) as of ${asOf}`,
        },
      ],
      since,
      years,
    );
  const dev = plot.developedAreaRatio;
  const inv = safeRatio(plot.investedExclLandWan, plot.totalInvestmentExclLandWan, {
    numerator: { zh: "已完成投资", en: "investment made" },
    denominator: { zh: "总投资", en: "total investment" },
  }).value;
  const devMin = rules.stalledDevelopedMinRatio;
  const invMin = rules.stalledInvestedMinRatio;
  const devBelow = dev !== null && isBelow(dev, devMin);
  const invBelow = inv !== null && isBelow(inv, invMin);
  const devText: Reason =
    dev === null
      ? { zh: "开发面积比例未知", en: "developed share unknown" }
      : {
          zh: `已开发面积占 ${formatPercent(dev)}（${devBelow ? "不足" : "不低于"} ${formatPercent(devMin)}）`,
          en: `developed ${formatPercent(dev)} of the area (${devBelow ? "below" : "not below"} ${formatPercent(devMin)})`,
        };
  const invText: Reason =
    inv === null
      ? { zh: "投资比例未知", en: "invested share unknown" }
      : {
          zh: `已投资占总投资 ${formatPercent(inv)}（${invBelow ? "不足" : "不低于"} ${formatPercent(invMin)}）`,
          en: `invested ${formatPercent(inv)} of the total (${invBelow ? "below" : "not below"} ${formatPercent(invMin)})`,
        };
  const facts: Reason = { zh: `${devText.zh}，${invText.zh}`, en: `${devText.en}; ${invText.en}` };
  if (!devBelow && !invBelow) {
    const missing = [
      ...(dev === null ? ["developedAreaRatio"] : []),
      ...(inv === null ? ["investedExclLandWan", "totalInvestmentExclLandWan"] : []),
    ];
    const head: Reason =
      missing.length > 0
        ? {
            zh: `自 ${since} 停工满 ${yearsText(years).zh}，但开发或投资比例缺失，无法判定`,
            en: `suspended ${yearsText(years).en} since ${since}, but the developed or invested share is missing: undetermined`,
          }
        : {
            zh: `自 ${since} 停工满 ${yearsText(years).zh}，但开发和投资比例均未低于标准，不属闲置`,
            en: `suspended ${yearsText(years).en} since ${since}, but neither share is below its threshold: not idle`,
          };
    return notIdle([head, facts], since, years, missing);
  }
  const trigger: Reason = {
    zh: `已动工开发但${facts.zh}，且自 ${since} 中止开发建设满 ${yearsText(years).zh}（截至 ${asOf}），依第二条属闲置土地`,
    en: `development started but ${facts.en}, and suspended ${yearsText(years).en} since ${since} (as of ${asOf}): idle land under art. 2`,
  };
  const stage = rules.stalledCanReclaim && years >= rules.unstartedReclaimYears ? "reclaim" : "fee";
  return conclude(plot, rules, "idle_stalled", stage, since, years, trigger);
}

/**
 * The idle-land fee (土地闲置费): `rules.feeRate` (20 %) × the transfer or allocation price, 万元.
 * The one definition: `assessIdleLand` and the review workflow's `fee` disposal both use it.
 * @param landPriceWan transfer or allocation price, 万元 (≥ 0)
 * @see 闲置土地处置办法 (2012) art. 14(1); ../shared/domain.md §5
 */
export function idleLandFeeWan(landPriceWan: number, rules: IdleLandRules = DEFAULT_IDLE_LAND_RULES): number {
  return rules.feeRate * landPriceWan;
}

function conclude(
  plot: IdleLandInput,
  rules: IdleLandRules,
  status: "idle_unstarted" | "idle_stalled",
  stage: IdleStage,
  since: IsoDate,
  years: number,
  trigger: Reason,
): IdleLandAssessment {
  const cause = plot.delayCause;
  if (cause !== null && rules.exemptCauses.includes(cause)) {
    const who: Reason =
      cause === "government"
        ? { zh: "政府或政府有关部门的行为", en: "government action" }
        : { zh: "不可抗力", en: "force majeure" };
    return {
      status,
      stage: null,
      exempt: true,
      exemptCause: cause,
      feeWan: null,
      years,
      since,
      reasons: [
        trigger,
        {
          zh: `动工延迟由${who.zh}造成，依第八条不征收土地闲置费、不无偿收回，应与使用者协商处置`,
          en: `the delay was caused by ${who.en}: under art. 8 no fee and no reclaim; the case goes to negotiated disposal`,
        },
      ],
      missingInputs: [],
    };
  }
  const price = plot.landPriceWan;
  const feeWan = price === null ? null : idleLandFeeWan(price, rules);
  const rate = formatPercent(rules.feeRate, 4);
  const feeReason: Reason =
    price === null || feeWan === null
      ? {
          zh: `应按土地价款的 ${rate} 征缴土地闲置费，但缺少土地价款，无法计算金额`,
          en: `an idle-land fee of ${rate} of the land price is due, but the land price is missing`,
        }
      : {
          zh: `按土地价款 ${formatNumber(price, 4)} 万元的 ${rate} 征缴土地闲置费 ${formatNumber(feeWan, 4)} 万元（第十四条第一项）`,
          en: `idle-land fee ${rate} of the land price ${formatNumber(price, 4)} 万元 = ${formatNumber(feeWan, 4)} 万元 (art. 14(1))`,
        };
  const reclaimReason: Reason = {
    zh: `满 ${rules.unstartedReclaimYears} 年，可无偿收回国有建设用地使用权（第十四条第二项）`,
    en: `${rules.unstartedReclaimYears} full years reached: the land-use right may be taken back without compensation (art. 14(2))`,
  };
  return {
    status,
    stage,
    exempt: false,
    feeWan,
    years,
    since,
    reasons: stage === "reclaim" ? [trigger, reclaimReason, feeReason] : [trigger, feeReason],
    missingInputs: price === null ? ["landPriceWan"] : [],
  };
}
