import { unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import { type StatsImportReport, StatsImportReportSchema } from "../../api/schemas/target_imports.ts";
import { writeXlsx } from "../../data/importers/xlsx_writer.ts";
import { postImport } from "../helpers/imports.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

interface Firm {
  id: number;
  name: string;
  code: string;
}
type StatsAnswer = StatsImportReport & {
  error: { code: string; message: string; details?: StatsImportReport };
};

describe.each(ADAPTERS)("POST /api/imports target=stats on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let firms: Firm[];
  let stored: { enterpriseId: number; year: number };

  const post = async (
    bytes: Uint8Array,
    name: string,
    extra: Record<string, string> = {},
    lang: "zh-CN" | "en" = "zh-CN",
  ) => {
    const r = await postImport(app, { bytes, name }, { target: "stats", ...extra }, { lang });
    return { status: r.status, body: r.body as unknown as StatsAnswer };
  };
  const statsCount = async () => {
    const [r] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM enterprise_stats");
    return r?.n ?? -1;
  };
  const row = async (id: number, year: number) => {
    const [r] = await t.db.query<Record<string, number | boolean | null>>(
      `SELECT output_wan::float8, tax_wan::float8, value_added_wan::float8, revenue_wan::float8,
              fixed_asset_investment_wan::float8, energy_tce::float8, emissions_t::float8, electricity_kwh::float8,
              employees, rnd_wan::float8, is_demo FROM enterprise_stats WHERE enterprise_id = $1 AND year = $2`,
      [id, year],
    );
    return r;
  };
  const firm = (i: number): Firm => {
    const f = firms[i];
    if (!f) throw new Error(`no demo enterprise ${i}`);
    return f;
  };

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
    firms = await t.db.query<Firm>(
      `SELECT id, name, credit_code AS code FROM enterprises e
        WHERE credit_code IS NOT NULL AND (SELECT count(*) FROM enterprises x WHERE x.name = e.name) = 1
        ORDER BY id LIMIT 3`,
    );
    const [s] = await t.db.query<{ enterpriseId: number; year: number }>(
      `SELECT enterprise_id AS "enterpriseId", year FROM enterprise_stats WHERE enterprise_id = $1 ORDER BY year DESC LIMIT 1`,
      [firm(0).id],
    );
    if (!s) throw new Error("demo enterprise without statistics");
    stored = s;
  });
  afterAll(async () => t.cleanup());

  const header = [
    "统一社会信用代码",
    "企业名称",
    "年份",
    "产值（元）",
    "税收",
    "增加值",
    "营业收入",
    "固定资产投资",
    "能耗 (tce)",
    "排放 (t)",
    "用电 (kWh)",
    "从业人员",
    "研发投入",
  ];
  const xlsx = () =>
    writeXlsx("统计", header, [
      [
        firm(0).code,
        firm(0).name,
        2031,
        123_456_000,
        321.5,
        2000,
        15_000,
        800,
        1200.5,
        30,
        2_500_000,
        150,
        99,
      ],
      [null, firm(1).name, "2031", "45,600,000", "12", null, "700", null, "10", "0", "1000", "20", "0"],
      [firm(0).code, firm(0).name, stored.year, 1_000_000, 5, 1, 2, 3, 4, 5, 6, 7, 8],
    ]);

  test("XLSX dry run: headers mapped (元 → 万元), keys by credit code or name, inserts and updates counted, nothing written", async () => {
    const before = await statsCount();
    const { status, body } = await post(xlsx(), "企业统计.xlsx", { dryRun: "true" });
    expect(status).toBe(200);
    const report = StatsImportReportSchema.parse(body);
    expect(report).toMatchObject({
      committed: false,
      format: "xlsx",
      rowCount: 3,
      errorCount: 0,
      yearColumn: "年份",
      key: { creditCodeColumn: "统一社会信用代码", nameColumn: "企业名称" },
      summary: { inserted: 2, updated: 1 },
    });
    expect(report.columns).toHaveLength(10);
    expect(report.columns.find((c) => c.field === "outputWan")).toEqual({
      column: "产值（元）",
      field: "outputWan",
      factor: 1e-4,
    });
    expect(report.columns.find((c) => c.field === "electricityKwh")?.factor).toBe(1);
    expect(await statsCount()).toBe(before);
    expect(await row(firm(0).id, 2031)).toBeUndefined();
  });

  test("XLSX commit: one upsert by (enterprise, year); values stored in 万元, tce, t, kWh; history recorded", async () => {
    const before = await statsCount();
    const { status, body } = await post(xlsx(), "企业统计.xlsx");
    expect(status).toBe(201);
    expect(body).toMatchObject({ committed: true, summary: { inserted: 2, updated: 1 } });
    expect(await statsCount()).toBe(before + 2);
    const a = await row(firm(0).id, 2031);
    expect(a?.output_wan).toBeCloseTo(12_345.6, 6);
    expect(a).toMatchObject({
      tax_wan: 321.5,
      value_added_wan: 2000,
      revenue_wan: 15_000,
      fixed_asset_investment_wan: 800,
      energy_tce: 1200.5,
      emissions_t: 30,
      electricity_kwh: 2_500_000,
      employees: 150,
      rnd_wan: 99,
      is_demo: false,
    });
    const b = await row(firm(1).id, 2031);
    expect(b?.output_wan).toBeCloseTo(4560, 6);
    expect(b).toMatchObject({ tax_wan: 12, value_added_wan: null, employees: 20 });
    const u = await row(stored.enterpriseId, stored.year);
    expect(u?.output_wan).toBeCloseTo(100, 9);
    expect(u).toMatchObject({ tax_wan: 5, employees: 7, is_demo: false });
    const hist = await app.request(`/api/imports/${body.importId}`);
    expect(await hist.json()).toMatchObject({
      target: "stats",
      format: "xlsx",
      insertedCount: 2,
      updatedCount: 1,
    });
  });

  test("GBK CSV with English headers and a 元 suffix; columns absent from the file keep their stored values", async () => {
    const f = firm(2);
    await t.db.query(
      `INSERT INTO enterprise_stats (enterprise_id, year, rnd_wan) VALUES ($1, 2032, 42)
       ON CONFLICT (enterprise_id, year) DO UPDATE SET rnd_wan = 42`,
      [f.id],
    );
    const text = `credit_code,企业名称,year,output_wan (万元),tax_yuan,employees\r\n${f.code},${f.name},2032,880.5,"1,234,500",33\r\n`;
    const { default: iconv } = await import("iconv-lite");
    const bytes = new Uint8Array(iconv.encode(text, "gbk"));
    const { status, body } = await post(bytes, "统计.csv");
    expect(status).toBe(201);
    expect(body.encoding).toMatchObject({ name: "gbk", source: "detected" });
    expect(body.summary).toEqual({ inserted: 0, updated: 1 });
    const r = await row(f.id, 2032);
    expect(r).toMatchObject({ output_wan: 880.5, employees: 33, rnd_wan: 42 });
    expect(r?.tax_wan).toBeCloseTo(123.45, 9);
  });

  test("undo of the latest statistics import deletes the rows it inserted and restores every column of the rows it updated", async () => {
    const before = await statsCount();
    const [demoRow] = await t.db.query<{ enterpriseId: number; year: number }>(
      `SELECT enterprise_id AS "enterpriseId", year FROM enterprise_stats
        WHERE is_demo AND output_wan IS NOT NULL AND tax_wan IS NOT NULL ORDER BY enterprise_id, year LIMIT 1`,
    );
    if (!demoRow) throw new Error("no demo statistics row");
    const kept = await row(demoRow.enterpriseId, demoRow.year);
    const [firmOfRow] = await t.db.query<{ code: string | null; name: string }>(
      "SELECT credit_code AS code, name FROM enterprises WHERE id = $1",
      [demoRow.enterpriseId],
    );
    const file = (tax: number) =>
      writeXlsx(
        "s",
        ["统一社会信用代码", "企业名称", "年份", "产值", "税收"],
        [
          [firmOfRow?.code ?? null, firmOfRow?.name ?? null, demoRow.year, 77, tax],
          [firm(1).code, null, 2036, 5, 1],
        ],
      );
    const older = await post(file(9), "u1.xlsx");
    const newer = await post(file(11), "u2.xlsx");
    expect([older.status, newer.status]).toEqual([201, 201]);
    expect(older.body.summary).toEqual({ inserted: 1, updated: 1 });
    expect(newer.body.summary).toEqual({ inserted: 0, updated: 2 });
    expect(await row(demoRow.enterpriseId, demoRow.year)).toMatchObject({
      output_wan: 77,
      tax_wan: 11,
      is_demo: false,
    });

    const notLast = await app.request(`/api/imports/${older.body.importId}/undo`, { method: "POST" });
    expect(notLast.status).toBe(409);
    expect(((await notLast.json()) as { error: { code: string } }).error.code).toBe("import_not_last");

    const u2 = await app.request(`/api/imports/${newer.body.importId}/undo`, { method: "POST" });
    expect(u2.status).toBe(200);
    expect(await u2.json()).toMatchObject({ deleted: 0, restored: 2 });
    expect(await row(demoRow.enterpriseId, demoRow.year)).toMatchObject({ output_wan: 77, tax_wan: 9 });
    const u1 = await app.request(`/api/imports/${older.body.importId}/undo`, { method: "POST" });
    expect(await u1.json()).toMatchObject({ deleted: 1, restored: 1 });
    expect(await statsCount()).toBe(before);
    expect(await row(firm(1).id, 2036)).toBeUndefined();
    expect(await row(demoRow.enterpriseId, demoRow.year)).toEqual(kept);
  });

  test("unknown enterprise, duplicate key, non-numeric and negative values: 422 listing each, nothing written", async () => {
    const before = await statsCount();
    const bad = writeXlsx(
      "s",
      ["统一社会信用代码", "企业名称", "年份", "产值", "税收"],
      [
        ["91000000000000000X", "不存在的企业", 2033, 1, 1],
        [firm(0).code, null, 2033, 10, 1],
        [firm(0).code, null, 2033, 11, 1],
        [null, firm(1).name, 2033, "很多", 1],
        [null, firm(2).name, 2033, 5, -3],
        [firm(2).code, null, 2034, 5, 2],
      ],
    );
    const zh = await post(bad, "bad.xlsx", {}, "zh-CN");
    const en = await post(bad, "bad.xlsx", {}, "en");
    expect(zh.status).toBe(422);
    expect(zh.body.error.code).toBe("import_validation_failed");
    expect(zh.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(en.body.error.message).toMatch(/^[\x20-\x7e]+$/);
    const issues = zh.body.error.details?.issues ?? [];
    expect(issues.map((i) => [i.row, i.kind, i.column])).toEqual([
      [2, "unknown_enterprise", null],
      [4, "duplicate_key", null],
      [5, "not_numeric", "产值"],
      [6, "negative_value", "税收"],
    ]);
    expect(await statsCount()).toBe(before);
    expect(await row(firm(2).id, 2034)).toBeUndefined();
  });

  test("unusable or hostile files (no year or key column, empty, not CSV/XLSX, broken or unsafe zip, zip bomb): 4xx in Chinese and English, nothing written", async () => {
    const before = await statsCount();
    const cases: [Uint8Array, string, string][] = [
      [new TextEncoder().encode("企业名称,产值\r\n甲,1\r\n"), "noyear.csv", "stats_import_missing_column"],
      [new TextEncoder().encode("年份,产值\r\n2030,1\r\n"), "nokey.csv", "stats_import_missing_column"],
      [new Uint8Array(), "empty.csv", "import_empty_file"],
      [new TextEncoder().encode("hello"), "x.docx", "stats_import_unsupported_format"],
      [new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), "broken.xlsx", "import_bad_file"],
      [
        zipSync({ ...unzipSync(xlsx()), "../../evil.xml": new Uint8Array([65]) }),
        "x.xlsx",
        "import_unsafe_zip_entry",
      ],
      [
        zipSync({ ...unzipSync(xlsx()), "xl/pad.bin": new Uint8Array(16 << 20) }, { level: 9 }),
        "x.xlsx",
        "import_zip_ratio",
      ],
    ];
    for (const [bytes, name, code] of cases) {
      const zh = await post(bytes, name, {}, "zh-CN");
      const en = await post(bytes, name, {}, "en");
      expect([name, zh.status >= 400 && zh.status < 500]).toEqual([name, true]);
      expect([name, zh.body.error.code, en.body.error.code]).toEqual([name, code, code]);
      expect(zh.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(en.body.error.message).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(await statsCount()).toBe(before);
  });
});
