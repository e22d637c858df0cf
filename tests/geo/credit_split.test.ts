import { describe, expect, test } from "vitest";
import { benefitShares, shareEnclaveTotals } from "../../geo/benefit_sharing.ts";
import { apportionYuan, splitWan, wanToYuan } from "../../geo/credit_split.ts";
import { GeoError } from "../../geo/errors.ts";
import { creditTotals, referralCredit } from "../../geo/referral_credit.ts";
import { mulberry32 } from "../helpers/rng.ts";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("apportionYuan (largest remainder)", () => {
  test("100 元 in thirds: 34 + 33 + 33, the leftover yuan to the earliest of equal remainders", () => {
    expect(apportionYuan(100, [1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
  });

  test("1 元 at 50/50 goes to the first party; 0 元 splits into zeros", () => {
    expect(apportionYuan(1, [0.5, 0.5])).toEqual([1, 0]);
    expect(apportionYuan(0, [0.3, 0.7])).toEqual([0, 0]);
  });

  test("the larger remainder wins: 10 元 at 0.34/0.66 → 3.4/6.6 → 3 + 7", () => {
    expect(apportionYuan(10, [0.34, 0.66])).toEqual([3, 7]);
  });

  test("misuse throws GeoError naming the argument", () => {
    expect(() => apportionYuan(1.5, [1])).toThrow(GeoError);
    expect(() => apportionYuan(10, [])).toThrow(/ratios/);
    expect(() => apportionYuan(10, [0.5, 0.4])).toThrow(/sum to 1/);
    expect(() => apportionYuan(10, [-0.5, 1.5])).toThrow(/non-negative/);
  });

  test.each([1, 7, 20_251_231])(
    "parts sum to the whole and stay within 1 元 of the exact share (seed %i)",
    (seed) => {
      const rng = mulberry32(seed);
      for (let i = 0; i < 2000; i++) {
        const n = rng.int(1, 6);
        const raw = Array.from({ length: n }, () => rng.next());
        const total = raw.reduce((a, b) => a + b, 0) || 1;
        const ratios = raw.map((x) => x / total);
        const yuan = rng.int(0, 2_000_000_000);
        const parts = apportionYuan(yuan, ratios);
        expect(sum(parts), `seed ${seed} case ${i}`).toBe(yuan);
        parts.forEach((p, k) => {
          expect(Number.isInteger(p)).toBe(true);
          expect(Math.abs(p - yuan * (ratios[k] ?? 0))).toBeLessThan(1 + 1e-6);
        });
      }
    },
  );
});

describe("splitWan", () => {
  test("1,234.56789 万元 rounds to 12,345,679 元 once and splits 30/70 without losing a yuan", () => {
    const { totalYuan, parts } = splitWan(1234.56789, [0.3, 0.7]);
    expect(totalYuan).toBe(12_345_679);
    expect(parts.map((p) => p.creditedYuan)).toEqual([3_703_704, 8_641_975]);
    expect(parts[0]?.creditedWan).toBe(370.3704);
  });

  test("a negative total splits by magnitude and keeps the sign", () => {
    const { totalYuan, parts } = splitWan(-0.0003, [0.5, 0.5]);
    expect(totalYuan).toBe(-3);
    expect(parts.map((p) => p.creditedYuan)).toEqual([-2, -1]);
  });

  test("wanToYuan rounds half away from zero", () => {
    expect(wanToYuan(0.00005)).toBe(1);
    expect(wanToYuan(-0.00005)).toBe(-1);
  });
});

describe("referral credits (Wenshan rule)", () => {
  const refs = [
    { id: 1, fromParkId: 10, toParkId: 20, investmentWan: 50_000, fromShareRatio: 0.3, creditYear: 2025 },
    {
      id: 2,
      fromParkId: 20,
      toParkId: 30,
      investmentWan: 12_345.6789,
      fromShareRatio: 1 / 3,
      creditYear: 2025,
    },
    { id: 3, fromParkId: 10, toParkId: 30, investmentWan: 999.99995, fromShareRatio: 0.5, creditYear: 2025 },
    { id: 4, fromParkId: 30, toParkId: 10, investmentWan: 8000, fromShareRatio: 0.4, creditYear: 2024 },
  ];

  test("one referral: 50,000 万元 at 30/70 credits 15,000 and 35,000 万元", () => {
    const c = referralCredit(refs[0] as (typeof refs)[number]);
    expect(c.from).toMatchObject({ parkId: 10, creditedWan: 15_000, shareRatio: 0.3 });
    expect(c.to).toMatchObject({ parkId: 20, creditedWan: 35_000 });
    expect(c.from.creditedYuan + c.to.creditedYuan).toBe(c.totalYuan);
  });

  test("per-park totals of a year count each park's parts; the zone counts each project once; they reconcile", () => {
    const t = creditTotals(refs, 2025);
    expect(t.credits).toHaveLength(3);
    const byPark = Object.fromEntries(t.parks.map((p) => [p.parkId, p]));
    // 10: 15,000 out + 500 out (999.99995 → 9,999,999.5 → 10,000,000 元, half each) = 155,000,000 + 5,000,000 元
    expect(byPark[10]?.creditedYuan).toBe(150_000_000 + 5_000_000);
    // 20: 35,000 received + ⅓ of 123,456,789 元 (41,152,263) referred out
    expect(byPark[20]?.creditedYuan).toBe(350_000_000 + 41_152_263);
    // 30: ⅔ of 123,456,789 元 (82,304,526) + half of 10,000,000 元
    expect(byPark[30]?.creditedYuan).toBe(82_304_526 + 5_000_000);
    expect(t.zoneTotalYuan).toBe(500_000_000 + 123_456_789 + 10_000_000);
    expect(t.parkCreditSumYuan).toBe(t.zoneTotalYuan);
    expect(t.reconciled).toBe(true);
    expect(byPark[10]?.projects).toBe(2);
  });

  test("a split of 0 or 1 credits everything to one park; the same park twice is misuse", () => {
    const all = referralCredit({ ...(refs[0] as (typeof refs)[number]), fromShareRatio: 1 });
    expect([all.from.creditedWan, all.to.creditedWan]).toEqual([50_000, 0]);
    expect(() => referralCredit({ ...(refs[0] as (typeof refs)[number]), toParkId: 10 })).toThrow(GeoError);
    expect(() => referralCredit({ ...(refs[0] as (typeof refs)[number]), fromShareRatio: 1.2 })).toThrow(
      /fromShareRatio/,
    );
  });

  test("random ledgers always reconcile (seed 8)", () => {
    const rng = mulberry32(8);
    for (let i = 0; i < 300; i++) {
      const ledger = Array.from({ length: rng.int(1, 12) }, (_, k) => {
        const from = rng.int(1, 4);
        return {
          id: k + 1,
          fromParkId: from,
          toParkId: from + rng.int(1, 3),
          investmentWan: rng.range(0, 200_000),
          fromShareRatio: rng.next(),
          creditYear: 2025,
        };
      });
      const t = creditTotals(ledger, 2025);
      expect(t.reconciled, `case ${i}`).toBe(true);
      expect(t.zoneTotalYuan).toBe(sum(ledger.map((r) => wanToYuan(r.investmentWan))));
    }
  });
});

describe("enclave benefit sharing (Lincang rule)", () => {
  test("host share = input ratio + tilt; partner gets the rest", () => {
    expect(benefitShares({ hostInputRatio: 0.4, hostTiltRatio: 0.2 }).hostShareRatio).toBeCloseTo(0.6, 12);
    expect(benefitShares({ hostInputRatio: 0.4, hostTiltRatio: 0.2 }).partnerShareRatio).toBeCloseTo(0.4, 12);
    expect(() => benefitShares({ hostInputRatio: 0.9, hostTiltRatio: 0.2 })).toThrow(/≤ 1/);
  });

  test("tax and output split into parts that sum to the rounded totals", () => {
    const s = shareEnclaveTotals(
      { taxWan: 1234.56785, outputWan: 98_765.43211 },
      { hostInputRatio: 0.45, hostTiltRatio: 0.15 },
    );
    expect(s.tax.totalYuan).toBe(12_345_679);
    expect(s.tax.host.creditedYuan + s.tax.partner.creditedYuan).toBe(s.tax.totalYuan);
    expect(s.output.host.creditedYuan + s.output.partner.creditedYuan).toBe(s.output.totalYuan);
    expect(s.tax.host.creditedYuan).toBe(Math.round(12_345_679 * 0.6));
  });
});
