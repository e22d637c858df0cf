import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../../api/db/db.ts";
import { loadMetricsInputs } from "../../api/db/metrics_inputs.ts";
import { metricsSums } from "../../api/db/metrics_sql.ts";
import { AGGREGATE_KEYS, aggregateSums } from "../../geo/aggregate.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

const YEAR = 2024;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-12);

/** Rows whose maintained rollup differs from a fresh computation (migration 0006); both must be 0. */
async function staleRollups(db: Db): Promise<{ land: number; fai: number }> {
  const [row] = await db.query<{ land: number; fai: number }>(
    `SELECT (SELECT count(*) FROM enterprises e
              WHERE e.land_m2 IS DISTINCT FROM
                    coalesce((SELECT sum(p.area_m2 ORDER BY p.id) FROM plots p WHERE p.enterprise_id = e.id), 0))::int AS land,
            (SELECT count(*) FROM enterprise_stats es
               JOIN (SELECT enterprise_id, year,
                            sum(fixed_asset_investment_wan) OVER (PARTITION BY enterprise_id ORDER BY year) AS c
                       FROM enterprise_stats) w USING (enterprise_id, year)
              WHERE es.fai_cumulative_wan IS DISTINCT FROM w.c)::int AS fai`,
  );
  return row ?? { land: -1, fai: -1 };
}

/** The zone's SQL sums against geo/ on freshly loaded records: the list of disagreements. */
async function zoneDisagreements(db: Db, zone: number): Promise<string[]> {
  const sql = await metricsSums(db, { zone }, YEAR);
  const geo = aggregateSums({ ...(await loadMetricsInputs(db, { zone })), year: YEAR });
  return AGGREGATE_KEYS.flatMap((k) =>
    (["numerator", "denominator"] as const).flatMap((f) =>
      close(sql[k][f], geo[k][f]) ? [] : [`${k}.${f}: sql ${sql[k][f]} geo ${geo[k][f]}`],
    ),
  );
}

describe.each(ADAPTERS)("trigger-maintained rollups on %s", (kind) => {
  let t: TestDb;
  let zone: number;
  let park: number;
  let firm: number;
  let other: number;
  beforeAll(async () => {
    t = await openAdapterDb(kind);
    const [p] = await t.db.query<{ id: number; zone_id: number }>(
      "SELECT id, zone_id FROM parks ORDER BY id LIMIT 1",
    );
    park = p?.id ?? 0;
    zone = p?.zone_id ?? 0;
    // An industrial built plot's firm with statistics in YEAR, and a second firm with statistics.
    const firms = await t.db.query<{ id: number }>(
      `SELECT DISTINCT pl.enterprise_id AS id FROM plots pl JOIN parks pk ON pk.id = pl.park_id
         JOIN enterprise_stats es ON es.enterprise_id = pl.enterprise_id AND es.year = $2
        WHERE pk.zone_id = $1 AND pl.status = 'built' AND pl.land_use_code LIKE '0601%' ORDER BY 1 LIMIT 2`,
      [zone, YEAR],
    );
    firm = firms[0]?.id ?? 0;
    other = firms[1]?.id ?? 0;
  });
  afterAll(async () => {
    await t.cleanup();
  });

  test("after seeding, every enterprise's land and cumulative investment equal a fresh computation", async () => {
    expect(firm).toBeGreaterThan(0);
    expect(await staleRollups(t.db)).toEqual({ land: 0, fai: 0 });
  });

  test("inserting, moving, reshaping and deleting a plot keeps land_m2 and the zone metrics right", async () => {
    const before = await metricsSums(t.db, { zone }, YEAR);
    const [plot] = await t.db.query<{ id: number; mu: number }>(
      `INSERT INTO plots (park_id, code, land_use_code, land_use_edition, status, enterprise_id, geom)
       VALUES ($1, 'ROLLUP-1', '0601', 'GB/T 21010-2017', 'built', $2,
               ST_Multi(ST_MakeEnvelope(104.2, 23.3, 104.203, 23.303, 4326)))
       RETURNING id, area_mu::float8 AS mu`,
      [park, firm],
    );
    expect(await staleRollups(t.db)).toEqual({ land: 0, fai: 0 });
    const after = await metricsSums(t.db, { zone }, YEAR);
    expect(after.areaMu.numerator - before.areaMu.numerator).toBeCloseTo(plot?.mu ?? 0, 6);
    expect(after.industrialMu.numerator).toBeGreaterThan(before.industrialMu.numerator);
    expect(await zoneDisagreements(t.db, zone)).toEqual([]);

    await t.db.query("UPDATE plots SET enterprise_id = $2 WHERE id = $1", [plot?.id, other]);
    expect(await staleRollups(t.db)).toEqual({ land: 0, fai: 0 });
    expect(await zoneDisagreements(t.db, zone)).toEqual([]);

    await t.db.query(
      "UPDATE plots SET geom = ST_Multi(ST_MakeEnvelope(104.2, 23.3, 104.21, 23.31, 4326)) WHERE id = $1",
      [plot?.id],
    );
    expect(await staleRollups(t.db)).toEqual({ land: 0, fai: 0 });
    expect(await zoneDisagreements(t.db, zone)).toEqual([]);

    await t.db.query("DELETE FROM plots WHERE id = $1", [plot?.id]);
    expect(await staleRollups(t.db)).toEqual({ land: 0, fai: 0 });
    const restored = await metricsSums(t.db, { zone }, YEAR);
    expect(restored.areaMu.numerator).toBeCloseTo(before.areaMu.numerator, 6);
    expect(restored.investmentPerMuWan.numerator).toBeCloseTo(before.investmentPerMuWan.numerator, 6);
  });

  test("inserting, changing and deleting statistics keeps the cumulative investment and the metrics right", async () => {
    const before = await metricsSums(t.db, { zone }, YEAR);
    // Investment in an earlier year raises the cumulative figure of every later year.
    await t.db.query(
      `INSERT INTO enterprise_stats (enterprise_id, year, fixed_asset_investment_wan) VALUES ($1, 1995, 1000)`,
      [firm],
    );
    expect(await staleRollups(t.db)).toEqual({ land: 0, fai: 0 });
    const raised = await metricsSums(t.db, { zone }, YEAR);
    expect(raised.investmentPerMuWan.numerator).toBeGreaterThan(before.investmentPerMuWan.numerator);
    expect(await zoneDisagreements(t.db, zone)).toEqual([]);

    await t.db.query(
      "UPDATE enterprise_stats SET fixed_asset_investment_wan = 5000, tax_wan = 77 WHERE enterprise_id = $1 AND year = 1995",
      [firm],
    );
    await t.db.query(
      "UPDATE enterprise_stats SET tax_wan = tax_wan + 1 WHERE enterprise_id = $1 AND year = $2",
      [firm, YEAR],
    );
    expect(await staleRollups(t.db)).toEqual({ land: 0, fai: 0 });
    const changed = await metricsSums(t.db, { zone }, YEAR);
    expect(changed.investmentPerMuWan.numerator).toBeGreaterThan(raised.investmentPerMuWan.numerator);
    expect(changed.taxPerMuWan.numerator).toBeGreaterThan(before.taxPerMuWan.numerator);
    expect(await zoneDisagreements(t.db, zone)).toEqual([]);

    // Moving the row to another year (a key change) and deleting it.
    await t.db.query("UPDATE enterprise_stats SET year = 1996 WHERE enterprise_id = $1 AND year = 1995", [
      firm,
    ]);
    expect(await staleRollups(t.db)).toEqual({ land: 0, fai: 0 });
    await t.db.query("DELETE FROM enterprise_stats WHERE enterprise_id = $1 AND year = 1996", [firm]);
    await t.db.query(
      "UPDATE enterprise_stats SET tax_wan = tax_wan - 1 WHERE enterprise_id = $1 AND year = $2",
      [firm, YEAR],
    );
    expect(await staleRollups(t.db)).toEqual({ land: 0, fai: 0 });
    const restored = await metricsSums(t.db, { zone }, YEAR);
    expect(restored.investmentPerMuWan.numerator).toBeCloseTo(before.investmentPerMuWan.numerator, 6);
    expect(await zoneDisagreements(t.db, zone)).toEqual([]);
  });

  test("a firm without statistics in the year still carries its earlier cumulative investment", async () => {
    await t.db.query("UPDATE enterprise_stats SET year = 2019 WHERE enterprise_id = $1 AND year = $2", [
      firm,
      YEAR,
    ]);
    expect(await staleRollups(t.db)).toEqual({ land: 0, fai: 0 });
    expect(await zoneDisagreements(t.db, zone)).toEqual([]);
    await t.db.query("UPDATE enterprise_stats SET year = $2 WHERE enterprise_id = $1 AND year = 2019", [
      firm,
      YEAR,
    ]);
    expect(await staleRollups(t.db)).toEqual({ land: 0, fai: 0 });
  });
});
