import { compareIsoDates, yearsBetween } from "./calendar_years.ts";
import { GeoError } from "./errors.ts";
import { formatNumber, type Reason } from "./reason.ts";
import { APPROVED_UNSUPPLIED_OLD_YEARS, APPROVED_UNSUPPLIED_WARNING_YEARS } from "./thresholds.ts";
import type { IsoDate } from "./types.ts";

/** Age bucket of a 批而未供 approval: under 2 years, 2 to under 5, 5 or more. */
export type ApprovedUnsuppliedBucket = "<2" | "2-5" | ">=5";

/** How long land has been approved but not supplied, as of a date. */
export interface ApprovedUnsuppliedAge {
  /** Years since approval, fractional (`yearsBetween`: integer on each anniversary). */
  readonly years: number;
  /** True from the 2nd anniversary of the approval: the approval lapses if unused within 2 years. */
  readonly warning: boolean;
  readonly bucket: ApprovedUnsuppliedBucket;
  readonly reasons: readonly Reason[];
}

/**
 * Age of 批而未供 land since its conversion/requisition approval, with the 2-year lapse warning
 * and the age bucket (`<2`, `2-5`, `>=5`; the edges 2 and 5 belong to the older bucket).
 * Throws `GeoError` when `asOf` precedes `approvalDate`.
 * @param approvalDate - conversion/requisition approval date (`plots.approval_date`)
 * @param asOf - as-of date (end of day)
 * @see ../shared/domain.md §6 (lapse within 2 years; buckets < 2, 2–5, ≥ 5)
 */
export function approvedUnsuppliedAge(approvalDate: IsoDate, asOf: IsoDate): ApprovedUnsuppliedAge {
  if (compareIsoDates(asOf, approvalDate) < 0)
    throw new GeoError("asOf", `(${asOf}) must not precede approvalDate (${approvalDate})`);
  const years = yearsBetween(approvalDate, asOf);
  const warning = years >= APPROVED_UNSUPPLIED_WARNING_YEARS;
  const bucket: ApprovedUnsuppliedBucket =
    years < APPROVED_UNSUPPLIED_WARNING_YEARS ? "<2" : years < APPROVED_UNSUPPLIED_OLD_YEARS ? "2-5" : ">=5";
  const y = formatNumber(years, 2);
  const reasons: Reason[] = [
    {
      zh: `自 ${approvalDate} 批准至 ${asOf} 已 ${y} 年未供地`,
      en: `approved on ${approvalDate}, not supplied for ${y} years as of ${asOf}`,
    },
  ];
  if (warning)
    reasons.push({
      zh: `批准后满 ${APPROVED_UNSUPPLIED_WARNING_YEARS} 年未供地未用，批准文件可能失效`,
      en: `unsupplied ${APPROVED_UNSUPPLIED_WARNING_YEARS} years after approval: the approval may have lapsed`,
    });
  return { years, warning, bucket, reasons };
}
