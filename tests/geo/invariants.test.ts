import { describe, expect, test } from "vitest";
import {
  AGGREGATE_KEYS,
  type AggregateInput,
  type AnnualStats,
  aggregateLand,
  type EnterpriseRecord,
  M2_PER_MU,
  m2ToMu,
  muToM2,
  PLOT_STATUSES,
  type PlotRecord,
  squareMeters,
} from "../../geo/index.ts";
import { mulberry32, type TestRng } from "../helpers/rng.ts";
import { makeEnterprise, makePlot, makeStats } from "./factories.ts";

const SEEDS = Array.from({ length: 50 }, (_, i) => 20_251_231 + i);
const RATE_KEYS = [
  "developmentRate",
  "supplyRate",
  "builtRate",
  "industrialLandRate",
  "highTechLandRate",
  "idleRate",
  "buildingDensity",
  "industrialCoverage",
] as const;

const isoDate = (rng: TestRng, from: number, to: number) =>
  `${rng.int(from, to)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
const maybe = <T>(rng: TestRng, p: number, v: T): T | null => (rng.next() < p ? v : null);

/** A random park: plots of every status, footprints within the plot, some data missing on purpose. */
function randomPark(rng: TestRng): AggregateInput {
  const enterprises: EnterpriseRecord[] = Array.from({ length: rng.int(0, 8) }, (_, i) =>
    makeEnterprise(100 + i, { isHighTech: rng.next() < 0.3, isAboveScale: rng.next() < 0.6 }),
  );
  const plots: PlotRecord[] = Array.from({ length: rng.int(0, 40) }, (_, i) => {
    const areaM2 = rng.next() < 0.05 ? 0 : rng.int(1_000, 200_000) + rng.next();
    const footprint = areaM2 * rng.next() * 0.6;
    const yards = (areaM2 - footprint) * rng.next() * 0.5;
    return makePlot({
      id: i + 1,
      status: rng.pick(PLOT_STATUSES),
      areaM2,
      landUseCode: rng.pick(["0601", "0604", "0505", "0701"]),
      enterpriseId: enterprises.length > 0 && rng.next() < 0.8 ? rng.pick(enterprises).id : null,
      builtFloorAreaM2: maybe(rng, 0.9, areaM2 * rng.next() * 2),
      buildingFootprintM2: maybe(rng, 0.9, footprint),
      structuresYardM2: maybe(rng, 0.9, yards),
      agreedStartDate: maybe(rng, 0.8, isoDate(rng, 2018, 2024)),
      actualStartDate: maybe(rng, 0.4, isoDate(rng, 2018, 2024)),
      suspendedSince: maybe(rng, 0.2, isoDate(rng, 2019, 2024)),
      developedAreaRatio: maybe(rng, 0.7, rng.next()),
      investedExclLandWan: maybe(rng, 0.7, rng.int(0, 1000)),
      totalInvestmentExclLandWan: maybe(rng, 0.7, rng.int(0, 2000)),
      landPriceWan: maybe(rng, 0.8, rng.int(10, 5000)),
      supplyDate: maybe(rng, 0.7, isoDate(rng, 2015, 2024)),
    });
  });
  const stats: AnnualStats[] = enterprises.flatMap((e) =>
    [2022, 2023, 2024].flatMap((year) =>
      rng.next() < 0.75
        ? [
            makeStats(e.id, year, {
              taxWan: maybe(rng, 0.9, rng.int(0, 5000)),
              outputWan: maybe(rng, 0.9, rng.int(0, 90_000)),
              fixedAssetInvestmentWan: maybe(rng, 0.8, rng.int(0, 9000)),
            }),
          ]
        : [],
    ),
  );
  return { plots, enterprises, stats, year: 2024 };
}

describe("invariants (seeded; the seed is printed on failure)", () => {
  test.each(SEEDS)("seed %i: m² → 亩 → m² round-trips", (seed) => {
    const rng = mulberry32(seed);
    for (let i = 0; i < 200; i++) {
      const m2 = rng.next() * 10 ** rng.int(0, 9);
      const back = muToM2(m2ToMu(squareMeters(m2)));
      expect(Math.abs(back - m2), `seed ${seed}, m² ${m2}`).toBeLessThanOrEqual(
        Math.abs(m2) * 4 * Number.EPSILON,
      );
    }
    expect(m2ToMu(squareMeters(M2_PER_MU * 15))).toBeCloseTo(15, 13);
  });

  test.each(SEEDS)(
    "seed %i: aggregates do not depend on plot order; rates stay in [0, 1]; no NaN",
    (seed) => {
      const rng = mulberry32(seed);
      const park = randomPark(rng);
      const a = aggregateLand(park);
      const b = aggregateLand({
        ...park,
        plots: rng.shuffle(park.plots),
        stats: rng.shuffle(park.stats),
        enterprises: rng.shuffle(park.enterprises),
      });
      expect(b, `seed ${seed}`).toEqual(a);
      for (const k of RATE_KEYS) {
        const v = a[k].value;
        if (v !== null) {
          expect(v, `seed ${seed}, ${k}`).toBeGreaterThanOrEqual(0);
          expect(v, `seed ${seed}, ${k}`).toBeLessThanOrEqual(1 + 1e-12);
        } else expect(a[k].reason, `seed ${seed}, ${k}`).not.toBeNull();
      }
      for (const k of AGGREGATE_KEYS) {
        const c = a[k].coverage;
        expect(c.plots + c.missingPlots, `seed ${seed}, ${k}`).toBe(c.eligiblePlots);
      }
      expect(a.suppliedMu.value ?? 0, `seed ${seed}`).toBeLessThanOrEqual(
        (a.supplyReadyMu.value ?? 0) + 1e-9,
      );
      expect(JSON.parse(JSON.stringify(a)), `seed ${seed}`).toEqual(a);
    },
  );
});
