import { describe, expect, test } from "vitest";
import {
  approvedUnsuppliedAge,
  assessIdleLand,
  DEFAULT_IDLE_LAND_RULES,
  GeoError,
  type IdleLandAssessment,
  type PlotRecord,
} from "../../geo/index.ts";
import { makePlot } from "./factories.ts";

/**
 * Golden cases, computed by hand from 闲置土地处置办法 (2012) art. 2, 8, 14 and domain.md §5.
 * Base plot: supplied, agreed start 2021-03-01, land price 500 万元 (fee 20 % = 100 万元).
 * Full years are anniversaries: from 2021-03-01 the 1st is 2022-03-01, the 2nd 2023-03-01.
 */
const unstarted = (o: Partial<PlotRecord> = {}) =>
  makePlot({ status: "supplied", agreedStartDate: "2021-03-01", landPriceWan: 500, ...o });
/** Started 2021-06-01, suspended since 2022-01-10 (1st anniversary 2023-01-10), investment 1000 万元 total. */
const stalled = (o: Partial<PlotRecord> = {}) =>
  makePlot({
    status: "under_construction",
    agreedStartDate: "2021-03-01",
    actualStartDate: "2021-06-01",
    suspendedSince: "2022-01-10",
    developedAreaRatio: 0.5,
    investedExclLandWan: 500,
    totalInvestmentExclLandWan: 1000,
    landPriceWan: 500,
    ...o,
  });

type Expected = Pick<IdleLandAssessment, "status" | "stage" | "exempt" | "feeWan" | "years" | "since"> & {
  missingInputs?: readonly string[];
  exemptCause?: string;
};
const NOT_IDLE = { status: "not_idle", stage: null, exempt: false, feeWan: null } as const;

const cases: readonly [string, PlotRecord, string, Expected][] = [
  // ── trigger 1: not started ──
  [
    "unstarted, day before the 1st anniversary (363 days)",
    unstarted(),
    "2022-02-28",
    { ...NOT_IDLE, years: 0, since: "2021-03-01" },
  ],
  [
    "unstarted, on the 1st anniversary → fee 500 × 0.2 = 100",
    unstarted(),
    "2022-03-01",
    { status: "idle_unstarted", stage: "fee", exempt: false, feeWan: 100, years: 1, since: "2021-03-01" },
  ],
  [
    "unstarted, day before the 2nd anniversary → still fee",
    unstarted(),
    "2023-02-28",
    { status: "idle_unstarted", stage: "fee", exempt: false, feeWan: 100, years: 1, since: "2021-03-01" },
  ],
  [
    "unstarted, on the 2nd anniversary → reclaim (year-1 fee stays due)",
    unstarted(),
    "2023-03-01",
    { status: "idle_unstarted", stage: "reclaim", exempt: false, feeWan: 100, years: 2, since: "2021-03-01" },
  ],
  [
    "unstarted, 364 days after 2022-01-01 (2022-12-31) is not a full year",
    unstarted({ agreedStartDate: "2022-01-01" }),
    "2022-12-31",
    { ...NOT_IDLE, years: 0, since: "2022-01-01" },
  ],
  [
    "unstarted, 365 days after 2022-01-01 is the anniversary",
    unstarted({ agreedStartDate: "2022-01-01" }),
    "2023-01-01",
    { status: "idle_unstarted", stage: "fee", exempt: false, feeWan: 100, years: 1, since: "2022-01-01" },
  ],
  [
    "29 Feb start: 2021-02-27 is short of the anniversary",
    unstarted({ agreedStartDate: "2020-02-29" }),
    "2021-02-27",
    { ...NOT_IDLE, years: 0, since: "2020-02-29" },
  ],
  [
    "29 Feb start: anniversary is 28 Feb in a common year",
    unstarted({ agreedStartDate: "2020-02-29" }),
    "2021-02-28",
    { status: "idle_unstarted", stage: "fee", exempt: false, feeWan: 100, years: 1, since: "2020-02-29" },
  ],
  [
    "as-of before the agreed start date",
    unstarted(),
    "2021-01-01",
    { ...NOT_IDLE, years: 0, since: "2021-03-01" },
  ],
  [
    "extension to 2022-03-01: 2023-02-28 is not yet a year",
    unstarted({ extendedStartDate: "2022-03-01" }),
    "2023-02-28",
    { ...NOT_IDLE, years: 0, since: "2022-03-01" },
  ],
  [
    "extension to 2022-03-01: idle from 2023-03-01, fee stage (not reclaim)",
    unstarted({ extendedStartDate: "2022-03-01" }),
    "2023-03-01",
    { status: "idle_unstarted", stage: "fee", exempt: false, feeWan: 100, years: 1, since: "2022-03-01" },
  ],
  [
    "missing land price: idle, fee unknown",
    unstarted({ landPriceWan: null }),
    "2022-03-01",
    {
      status: "idle_unstarted",
      stage: "fee",
      exempt: false,
      feeWan: null,
      years: 1,
      since: "2021-03-01",
      missingInputs: ["landPriceWan"],
    },
  ],
  [
    "missing agreed start date: undetermined, not idle",
    unstarted({ agreedStartDate: null }),
    "2024-01-01",
    { ...NOT_IDLE, years: 0, since: null, missingInputs: ["agreedStartDate"] },
  ],
  [
    "government-caused delay, 2 years: exempt, no stage, no fee",
    unstarted({ delayCause: "government" }),
    "2023-03-01",
    {
      status: "idle_unstarted",
      stage: null,
      exempt: true,
      exemptCause: "government",
      feeWan: null,
      years: 2,
      since: "2021-03-01",
    },
  ],
  [
    "enterprise-caused delay is not exempt",
    unstarted({ delayCause: "enterprise" }),
    "2022-03-01",
    { status: "idle_unstarted", stage: "fee", exempt: false, feeWan: 100, years: 1, since: "2021-03-01" },
  ],
  [
    "actual start recorded after as-of: not started as of then",
    unstarted({ actualStartDate: "2022-05-01" }),
    "2022-03-01",
    { status: "idle_unstarted", stage: "fee", exempt: false, feeWan: 100, years: 1, since: "2021-03-01" },
  ],
  [
    "started on time, never suspended",
    unstarted({ actualStartDate: "2021-04-01" }),
    "2024-01-01",
    { ...NOT_IDLE, years: 0, since: null },
  ],
  // ── status ──
  [
    "built plot is never idle",
    unstarted({ status: "built" }),
    "2024-01-01",
    { ...NOT_IDLE, years: 0, since: null },
  ],
  [
    "available plot is not supplied",
    unstarted({ status: "available" }),
    "2024-01-01",
    { ...NOT_IDLE, years: 0, since: null },
  ],
  [
    "under construction without start date counts as started",
    makePlot({ status: "under_construction", agreedStartDate: "2021-03-01" }),
    "2024-01-01",
    { ...NOT_IDLE, years: 0, since: null },
  ],
  // ── trigger 2: stalled ──
  [
    "stalled 20 % developed, day before 1 year suspended",
    stalled({ developedAreaRatio: 0.2 }),
    "2023-01-09",
    { ...NOT_IDLE, years: 0, since: "2022-01-10" },
  ],
  [
    "stalled 20 % developed, 1 year suspended → fee 100",
    stalled({ developedAreaRatio: 0.2 }),
    "2023-01-10",
    { status: "idle_stalled", stage: "fee", exempt: false, feeWan: 100, years: 1, since: "2022-01-10" },
  ],
  [
    "stalled 3 years: still fee (stalled never reclaims by default)",
    stalled({ developedAreaRatio: 0.2 }),
    "2025-01-10",
    { status: "idle_stalled", stage: "fee", exempt: false, feeWan: 100, years: 3, since: "2022-01-10" },
  ],
  [
    "exactly 1/3 developed, 50 % invested: not below → not idle",
    stalled({ developedAreaRatio: 1 / 3 }),
    "2023-06-01",
    { ...NOT_IDLE, years: 1, since: "2022-01-10" },
  ],
  [
    "1/3 as a stored float8 0.333333333333333 is still exactly 1/3",
    stalled({ developedAreaRatio: 0.333333333333333 }),
    "2023-06-01",
    { ...NOT_IDLE, years: 1, since: "2022-01-10" },
  ],
  [
    "just under 1/3 developed (0.3333) → stalled",
    stalled({ developedAreaRatio: 0.3333 }),
    "2023-06-01",
    { status: "idle_stalled", stage: "fee", exempt: false, feeWan: 100, years: 1, since: "2022-01-10" },
  ],
  [
    "exactly 25 % invested (250 / 1000), 50 % developed: not idle",
    stalled({ investedExclLandWan: 250 }),
    "2023-06-01",
    { ...NOT_IDLE, years: 1, since: "2022-01-10" },
  ],
  [
    "24.999 % invested (249.99 / 1000) → stalled",
    stalled({ investedExclLandWan: 249.99 }),
    "2023-06-01",
    { status: "idle_stalled", stage: "fee", exempt: false, feeWan: 100, years: 1, since: "2022-01-10" },
  ],
  [
    "force majeure on a stalled plot: exempt",
    stalled({ developedAreaRatio: 0.1, delayCause: "force_majeure" }),
    "2023-06-01",
    {
      status: "idle_stalled",
      stage: null,
      exempt: true,
      exemptCause: "force_majeure",
      feeWan: null,
      years: 1,
      since: "2022-01-10",
    },
  ],
  [
    "stalled, developed share missing, invested ≥ 25 %: undetermined",
    stalled({ developedAreaRatio: null }),
    "2023-06-01",
    { ...NOT_IDLE, years: 1, since: "2022-01-10", missingInputs: ["developedAreaRatio"] },
  ],
  [
    "stalled, developed share missing but invested 10 %: idle anyway",
    stalled({ developedAreaRatio: null, investedExclLandWan: 100 }),
    "2023-06-01",
    { status: "idle_stalled", stage: "fee", exempt: false, feeWan: 100, years: 1, since: "2022-01-10" },
  ],
];

describe("assessIdleLand golden cases (hand-computed)", () => {
  test.each(cases)("%s", (_name, plot, asOf, expected) => {
    const r = assessIdleLand(plot, asOf);
    expect({
      status: r.status,
      stage: r.stage,
      exempt: r.exempt,
      feeWan: r.feeWan,
      years: r.years,
      since: r.since,
    }).toEqual({
      status: expected.status,
      stage: expected.stage,
      exempt: expected.exempt,
      feeWan: expected.feeWan,
      years: expected.years,
      since: expected.since,
    });
    expect(r.missingInputs).toEqual(expected.missingInputs ?? []);
    expect(r.exemptCause).toBe(expected.exemptCause);
    expect(r.reasons.length).toBeGreaterThan(0);
    for (const reason of r.reasons) {
      expect(reason.zh).not.toBe("");
      expect(reason.en).not.toBe("");
    }
  });

  test("stalledCanReclaim switches a 2-year stalled plot to reclaim", () => {
    const r = assessIdleLand(stalled({ developedAreaRatio: 0.2 }), "2024-01-10", {
      ...DEFAULT_IDLE_LAND_RULES,
      stalledCanReclaim: true,
    });
    expect([r.status, r.stage, r.years]).toEqual(["idle_stalled", "reclaim", 2]);
  });

  test("reasons carry the dates, years, ratios and fee in both languages", () => {
    const fee = assessIdleLand(unstarted(), "2022-03-01");
    expect(fee.reasons[0]?.zh).toContain("2021-03-01");
    expect(fee.reasons[0]?.en).toContain("1 full year");
    expect(fee.reasons[1]?.zh).toContain("100 万元");
    expect(fee.reasons[1]?.en).toContain("20 %");
    const s = assessIdleLand(stalled({ developedAreaRatio: 0.2 }), "2023-01-10");
    expect(s.reasons[0]?.zh).toContain("20 %");
    expect(s.reasons[0]?.en).toContain("suspended 1 full year since 2022-01-10");
    const exempt = assessIdleLand(unstarted({ delayCause: "government" }), "2023-03-01");
    expect(exempt.reasons[1]?.zh).toContain("协商处置");
    expect(exempt.reasons[1]?.en).toContain("negotiated disposal");
  });

  test("a malformed as-of date is a programmer error", () => {
    expect(() => assessIdleLand(unstarted(), "2022-13-01")).toThrow(GeoError);
  });
});

describe("approvedUnsuppliedAge (批而未供, hand-computed)", () => {
  test.each([
    // approval 2020-06-15; 2nd anniversary 2022-06-15; 5th 2025-06-15
    ["2021-12-15", 1 + 183 / 365, false, "<2"], // 2021-06-15 → 2021-12-15 is 183 of 365 days
    ["2022-06-14", 1 + 364 / 365, false, "<2"],
    ["2022-06-15", 2, true, "2-5"],
    ["2025-06-14", 4 + 364 / 365, true, "2-5"],
    ["2025-06-15", 5, true, ">=5"],
  ] as const)("as of %s → %f years, warning %s, bucket %s", (asOf, years, warning, bucket) => {
    const a = approvedUnsuppliedAge("2020-06-15", asOf);
    expect(a.years).toBeCloseTo(years, 12);
    expect(a.warning).toBe(warning);
    expect(a.bucket).toBe(bucket);
  });

  test("as-of before the approval is a programmer error", () => {
    expect(() => approvedUnsuppliedAge("2020-06-15", "2020-06-14")).toThrow(GeoError);
  });
});
