import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runImportCli } from "../../data/importers/cli.ts";
import { gkSquaresZip, plotCount, wenshanPark } from "../helpers/imports.ts";
import { openAdapterDb, type TestDb } from "../helpers/test_db.ts";

describe("npm run import (CLI) goes through the API's import", () => {
  let t: TestDb;
  let dir: string;
  let park: Awaited<ReturnType<typeof wenshanPark>>;

  beforeAll(async () => {
    t = await openAdapterDb("pglite");
    park = await wenshanPark(t.db);
    dir = mkdtempSync(join(tmpdir(), "za-cli-"));
    // A loose Shapefile (no zip): the CLI gathers the sidecars next to the .shp.
    const parts = unzipSync(gkSquaresZip({ ...park, codes: ["CLI-1", "CLI-2"], sizeM: 35 }));
    for (const [name, bytes] of Object.entries(parts))
      writeFileSync(join(dir, name.split("/").pop() ?? name), bytes);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.cleanup();
  });

  test("a .shp path with --dry-run reports, then a commit inserts, printing the report as JSON", async () => {
    const before = await plotCount(t.db);
    const out: string[] = [];
    const err: string[] = [];
    const args = [join(dir, "zd.shp"), "--target", "plots", "--park", String(park.id)];
    expect(
      await runImportCli(
        [...args, "--dry-run"],
        t.db,
        (s) => out.push(s),
        (s) => err.push(s),
      ),
    ).toBe(0);
    expect(JSON.parse(out.join(""))).toMatchObject({ dryRun: true, committed: false, crs: { epsg: 4523 } });
    expect(await plotCount(t.db)).toBe(before);
    out.length = 0;
    expect(
      await runImportCli(
        [...args, "--user", "cli-test"],
        t.db,
        (s) => out.push(s),
        (s) => err.push(s),
      ),
    ).toBe(0);
    expect(JSON.parse(out.join(""))).toMatchObject({ committed: true, summary: { inserted: 2 } });
    expect(await plotCount(t.db)).toBe(before + 2);
    expect(err).toEqual([]);
  });

  test("a rejected import exits 1 with the bilingual message; bad usage exits 2", async () => {
    const err: string[] = [];
    const code = await runImportCli(
      [join(dir, "zd.dbf"), "--park", String(park.id), "--lang", "en"],
      t.db,
      () => {},
      (s) => err.push(s),
    );
    expect(code).toBe(1);
    expect(err.join("")).toMatch(/^import_missing_sidecar: The Shapefile is missing its \.shp file/);
    expect(
      await runImportCli(
        ["x.zip"],
        t.db,
        () => {},
        () => {},
      ),
    ).toBe(2);
  });

  test("--target constraints and --target stats go through the same imports", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const [z] = await t.db.query<{ zone_id: number }>("SELECT zone_id FROM parks WHERE id = $1", [park.id]);
    const shp = join(dir, "zd.shp");
    const code = await runImportCli(
      [shp, "--target", "constraints", "--zone", String(z?.zone_id), "--layer-type", "flood", "--dry-run"],
      t.db,
      (s) => out.push(s),
      (s) => err.push(s),
    );
    expect([code, err.join("")]).toEqual([0, ""]);
    expect(JSON.parse(out.join(""))).toMatchObject({
      target: "constraints",
      layerName: "zd",
      featureCount: 2,
    });
    const usage: string[] = [];
    expect(
      await runImportCli(
        [shp, "--target", "constraints", "--zone", "1"],
        t.db,
        () => {},
        (s) => usage.push(s),
      ),
    ).toBe(2);
    expect(usage.join("")).toContain("--layer-type");

    const [e] = await t.db.query<{ code: string }>(
      "SELECT credit_code AS code FROM enterprises WHERE credit_code IS NOT NULL ORDER BY id LIMIT 1",
    );
    const csv = join(dir, "stats.csv");
    writeFileSync(csv, `统一社会信用代码,年份,产值（元）\n${e?.code},2035,10000000\n`);
    const statsOut: string[] = [];
    expect(
      await runImportCli(
        [csv, "--target", "stats"],
        t.db,
        (s) => statsOut.push(s),
        () => {},
      ),
    ).toBe(0);
    expect(JSON.parse(statsOut.join(""))).toMatchObject({
      target: "stats",
      committed: true,
      summary: { inserted: 1 },
    });
    const [r] = await t.db.query<{ v: number }>(
      "SELECT output_wan::float8 AS v FROM enterprise_stats s JOIN enterprises e ON e.id = s.enterprise_id WHERE e.credit_code = $1 AND year = 2035",
      [e?.code],
    );
    expect(r?.v).toBeCloseTo(1000, 9);
  });
});
