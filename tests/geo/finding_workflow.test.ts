import { describe, expect, test } from "vitest";
import {
  DEFAULT_IDLE_LAND_RULES,
  FINDING_STATUSES,
  type FindingStatus,
  findingFeeWan,
  idleLandFeeWan,
  isFindingDismissal,
  isLegalFindingTransition,
  nextFindingStatuses,
  type PlotRecord,
} from "../../geo/index.ts";
import { makePlot } from "./factories.ts";

/** Base plot: supplied, agreed start 2021-03-01, not started; idle (fee) from 2022-03-01, reclaim from 2023-03-01. */
const unstarted = (o: Partial<PlotRecord> = {}) =>
  makePlot({ status: "supplied", agreedStartDate: "2021-03-01", landPriceWan: 1080.74, ...o });

describe("finding workflow transitions", () => {
  test("exactly these moves are legal: one step forward, or dismissal before a disposal", () => {
    const legal: string[] = [];
    for (const from of FINDING_STATUSES)
      for (const to of FINDING_STATUSES) if (isLegalFindingTransition(from, to)) legal.push(`${from}->${to}`);
    expect(legal).toEqual([
      "identified->verified",
      "identified->closed",
      "verified->disposal_decided",
      "verified->closed",
      "disposal_decided->closed",
    ]);
  });

  test("closed is final and no status moves to itself or back", () => {
    expect(nextFindingStatuses("closed")).toEqual([]);
    const order = (s: FindingStatus) => FINDING_STATUSES.indexOf(s);
    for (const from of FINDING_STATUSES)
      for (const to of nextFindingStatuses(from)) expect(order(to)).toBeGreaterThan(order(from));
  });

  test("a dismissal is a close before any disposal", () => {
    expect(isFindingDismissal("identified", "closed")).toBe(true);
    expect(isFindingDismissal("verified", "closed")).toBe(true);
    expect(isFindingDismissal("disposal_decided", "closed")).toBe(false);
    expect(isFindingDismissal("identified", "verified")).toBe(false);
  });
});

describe("idle-land fee of a fee disposal (hand-computed: 20 % of the land price)", () => {
  test("idleLandFeeWan is 20 % of the price: 1080.74 → 216.148, 0 → 0, 2500 → 500", () => {
    expect(DEFAULT_IDLE_LAND_RULES.feeRate).toBe(0.2);
    expect(idleLandFeeWan(1080.74)).toBeCloseTo(216.148, 10);
    expect(idleLandFeeWan(0)).toBe(0);
    expect(idleLandFeeWan(2500)).toBe(500);
  });

  test("idle one full year on the anniversary: fee 216.148 万元", () => {
    const r = findingFeeWan("idle", unstarted(), "2022-03-01");
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.feeWan).toBeCloseTo(216.148, 10);
  });

  test("the day before the anniversary: not idle, no fee", () => {
    expect(findingFeeWan("idle", unstarted(), "2022-02-28")).toMatchObject({ ok: false, reason: "not_idle" });
  });

  test("reclaim stage (2 years): the year-1 fee stays due and is the same amount", () => {
    const r = findingFeeWan("idle", unstarted({ landPriceWan: 333.3 }), "2023-03-01");
    expect(r.ok && r.assessment.stage).toBe("reclaim");
    if (r.ok) expect(r.feeWan).toBeCloseTo(66.66, 10);
  });

  test("extended start date moves the clock: agreed 2021-03-01 extended to 2021-09-01 → idle from 2022-09-01", () => {
    const p = unstarted({ extendedStartDate: "2021-09-01", landPriceWan: 10 });
    expect(findingFeeWan("idle", p, "2022-08-31")).toMatchObject({ ok: false, reason: "not_idle" });
    const r = findingFeeWan("idle", p, "2022-09-01");
    expect(r.ok && r.feeWan).toBeCloseTo(2, 12);
  });

  test("government-caused delay (art. 8): exempt, no fee", () => {
    expect(findingFeeWan("idle", unstarted({ delayCause: "government" }), "2024-01-01")).toMatchObject({
      ok: false,
      reason: "exempt",
    });
  });

  test("no land price: no fee; non-idle findings never carry a fee", () => {
    expect(findingFeeWan("idle", unstarted({ landPriceWan: null }), "2024-01-01")).toMatchObject({
      ok: false,
      reason: "no_land_price",
    });
    expect(findingFeeWan("low_efficiency", unstarted(), "2024-01-01")).toEqual({
      ok: false,
      reason: "not_idle_kind",
      assessment: null,
    });
  });
});
