import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import type { Zone } from "../../api/schemas/zones.ts";
import { AGGREGATE_KEYS } from "../../geo/aggregate.ts";
import { type ErrorBody, getJson } from "../helpers/api.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

interface Indicator {
  key: string;
  value: number | null;
  reason: { zh: string; en: string } | null;
  unit: string;
  definition: { zh: string; en: string };
  target: { target: number } | null;
  progress: { gap: number | null; onTrack: boolean | null } | null;
  coverage: { plots: number; missingPlots: number };
}
interface Metrics {
  year: number;
  availableYears: number[];
  indicators: Record<string, Indicator>;
  gradeCounts: Record<string, number>;
  dataCoverage: { enterprises: number };
}

const RATES = [
  "developmentRate",
  "supplyRate",
  "builtRate",
  "industrialLandRate",
  "highTechLandRate",
  "idleRate",
];

describe.each(ADAPTERS)("park and zone metrics on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let zones: Zone[];
  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
    zones = (await getJson<Zone[]>(app, "/api/zones")).body;
  });
  afterAll(async () => t.cleanup());

  test("park metrics carry every indicator with unit, definition and coverage; the latest year by default", async () => {
    const park = zones[0]?.parks[0];
    const { status, body } = await getJson<Metrics>(app, `/api/parks/${park?.id}/metrics`);
    expect(status).toBe(200);
    expect(body.availableYears).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(body.year).toBe(2024);
    for (const key of AGGREGATE_KEYS) {
      const ind = body.indicators[key];
      expect(ind?.key).toBe(key);
      expect(ind?.definition.zh.length).toBeGreaterThan(0);
      expect(ind?.value === null ? ind.reason : "known").not.toBeNull();
    }
    for (const key of RATES) {
      const v = body.indicators[key]?.value;
      if (v !== null && v !== undefined) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
    const out = body.indicators.outputPerMuWan;
    expect(out?.unit).toBe("万元/亩");
    expect(out?.target?.target).toBe(300); // provincial zone: Guizhou-style 300 万元/亩 (zone target)
    expect(out?.progress?.gap).toBeCloseTo((out?.value ?? 0) - 300, 9);
    const graded = Object.values(body.gradeCounts).reduce((a, b) => a + b, 0);
    expect(graded).toBe(body.dataCoverage.enterprises);
  });

  test("zone totals equal the sum of their parks' areas", async () => {
    const zone = zones.find((z) => z.code === "lincang-hitech");
    const zoneMetrics = (await getJson<Metrics>(app, `/api/zones/${zone?.id}/metrics?year=2023`)).body;
    expect(zoneMetrics.year).toBe(2023);
    let parksSum = 0;
    for (const p of zone?.parks ?? []) {
      parksSum +=
        (await getJson<Metrics>(app, `/api/parks/${p.id}/metrics?year=2023`)).body.indicators.areaMu?.value ??
        0;
    }
    expect(zoneMetrics.indicators.areaMu?.value).toBeCloseTo(parksSum, 6);
  });

  test("the supplied area equals the database's own sum of plot areas (SQL parity)", async () => {
    const zone = zones[0];
    const body = (await getJson<Metrics>(app, `/api/zones/${zone?.id}/metrics`)).body;
    const [row] = await t.db.query<{ mu: number }>(
      `SELECT sum(pl.area_mu)::float8 AS mu FROM plots pl JOIN parks p ON p.id = pl.park_id
        WHERE p.zone_id = $1 AND pl.status IN ('supplied', 'under_construction', 'built')`,
      [zone?.id],
    );
    expect(Math.abs((body.indicators.suppliedMu?.value ?? 0) - (row?.mu ?? 0)) / (row?.mu ?? 1)).toBeLessThan(
      1e-9,
    );
  });

  test("unknown year → 404 listing the available years; bad year → 400; unknown ids → 404", async () => {
    const park = zones[0]?.parks[0];
    const y = await getJson<ErrorBody>(app, `/api/parks/${park?.id}/metrics?year=2019`, "en");
    expect(y.status).toBe(404);
    expect(y.body.error).toEqual({
      code: "year_not_found",
      message: "No statistics for year 2019; available years: 2020, 2021, 2022, 2023, 2024",
    });
    const bad = await getJson<ErrorBody>(app, `/api/zones/${zones[0]?.id}/metrics?year=latest`, "en");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("parameter year:");
    expect((await getJson<ErrorBody>(app, "/api/parks/777777/metrics")).body.error.code).toBe(
      "park_not_found",
    );
    expect((await getJson<ErrorBody>(app, "/api/zones/777777/metrics")).status).toBe(404);
  });
});
