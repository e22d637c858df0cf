import { type CreditPart, splitWan } from "./credit_split.ts";
import { GeoError } from "./errors.ts";

/**
 * Enclave benefit sharing (Lincang rule, 临办发〔2019〕5号): an enclave park's tax and economic results
 * are shared by input ratio, tilted toward the host county; each party is credited its part (各记其功).
 *
 * Formula: hostShare = hostInput + hostTilt (≤ 1), partnerShare = 1 − hostShare. Each total (tax,
 * output) is split in whole 元 by the largest-remainder rule of geo/credit_split.ts, so host part +
 * partner part = total (rounded to the yuan). Unit: ratios 0..1; money 万元 in, 元 and 万元 out.
 * The tilt is a [configurable default] (domain.md §2, §13 item 12).
 * @see ../shared/domain.md §2 (Lincang 一核四园, ShareAgreement{parties, inputShare, taxShare, hostTilt})
 */

/** An enclave agreement's terms. */
export interface ShareAgreementTerms {
  /** The host county's share of the inputs, 0..1. */
  readonly hostInputRatio: number;
  /** Extra share to the host, 0..1; hostInput + hostTilt ≤ 1. */
  readonly hostTiltRatio: number;
}

/** The host's and the partner's share of results. */
export function benefitShares(t: ShareAgreementTerms): { hostShareRatio: number; partnerShareRatio: number } {
  const { hostInputRatio: input, hostTiltRatio: tilt } = t;
  if (!(input >= 0 && input <= 1)) throw new GeoError("hostInputRatio", "must be within 0..1");
  if (!(tilt >= 0 && tilt <= 1)) throw new GeoError("hostTiltRatio", "must be within 0..1");
  if (input + tilt > 1 + 1e-12) throw new GeoError("hostTiltRatio", "hostInput + hostTilt must be ≤ 1");
  const hostShareRatio = Math.min(1, input + tilt);
  return { hostShareRatio, partnerShareRatio: 1 - hostShareRatio };
}

/** One shared total (tax or output) and its two parts. */
export interface SharedTotal {
  readonly totalYuan: number;
  readonly host: CreditPart;
  readonly partner: CreditPart;
}

/** Splits an enclave's totals (万元) between host and partner by the agreement. */
export function shareEnclaveTotals(
  totals: { readonly taxWan: number; readonly outputWan: number },
  terms: ShareAgreementTerms,
): { hostShareRatio: number; partnerShareRatio: number; tax: SharedTotal; output: SharedTotal } {
  const shares = benefitShares(terms);
  const split = (wan: number): SharedTotal => {
    const { totalYuan, parts } = splitWan(wan, [shares.hostShareRatio, shares.partnerShareRatio]);
    const [host, partner] = parts;
    if (!host || !partner) throw new GeoError("ratios", "split returned fewer than two parts");
    return { totalYuan, host, partner };
  };
  return { ...shares, tax: split(totals.taxWan), output: split(totals.outputWan) };
}
