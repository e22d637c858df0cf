import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db, Queryable } from "../../api/db/db.ts";
import { muJunFirms } from "../../api/db/metrics_inputs.ts";
import type { MetricsScope } from "../../api/db/metrics_sql.ts";
import { muJunGradeCountsSql, muJunGradesSql } from "../../api/db/mu_jun_sql.ts";
import { evaluateMuJun, gradeCounts } from "../../geo/mu_jun.ts";
import {
  type MuJunProfile,
  SHANDONG_MU_JUN_PROFILE,
  ZHEJIANG_MU_JUN_PROFILE,
} from "../../geo/mu_jun_profiles.ts";
import { mulberry32, type TestRng } from "../helpers/rng.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

const REL = 1e-9;
const close = (a: number, b: number) => Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b), 1e-12);

/** The profiles compared: both built-ins, plus score bands and a term cap so every SQL branch runs. */
const PROFILES: MuJunProfile[] = [
  ZHEJIANG_MU_JUN_PROFILE,
  SHANDONG_MU_JUN_PROFILE,
  {
    ...ZHEJIANG_MU_JUN_PROFILE,
    id: "zhejiang-bands-capped",
    grading: { method: "bands", minScores: { A: 120, B: 90, C: 60 } },
    termRatioCap: 2,
  },
];

/** Differences between the SQL twin and geo/ `evaluateMuJun` for one scope, year and profile. */
async function mismatches(
  q: Db,
  scope: MetricsScope,
  year: number,
  profile: MuJunProfile,
): Promise<string[]> {
  const at = `${JSON.stringify(scope)} ${year} ${profile.id}`;
  const firms = await muJunFirms(q, scope, year);
  const geo = evaluateMuJun(firms, profile);
  const sql = await muJunGradesSql(q, scope, year, profile);
  const out: string[] = [];
  if (sql.length !== geo.length) out.push(`${at}: ${sql.length} firms in SQL, ${geo.length} in geo/`);
  geo.forEach((g, i) => {
    const s = sql[i];
    const f = firms[i];
    if (!s || !f || s.enterpriseId !== g.enterpriseId) {
      out.push(`${at}: firm order differs at ${i}`);
      return;
    }
    if (s.isAboveScale !== f.isAboveScale || s.hasStats !== (f.stats !== null))
      out.push(`${at} firm ${g.enterpriseId}: class or statistics differ`);
    if (
      (s.score === null) !== (g.score === null) ||
      (s.score !== null && g.score !== null && !close(s.score, g.score))
    )
      out.push(`${at} firm ${g.enterpriseId}: score sql ${s.score} geo ${g.score}`);
    if (s.grade !== g.grade) out.push(`${at} firm ${g.enterpriseId}: grade sql ${s.grade} geo ${g.grade}`);
  });
  const counts = await muJunGradeCountsSql(q, scope, year, profile);
  expect(counts.counts).toEqual(gradeCounts(geo));
  expect(counts.enterprises).toBe(firms.length);
  expect(counts.enterprisesWithStats).toBe(firms.filter((f) => f.stats !== null).length);
  return out;
}

describe.each(ADAPTERS)("亩均 grades in SQL equal geo/ evaluateMuJun on %s", (kind) => {
  let demo: TestDb;
  let random: TestDb;
  let randomParks: number[] = [];
  const rng = mulberry32(20_261_123);

  beforeAll(async () => {
    demo = await openAdapterDb(kind);
    random = await openAdapterDb(kind, { demo: false });
    randomParks = await insertRandomFirms(random.db, rng, 40);
  });
  afterAll(async () => {
    await demo.cleanup();
    await random.cleanup();
  });

  test("on the demo data: every park and zone, 2020–2024, three profiles", async () => {
    const parks = await demo.db.query<{ id: number; zone_id: number }>(
      "SELECT id, zone_id FROM parks ORDER BY id",
    );
    const scopes: MetricsScope[] = [
      ...parks.map((p) => ({ park: p.id })),
      ...[...new Set(parks.map((p) => p.zone_id))].map((z) => ({ zone: z })),
    ];
    const bad: string[] = [];
    for (const profile of PROFILES)
      for (const scope of scopes)
        for (let y = 2020; y <= 2024; y++) bad.push(...(await mismatches(demo.db, scope, y, profile)));
    expect(bad.slice(0, 10)).toEqual([]);
  }, 240_000);

  test(`on random firms (seed ${rng.seed}): nulls, zeros, negatives, ties, firms with land in several parks`, async () => {
    expect(randomParks).toHaveLength(40);
    const [zone] = await random.db.query<{ id: number }>("SELECT id FROM zones");
    const bad: string[] = [];
    for (const profile of PROFILES) {
      for (let y = 2021; y <= 2023; y++)
        bad.push(...(await mismatches(random.db, { zone: zone?.id ?? 0 }, y, profile)));
      for (const [i, park] of randomParks.entries())
        bad.push(...(await mismatches(random.db, { park }, 2021 + (i % 3), profile)));
    }
    expect(bad.slice(0, 10)).toEqual([]);
  }, 240_000);
});

/**
 * A zone of `n` parks with random firms: random statistics with missing fields, zeros (zero energy,
 * staff or revenue → null indicators), negative value added, exact duplicates of other firms (ties),
 * and plots of one firm in several parks. Returns the park ids.
 */
async function insertRandomFirms(q: Queryable, rng: TestRng, n: number): Promise<number[]> {
  const [zone] = await q.query<{ id: number }>(
    `INSERT INTO zones (code, name, name_en, province, level, policy_profile) VALUES ('mj', '随机区', 'Random', '云南省', 'provincial', 'test') RETURNING id`,
  );
  const parks = await q.query<{ id: number }>(
    `INSERT INTO parks (zone_id, code, name, name_en, role, host_county, host_county_en, geom)
     SELECT $1, 'mj' || i, '园' || i, 'Park ' || i, 'park', '县', 'County',
            ST_Multi(ST_MakeEnvelope(100 + i * 0.1, 23, 100.09 + i * 0.1, 23.09, 4326))
       FROM generate_series(1, $2) i ORDER BY i RETURNING id`,
    [zone?.id, n],
  );
  const firms = await q.query<{ id: number }>(
    `INSERT INTO enterprises (name, industry_code, industry_edition, is_above_scale)
     SELECT '企业' || i, '3216', 'GB/T 4754-2017', i % 3 <> 0 FROM generate_series(1, $1) i RETURNING id`,
    [n * 12],
  );
  const v = (p: number, f: () => number) => (rng.next() < p ? f() : null);
  const pickVal = (zero: number, f: () => number) => v(0.9, () => (rng.next() < zero ? 0 : f()));
  type Row = Record<string, number | null>;
  const stats: Row[] = [];
  // Every 7th firm copies the statistics of the firm before it (same land below): exact score ties.
  firms.forEach((f, i) => {
    for (const year of [2020, 2021, 2022, 2023]) {
      const prev =
        i % 7 === 6 ? stats.find((s) => s.enterpriseId === firms[i - 1]?.id && s.year === year) : undefined;
      if (prev) {
        stats.push({ ...prev, enterpriseId: f.id });
        continue;
      }
      if (rng.next() < 0.15) continue;
      stats.push({
        enterpriseId: f.id,
        year,
        outputWan: pickVal(0.05, () => rng.next() * 50_000),
        valueAddedWan: v(0.9, () => rng.next() * 12_000 - 1_000),
        taxWan: v(0.9, () => rng.next() * 3_000 - 100),
        revenueWan: pickVal(0.05, () => rng.next() * 60_000),
        energyTce: pickVal(0.05, () => rng.next() * 20_000),
        emissionsT: pickVal(0.05, () => rng.next() * 500),
        electricityKwh: pickVal(0.05, () => rng.next() * 1e8),
        employees: pickVal(0.05, () => rng.int(1, 3_000)),
        rndWan: pickVal(0.1, () => rng.next() * 2_000),
      });
    }
  });
  await q.query(
    `INSERT INTO enterprise_stats (enterprise_id, year, output_wan, value_added_wan, tax_wan, revenue_wan, energy_tce,
       emissions_t, electricity_kwh, employees, rnd_wan)
     SELECT x."enterpriseId", x.year, x."outputWan", x."valueAddedWan", x."taxWan", x."revenueWan", x."energyTce",
       x."emissionsT", x."electricityKwh", x."employees", x."rndWan"
       FROM json_to_recordset($1::json) AS x("enterpriseId" int, year int, "outputWan" float8, "valueAddedWan" float8,
         "taxWan" float8, "revenueWan" float8, "energyTce" float8, "emissionsT" float8, "electricityKwh" float8,
         employees int, "rndWan" float8)`,
    [JSON.stringify(stats)],
  );
  // One plot per firm in a random park, a third of the firms with a second plot in another park; a
  // copied firm gets plots of the same shapes (same land); every 10th firm has no plot at all.
  const plots: { parkId: number; code: string; enterpriseId: number; x: number; y: number; w: number }[] = [];
  let last: typeof plots = [];
  firms.forEach((f, i) => {
    if (i % 7 === 6) {
      const copy = last.map((p, k) => ({ ...p, code: `MJ${f.id}-${k}`, enterpriseId: f.id }));
      plots.push(...copy);
      return;
    }
    last = [];
    if (i % 10 === 9) return;
    const w = 0.001 + rng.next() * 0.006;
    const count = rng.next() < 0.33 ? 2 : 1;
    for (let k = 0; k < count; k++) {
      const pi = rng.int(0, parks.length - 1);
      last.push({
        parkId: parks[pi]?.id ?? 0,
        code: `MJ${f.id}-${k}`,
        enterpriseId: f.id,
        x: 100 + (pi + 1) * 0.1 + (i % 8) * 0.01,
        y: 23 + k * 0.04 + (Math.floor(i / 8) % 4) * 0.01,
        w,
      });
    }
    plots.push(...last);
  });
  await q.query(
    `INSERT INTO plots (park_id, code, land_use_code, land_use_edition, status, enterprise_id, geom)
     SELECT x."parkId", x.code, '0601', 'GB/T 21010-2017', 'built', x."enterpriseId",
            ST_Multi(ST_MakeEnvelope(x.x, x.y, x.x + x.w, x.y + x.w, 4326))
       FROM json_to_recordset($1::json) AS x("parkId" int, code text, "enterpriseId" int, x float8, y float8, w float8)`,
    [JSON.stringify(plots)],
  );
  return parks.map((p) => p.id);
}
