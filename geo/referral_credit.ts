import { type CreditPart, splitWan, yuanToWan } from "./credit_split.ts";
import { GeoError } from "./errors.ts";

/**
 * Cross-park referral credits (Wenshan rule, 文政发〔2022〕34号): a project one park recommends to
 * another counts in both parks' annual assessment, split by an agreed ratio; the zone counts it once.
 *
 * Formula: from-park credit = investment × fromShare, to-park credit = investment × (1 − fromShare),
 * each in whole 元 by the largest-remainder split of geo/credit_split.ts, so the two always add up to
 * the investment (rounded to the yuan). Unit: 万元 in, 元 and 万元 out.
 * Shares summing to 100 % is a [configurable default] of domain.md §2; the zone's default from-share
 * is configuration (`zones.referral_from_share_ratio`).
 * @see ../shared/domain.md §2 (cross-park referral)
 */

/** One ledger entry as the arithmetic needs it. */
export interface ReferralInput {
  readonly id: number;
  readonly fromParkId: number;
  readonly toParkId: number;
  /** Project investment, 万元. */
  readonly investmentWan: number;
  /** Share credited to the referring park, 0..1; the receiving park gets the rest. */
  readonly fromShareRatio: number;
  readonly creditYear: number;
}

/** The two credits of one referral. */
export interface ReferralCredit {
  readonly id: number;
  readonly totalYuan: number;
  readonly from: CreditPart & { readonly parkId: number };
  readonly to: CreditPart & { readonly parkId: number };
}

/** Splits one referral's investment between the referring and the receiving park. */
export function referralCredit(r: ReferralInput): ReferralCredit {
  if (!(r.fromShareRatio >= 0 && r.fromShareRatio <= 1))
    throw new GeoError("fromShareRatio", "must be within 0..1");
  if (r.fromParkId === r.toParkId) throw new GeoError("toParkId", "must differ from fromParkId");
  const { totalYuan, parts } = splitWan(r.investmentWan, [r.fromShareRatio, 1 - r.fromShareRatio]);
  const [from, to] = parts;
  if (!from || !to) throw new GeoError("ratios", "split returned fewer than two parts");
  return { id: r.id, totalYuan, from: { ...from, parkId: r.fromParkId }, to: { ...to, parkId: r.toParkId } };
}

/** One park's credited investment in a year. */
export interface ParkCreditTotal {
  readonly parkId: number;
  /** Referrals in which the park took part (as referring or receiving park). */
  readonly projects: number;
  readonly referredOutYuan: number;
  readonly receivedYuan: number;
  /** referredOutYuan + receivedYuan. */
  readonly creditedYuan: number;
  readonly creditedWan: number;
}

/** Per-park credited totals of one year and the zone's reconciliation. */
export interface CreditTotals {
  readonly year: number;
  readonly credits: readonly ReferralCredit[];
  /** Parks ordered by id. */
  readonly parks: readonly ParkCreditTotal[];
  /** The zone total: each project's investment once, 元. */
  readonly zoneTotalYuan: number;
  readonly zoneTotalWan: number;
  /** Σ park credits, 元; equals `zoneTotalYuan` by construction. */
  readonly parkCreditSumYuan: number;
  readonly reconciled: boolean;
}

/**
 * Per-park annual totals: every park is credited its part of each referral of `year`; the zone total
 * counts each project once. `reconciled` states Σ park credits = zone total (in whole 元).
 */
export function creditTotals(referrals: readonly ReferralInput[], year: number): CreditTotals {
  const credits = referrals.filter((r) => r.creditYear === year).map(referralCredit);
  const byPark = new Map<number, { projects: number; out: number; received: number }>();
  const add = (parkId: number, out: number, received: number) => {
    const t = byPark.get(parkId) ?? { projects: 0, out: 0, received: 0 };
    byPark.set(parkId, { projects: t.projects + 1, out: t.out + out, received: t.received + received });
  };
  for (const c of credits) {
    add(c.from.parkId, c.from.creditedYuan, 0);
    add(c.to.parkId, 0, c.to.creditedYuan);
  }
  const parks = [...byPark.entries()]
    .sort(([a], [b]) => a - b)
    .map(([parkId, t]) => ({
      parkId,
      projects: t.projects,
      referredOutYuan: t.out,
      receivedYuan: t.received,
      creditedYuan: t.out + t.received,
      creditedWan: yuanToWan(t.out + t.received),
    }));
  const zoneTotalYuan = credits.reduce((s, c) => s + c.totalYuan, 0);
  const parkCreditSumYuan = parks.reduce((s, p) => s + p.creditedYuan, 0);
  return {
    year,
    credits,
    parks,
    zoneTotalYuan,
    zoneTotalWan: yuanToWan(zoneTotalYuan),
    parkCreditSumYuan,
    reconciled: parkCreditSumYuan === zoneTotalYuan,
  };
}
