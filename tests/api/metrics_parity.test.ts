import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db, Queryable } from "../../api/db/db.ts";
import { loadMetricsInputs } from "../../api/db/metrics_inputs.ts";
import { type MetricsScope, metricsSums } from "../../api/db/metrics_sql.ts";
import {
  AGGREGATE_KEYS,
  type AggregateKey,
  aggregateSums,
  type FigureSums,
  figuresFromSums,
} from "../../geo/aggregate.ts";
import { fullYearsBetween } from "../../geo/calendar_years.ts";
import { mulberry32, type TestRng } from "../helpers/rng.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

const REL = 1e-9;
const close = (a: number, b: number) => Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b), 1e-12);

/** Differences between SQL and geo/ sums (empty when they agree). */
async function mismatches(q: Db, scope: MetricsScope, year: number, asOf?: string): Promise<string[]> {
  const inputs = await loadMetricsInputs(q, scope);
  const sql = await metricsSums(q, scope, year, asOf);
  const geo = aggregateSums({ ...inputs, year, ...(asOf ? { asOf } : {}) });
  const out: string[] = [];
  for (const k of AGGREGATE_KEYS) {
    const a = sql[k];
    const b = geo[k];
    for (const f of ["numerator", "denominator"] as const)
      if (!close(a[f], b[f])) out.push(`${JSON.stringify(scope)} ${year} ${k}.${f}: sql ${a[f]} geo ${b[f]}`);
    for (const f of ["plots", "eligiblePlots", "enterprises"] as const)
      if (a[f] !== b[f]) out.push(`${JSON.stringify(scope)} ${year} ${k}.${f}: sql ${a[f]} geo ${b[f]}`);
  }
  const fs = figuresFromSums(sql);
  const fg = figuresFromSums(geo as Record<AggregateKey, FigureSums>);
  for (const k of AGGREGATE_KEYS) {
    const a = fs[k].value;
    const b = fg[k].value;
    if ((a === null) !== (b === null) || (a !== null && b !== null && !close(a, b)))
      out.push(`${JSON.stringify(scope)} ${year} ${k}: sql ${a} geo ${b}`);
  }
  return out;
}

describe.each(ADAPTERS)("SQL aggregates equal geo/ aggregates on %s", (kind) => {
  let demo: TestDb;
  let random: TestDb;
  let randomParks: number[] = [];
  const rng = mulberry32(20_261_122);

  beforeAll(async () => {
    demo = await openAdapterDb(kind);
    random = await openAdapterDb(kind, { demo: false });
    randomParks = await insertRandomParks(random.db, rng, 200);
  });
  afterAll(async () => {
    await demo.cleanup();
    await random.cleanup();
  });

  test("on the demo data: every park and zone, every year 2020–2024, within 1e-9 relative", async () => {
    const parks = await demo.db.query<{ id: number; zone_id: number }>(
      "SELECT id, zone_id FROM parks ORDER BY id",
    );
    const scopes: MetricsScope[] = [
      ...parks.map((p) => ({ park: p.id })),
      ...[...new Set(parks.map((p) => p.zone_id))].map((z) => ({ zone: z })),
    ];
    const bad: string[] = [];
    for (const scope of scopes)
      for (let y = 2020; y <= 2024; y++) bad.push(...(await mismatches(demo.db, scope, y)));
    expect(bad).toEqual([]);
  });

  test(`on 200 randomized parks (seed ${rng.seed}), idle rules on random as-of dates`, async () => {
    expect(randomParks).toHaveLength(200);
    const bad: string[] = [];
    for (const [i, park] of randomParks.entries()) {
      const asOf = `${2019 + (i % 7)}-${String(1 + (i % 12)).padStart(2, "0")}-${i % 3 === 0 ? "28" : "01"}`;
      bad.push(...(await mismatches(random.db, { park }, 2018 + (i % 6), asOf)));
    }
    expect(bad.slice(0, 10)).toEqual([]);
  }, 240_000);

  test("za_full_years equals fullYearsBetween, 29 February included", async () => {
    const pairs: [string, string][] = [
      ["2020-02-29", "2021-02-27"],
      ["2020-02-29", "2021-02-28"],
      ["2020-02-29", "2024-02-28"],
      ["2020-02-29", "2024-02-29"],
      ["2023-03-01", "2024-02-29"],
      ["2023-06-15", "2024-06-14"],
      ["2023-06-15", "2024-06-15"],
    ];
    for (let i = 0; i < 300; i++) {
      const from = randomDate(rng, 2012, 2022);
      const to = randomDate(rng, Number(from.slice(0, 4)), 2026);
      if (to >= from) pairs.push([from, to]);
    }
    const rows = await demo.db.query<{ n: number }>(
      "SELECT za_full_years(f, t) AS n FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS x(f, t, i) ORDER BY i",
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    expect(rows.map((r) => r.n)).toEqual(pairs.map(([f, t]) => fullYearsBetween(f, t)));
  });
});

function randomDate(rng: TestRng, y0: number, y1: number): string {
  const y = rng.int(y0, y1);
  const m = rng.int(1, 12);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 28;
  return `${y}-${String(m).padStart(2, "0")}-${String(rng.int(1, days)).padStart(2, "0")}`;
}

const STATUSES = ["available", "approved_unsupplied", "supplied", "under_construction", "built", "reclaimed"];
const maybe = <T>(rng: TestRng, p: number, v: () => T): T | null => (rng.next() < p ? v() : null);

/** Inserts a zone with `n` parks of 5–40 random plots each, random firms and statistics; returns park ids. */
async function insertRandomParks(q: Queryable, rng: TestRng, n: number): Promise<number[]> {
  const [zone] = await q.query<{ id: number }>(
    `INSERT INTO zones (code, name, name_en, province, level, policy_profile) VALUES ('rnd', '随机区', 'Random', '云南省', 'provincial', 'test') RETURNING id`,
  );
  const parks = await q.query<{ id: number }>(
    `INSERT INTO parks (zone_id, code, name, name_en, role, host_county, host_county_en, geom)
     SELECT $1, 'p' || i, '园' || i, 'Park ' || i, 'park', '县', 'County',
            ST_Multi(ST_MakeEnvelope(100 + i * 0.1, 23, 100.09 + i * 0.1, 23.09, 4326))
       FROM generate_series(1, $2) i ORDER BY i RETURNING id`,
    [zone?.id, n],
  );
  const firms = await q.query<{ id: number }>(
    `INSERT INTO enterprises (name, industry_code, industry_edition, is_high_tech, is_above_scale)
     SELECT '企业' || i, '3216', 'GB/T 4754-2017', i % 5 = 0, i % 2 = 0 FROM generate_series(1, $1) i RETURNING id`,
    [n * 6],
  );
  const stats = firms.flatMap((f) =>
    [2018, 2019, 2020, 2021, 2022, 2023].flatMap((year) =>
      rng.next() < 0.8
        ? [
            {
              enterpriseId: f.id,
              year,
              outputWan: maybe(rng, 0.9, () => rng.next() * 50_000),
              taxWan: maybe(rng, 0.9, () => rng.next() * 3_000),
              fixedAssetInvestmentWan: maybe(rng, 0.7, () => rng.next() * 10_000),
            },
          ]
        : [],
    ),
  );
  await q.query(
    `INSERT INTO enterprise_stats (enterprise_id, year, output_wan, tax_wan, fixed_asset_investment_wan)
     SELECT x."enterpriseId", x.year, x."outputWan", x."taxWan", x."fixedAssetInvestmentWan"
       FROM json_to_recordset($1::json) AS x("enterpriseId" int, year int, "outputWan" float8, "taxWan" float8, "fixedAssetInvestmentWan" float8)`,
    [JSON.stringify(stats)],
  );
  const plots = parks.flatMap((p, pi) =>
    Array.from({ length: rng.int(5, 40) }, (_, j) => {
      const status = rng.pick(STATUSES);
      const occupied = ["supplied", "under_construction", "built"].includes(status);
      const x = 100 + (pi + 1) * 0.1 + (j % 8) * 0.01;
      const y = 23 + Math.floor(j / 8) * 0.01;
      const w = 0.002 + rng.next() * 0.006;
      const sixths = rng.int(0, 6) / 6;
      return {
        parkId: p.id,
        code: `R${p.id}-${j}`,
        landUseCode: rng.pick(["0601", "0604", "0602", "100101", "110102", "0701", " 0601 "]),
        landUseEdition:
          rng.next() < 0.7 ? "GB/T 21010-2017" : "国土空间调查、规划、用途管制用地用海分类指南(2023)",
        status,
        enterpriseId: occupied || rng.next() < 0.1 ? (rng.pick(firms)?.id ?? null) : null,
        agreedStartDate: maybe(rng, 0.85, () => randomDate(rng, 2015, 2024)),
        extendedStartDate: maybe(rng, 0.1, () => randomDate(rng, 2016, 2025)),
        actualStartDate: maybe(rng, 0.5, () => randomDate(rng, 2015, 2025)),
        suspendedSince: maybe(rng, 0.4, () => randomDate(rng, 2016, 2025)),
        developedAreaRatio: maybe(rng, 0.8, () => (rng.next() < 0.3 ? 1 / 3 : sixths)),
        investedExclLandWan: maybe(rng, 0.8, () => rng.pick([0, 250, 1000, rng.next() * 4000])),
        totalInvestmentExclLandWan: maybe(rng, 0.8, () => rng.pick([0, 1000, 4000])),
        builtFloorAreaM2: maybe(rng, 0.7, () => rng.next() * 90_000),
        buildingFootprintM2: maybe(rng, 0.7, () => rng.next() * 30_000),
        structuresYardM2: maybe(rng, 0.7, () => rng.next() * 10_000),
        wkt: `POLYGON((${x} ${y}, ${x + w} ${y}, ${x + w} ${y + w}, ${x} ${y + w}, ${x} ${y}))`,
      };
    }),
  );
  await q.query(
    `INSERT INTO plots (park_id, code, land_use_code, land_use_edition, status, enterprise_id, agreed_start_date,
       extended_start_date, actual_start_date, suspended_since, developed_area_ratio, invested_excl_land_wan,
       total_investment_excl_land_wan, built_floor_area_m2, building_footprint_m2, structures_yard_m2, geom)
     SELECT x."parkId", x.code, x."landUseCode", x."landUseEdition", x.status, x."enterpriseId", x."agreedStartDate",
       x."extendedStartDate", x."actualStartDate", x."suspendedSince", x."developedAreaRatio", x."investedExclLandWan",
       x."totalInvestmentExclLandWan", x."builtFloorAreaM2", x."buildingFootprintM2", x."structuresYardM2",
       ST_Multi(ST_GeomFromText(x.wkt, 4326))
       FROM json_to_recordset($1::json) AS x("parkId" int, code text, "landUseCode" text, "landUseEdition" text,
         status text, "enterpriseId" int, "agreedStartDate" date, "extendedStartDate" date, "actualStartDate" date,
         "suspendedSince" date, "developedAreaRatio" float8, "investedExclLandWan" float8,
         "totalInvestmentExclLandWan" float8, "builtFloorAreaM2" float8, "buildingFootprintM2" float8,
         "structuresYardM2" float8, wkt text)`,
    [JSON.stringify(plots)],
  );
  return parks.map((p) => p.id);
}
