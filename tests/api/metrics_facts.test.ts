import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../../api/db/db.ts";
import { refreshMetricsFacts, zoneSumsFromFacts } from "../../api/db/metrics_facts.ts";
import { metricsSums } from "../../api/db/metrics_sql.ts";
import { muJunGradeCountsSql } from "../../api/db/mu_jun_sql.ts";
import { listStatsYears } from "../../api/db/plot_detail.ts";
import { AGGREGATE_KEYS } from "../../geo/aggregate.ts";
import {
  type MuJunProfile,
  SHANDONG_MU_JUN_PROFILE,
  ZHEJIANG_MU_JUN_PROFILE,
} from "../../geo/mu_jun_profiles.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

/** Summation order differs (stored rows vs the statement's CTE), so the last bits may too. */
const REL = 1e-12;
const close = (a: number, b: number) => Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b), 1e-300);

const PROFILES: MuJunProfile[] = [
  ZHEJIANG_MU_JUN_PROFILE,
  SHANDONG_MU_JUN_PROFILE,
  {
    ...ZHEJIANG_MU_JUN_PROFILE,
    id: "bands",
    grading: { method: "bands", minScores: { A: 120, B: 90, C: 60 } },
  },
];

/**
 * Every way the facts-based zone figures differ from the from-scratch statements, for every zone
 * and statistics year (refreshing first, as the endpoint does).
 */
async function factsDrift(db: Db): Promise<string[]> {
  await db.transaction((tx) => refreshMetricsFacts(tx));
  const zones = await db.query<{ id: number }>("SELECT id FROM zones ORDER BY id");
  const out: string[] = [];
  for (const { id: zone } of zones) {
    for (const year of await listStatsYears(db)) {
      const fresh = await metricsSums(db, { zone }, year);
      const stored = await db.transaction((tx) => zoneSumsFromFacts(tx, zone, year));
      for (const k of AGGREGATE_KEYS) {
        for (const f of ["numerator", "denominator", "plots", "eligiblePlots", "enterprises"] as const) {
          if (!close(fresh[k][f], stored[k][f]))
            out.push(`zone ${zone} ${year} ${k}.${f}: tables ${fresh[k][f]} facts ${stored[k][f]}`);
        }
      }
      for (const profile of PROFILES) {
        const a = await muJunGradeCountsSql(db, { zone }, year, profile, "tables");
        const b = await muJunGradeCountsSql(db, { zone }, year, profile, "facts");
        if (JSON.stringify(a) !== JSON.stringify(b))
          out.push(
            `zone ${zone} ${year} ${profile.id}: tables ${JSON.stringify(a)} facts ${JSON.stringify(b)}`,
          );
      }
    }
  }
  return out;
}

describe.each(ADAPTERS)("zone metrics from stored facts on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openAdapterDb(kind);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  test("the first refresh builds every park; the facts equal the from-scratch statements for every zone and year", async () => {
    const first = await t.db.transaction((tx) => refreshMetricsFacts(tx));
    const [parks] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM parks");
    expect(first).toMatchObject({ rebuilt: true, parks: parks?.n });
    expect(await factsDrift(t.db)).toEqual([]);
    // Nothing written since: nothing to do.
    expect(await t.db.transaction((tx) => refreshMetricsFacts(tx))).toEqual({
      parks: 0,
      enterprises: 0,
      rebuilt: false,
    });
  });

  test("a firm's plot reshaped in one park re-queues its plots' other parks (their statistics shares change)", async () => {
    // Give firm X, whose plots lie in park A, a second plot in another park B of the same zone.
    const [x] = await t.db.query<{ firm: number; plot: number; park: number; zone: number }>(
      `SELECT pl.enterprise_id AS firm, pl.id AS plot, pl.park_id AS park, pk.zone_id AS zone
         FROM plots pl JOIN parks pk ON pk.id = pl.park_id JOIN enterprise_stats es ON es.enterprise_id = pl.enterprise_id
        WHERE pl.status = 'built' ORDER BY pl.id LIMIT 1`,
    );
    const [b] = await t.db.query<{ plot: number; park: number }>(
      `SELECT pl.id AS plot, pl.park_id AS park FROM plots pl JOIN parks pk ON pk.id = pl.park_id
        WHERE pk.zone_id = $1 AND pl.park_id <> $2 AND pl.status = 'built' ORDER BY pl.id LIMIT 1`,
      [x?.zone, x?.park],
    );
    expect(x && b).toBeTruthy();
    await t.db.query("UPDATE plots SET enterprise_id = $1 WHERE id = $2", [x?.firm, b?.plot]);
    await t.db.transaction((tx) => refreshMetricsFacts(tx));
    // Reshape the plot in park A only: park B's facts (the share of X's statistics) must follow.
    await t.db.query("UPDATE plots SET geom = ST_Multi(ST_Buffer(geom, 0.0002, 1)) WHERE id = $1", [x?.plot]);
    const queued = await t.db.query<{ park_id: number }>("SELECT park_id FROM za_metrics_queue ORDER BY 1");
    expect(queued.map((r) => r.park_id)).toEqual(expect.arrayContaining([x?.park, b?.park]));
    const r = await t.db.transaction((tx) => refreshMetricsFacts(tx));
    expect(r.rebuilt).toBe(false);
    expect(r.parks).toBeGreaterThanOrEqual(2);
    expect(await factsDrift(t.db)).toEqual([]);
  });

  test("statistics, enterprise and plot edits, deletions and a park moved to another zone keep the facts exact", async () => {
    const [s] = await t.db.query<{ enterprise_id: number; year: number }>(
      "SELECT enterprise_id, year FROM enterprise_stats ORDER BY enterprise_id, year LIMIT 1",
    );
    await t.db.query(
      "UPDATE enterprise_stats SET tax_wan = tax_wan * 3 + 17 WHERE enterprise_id = $1 AND year = $2",
      [s?.enterprise_id, s?.year],
    );
    await t.db.query("UPDATE enterprises SET is_above_scale = NOT is_above_scale WHERE id = $1", [
      s?.enterprise_id,
    ]);
    await t.db.query("DELETE FROM plots WHERE id = (SELECT max(id) FROM plots WHERE status = 'built')");
    await t.db.query(
      "UPDATE plots SET status = 'supplied', actual_start_date = NULL WHERE id = (SELECT min(id) FROM plots WHERE status = 'under_construction')",
    );
    expect(await factsDrift(t.db)).toEqual([]);
    const [park] = await t.db.query<{ id: number; zone_id: number }>(
      "SELECT id, zone_id FROM parks ORDER BY id LIMIT 1",
    );
    await t.db.query("UPDATE parks SET zone_id = (SELECT min(id) FROM zones WHERE id <> $1) WHERE id = $2", [
      park?.zone_id,
      park?.id,
    ]);
    expect(await factsDrift(t.db)).toEqual([]);
  });

  test("a new statistics year rebuilds every park, so the new year covers plots without statistics too", async () => {
    const [s] = await t.db.query<{ enterprise_id: number; year: number }>(
      "SELECT enterprise_id, max(year) AS year FROM enterprise_stats GROUP BY 1 ORDER BY 1 LIMIT 1",
    );
    await t.db.query(
      `INSERT INTO enterprise_stats (enterprise_id, year, output_wan, tax_wan, fixed_asset_investment_wan)
       VALUES ($1, $2, 1000, 50, 200)`,
      [s?.enterprise_id, (s?.year ?? 0) + 1],
    );
    const r = await t.db.transaction((tx) => refreshMetricsFacts(tx));
    expect(r.rebuilt).toBe(true);
    const zone = await t.db.query<{ id: number }>("SELECT min(id) AS id FROM zones");
    const stored = await t.db.transaction((tx) =>
      zoneSumsFromFacts(tx, zone[0]?.id ?? 0, (s?.year ?? 0) + 1),
    );
    const fresh = await metricsSums(t.db, { zone: zone[0]?.id ?? 0 }, (s?.year ?? 0) + 1);
    expect(stored.areaMu.numerator).toBeGreaterThan(0);
    expect(stored.areaMu.numerator).toBeCloseTo(fresh.areaMu.numerator, 6);
    expect(await factsDrift(t.db)).toEqual([]);
  });
});
