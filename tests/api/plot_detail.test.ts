import type { FeatureCollection, Geometry } from "geojson";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import type { PlotDetail } from "../../api/metrics/plot_detail.ts";
import { type PlotListProperties, PlotListPropertiesSchema } from "../../api/schemas/plots.ts";
import { M2_PER_HA, M2_PER_MU } from "../../geo/units.ts";
import { type ErrorBody, getJson } from "../helpers/api.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

type Plots = FeatureCollection<Geometry, PlotListProperties> & { year: number; asOf: string };

/** Paths of every number in `v` that is not finite (JSON.parse never yields NaN, but a bug could yield null-less strings). */
function nonFiniteNumbers(v: unknown, path = "$"): string[] {
  if (typeof v === "number") return Number.isFinite(v) ? [] : [path];
  if (typeof v === "string") return /^(NaN|-?Infinity)$/.test(v) ? [path] : [];
  if (Array.isArray(v)) return v.flatMap((x, i) => nonFiniteNumbers(x, `${path}[${i}]`));
  if (v !== null && typeof v === "object")
    return Object.entries(v).flatMap(([k, x]) => nonFiniteNumbers(x, `${path}.${k}`));
  return [];
}

describe.each(ADAPTERS)("plot detail and list metrics on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let all: Plots;
  const detail = async (id: number | undefined, query = "") =>
    getJson<PlotDetail>(app, `/api/plots/${id}${query}`, "en");
  const first = (status: string) => all.features.find((f) => f.properties.status === status)?.properties;

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
    all = (await getJson<Plots>(app, "/api/plots")).body;
  });
  afterAll(async () => t.cleanup());

  test("the detail of a built plot carries its fields, enterprise, geometry, yearly stats and assessments", async () => {
    const listed = all.features.find(
      (f) => f.properties.status === "built" && f.properties.enterpriseId !== null,
    )?.properties;
    const { status, body } = await detail(listed?.id);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: listed?.id,
      code: listed?.code,
      parkId: listed?.parkId,
      status: "built",
    });
    expect(body.parkName.length).toBeGreaterThan(0);
    expect(body.zoneId).toEqual(expect.any(Number));
    expect(body.enterprise).toMatchObject({ id: listed?.enterpriseId, name: listed?.enterpriseName });
    expect(body.enterprise?.industryCode).toEqual(expect.any(String));
    expect(body.geometry.type).toBe("MultiPolygon");
    expect(body.availableYears).toEqual([2020, 2021, 2022, 2023, 2024]);
    const years = body.yearlyStats.map((s) => s.year);
    expect(years.length).toBeGreaterThan(0);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(body.indicators.map((i) => i.year)).toEqual(body.availableYears);
    expect(body.latest.year).toBe(2024);
    expect(body.latest).toEqual(body.indicators.at(-1));
    expect(body.compliance.applicable).toBe(true);
    expect(body.compliance.checks.map((c) => c.check)).toEqual([
      "planned_min_far",
      "planned_max_far",
      "planned_min_coverage",
      "industry_min_far",
      "control_min_coverage",
    ]);
    expect(body.idle.status).toBe("not_idle");
    expect(body.lowEfficiency.year).toBe(2024);
    expect(body.grade.year).toBe(2024);
    expect(body.grades.map((g) => g.year)).toEqual(body.availableYears);
    expect(body.flags).toEqual(listed?.flags);
  });

  test("areaMu equals the list's; areaM2 and areaHa agree with it", async () => {
    const listed = first("under_construction");
    const { body } = await detail(listed?.id);
    expect(body.areaMu).toBe(listed?.areaMu);
    expect(body.areaM2 / M2_PER_MU).toBeCloseTo(body.areaMu, 9);
    expect(body.areaHa).toBe(body.areaM2 / M2_PER_HA);
  });

  test("an idle demo plot is idle_unstarted or idle_stalled with zh and en reasons", async () => {
    const idle = (await getJson<Plots>(app, "/api/plots?flag=idle")).body;
    expect(idle.features.length).toBeGreaterThan(0);
    const { status, body } = await detail(idle.features[0]?.id as number);
    expect(status).toBe(200);
    expect(["idle_unstarted", "idle_stalled"]).toContain(body.idle.status);
    expect(body.idle.reasons.length).toBeGreaterThan(0);
    for (const r of body.idle.reasons) {
      expect(r.zh.length).toBeGreaterThan(0);
      expect(r.en.length).toBeGreaterThan(0);
    }
    expect(body.flags).toContain("idle");
  });

  test("asOf long before the start dates makes the same plot not idle", async () => {
    const id = (await getJson<Plots>(app, "/api/plots?flag=idle")).body.features[0]?.id as number;
    const { body } = await detail(id, "?asOf=2015-01-01");
    expect(body.asOf).toBe("2015-01-01");
    expect(body.idle.status).toBe("not_idle");
    expect(body.flags).not.toContain("idle");
    const list = (await getJson<Plots>(app, "/api/plots?flag=idle&asOf=2015-01-01")).body;
    expect(list.features).toHaveLength(0);
  });

  test("a plot without statistics has null indicators with reasons, no enterprise and no grade", async () => {
    const { body } = await detail(first("available")?.id);
    expect(body.enterprise).toBeNull();
    expect(body.yearlyStats).toEqual([]);
    for (const key of ["outputPerMuWan", "taxPerMuWan", "valueAddedPerMuWan"] as const) {
      expect(body.latest[key].value).toBeNull();
      expect(body.latest[key].reason?.en).toContain("no statistics for 2024");
      expect(body.latest[key].reason?.zh.length).toBeGreaterThan(0);
    }
    expect(body.grade.grade).toBeNull();
    expect(body.grade.reasons.length).toBeGreaterThan(0);
    expect(body.compliance.applicable).toBe(false);
    expect(body.approvedUnsuppliedAge.value).toBeNull();
    expect(body.approvedUnsuppliedAge.reason?.code).toBe("not_applicable");
  });

  test("an approved-unsupplied plot reports its age since approval", async () => {
    const { body } = await detail(first("approved_unsupplied")?.id, "?asOf=2030-01-01");
    const age = body.approvedUnsuppliedAge.value;
    expect(age?.years).toBeGreaterThan(0);
    expect(age?.reasons[0]?.en).toContain("2030-01-01");
    expect(body.flags).toContain("approved_unsupplied");
  });

  test("every number in details of each status and in the list is finite", async () => {
    for (const s of [
      "available",
      "approved_unsupplied",
      "supplied",
      "under_construction",
      "built",
      "reclaimed",
    ]) {
      const { status, body } = await detail(first(s)?.id);
      expect(status).toBe(200);
      expect(nonFiniteNumbers(body)).toEqual([]);
    }
    expect(nonFiniteNumbers(all)).toEqual([]);
  });

  test("list features keep the stored properties and gain the computed ones for the latest year", () => {
    expect(all.year).toBe(2024);
    expect(all.features.length).toBeGreaterThanOrEqual(600);
    for (const f of all.features) PlotListPropertiesSchema.parse(f.properties);
    const built = all.features.filter((f) => f.properties.status === "built");
    expect(built.some((f) => f.properties.far !== null && f.properties.grade !== null)).toBe(true);
  });

  test.each([
    ["status=built", (p: PlotListProperties) => p.status === "built"],
    ["flag=idle", (p: PlotListProperties) => p.flags.includes("idle")],
    ["flag=low_efficiency", (p: PlotListProperties) => p.flags.includes("low_efficiency")],
    [
      "flag=approved_unsupplied",
      (p: PlotListProperties) =>
        p.flags.includes("approved_unsupplied") && p.status === "approved_unsupplied",
    ],
    ["grade=A", (p: PlotListProperties) => p.grade === "A"],
    ["grade=D", (p: PlotListProperties) => p.grade === "D"],
    ["minMu=20&maxMu=60", (p: PlotListProperties) => p.areaMu >= 20 && p.areaMu <= 60],
    ["industry=27", (p: PlotListProperties) => p.enterpriseId !== null],
  ])("?%s keeps only matching plots", async (query, ok) => {
    const { status, body } = await getJson<Plots>(app, `/api/plots?${query}`);
    expect(status).toBe(200);
    expect(body.features.length).toBeGreaterThan(0);
    expect(body.features.length).toBeLessThan(all.features.length);
    expect(body.features.every((f) => ok(f.properties))).toBe(true);
  });

  test("industry keeps plots whose enterprise's code starts with the prefix", async () => {
    const list = (await getJson<Plots>(app, "/api/plots?industry=27")).body;
    const ids = list.features.slice(0, 5).map((f) => f.id as number);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect((await detail(id)).body.enterprise?.industryCode).toMatch(/^27/);
  });

  test("filters combine with an earlier statistics year", async () => {
    const built2020 = (await getJson<Plots>(app, "/api/plots?status=built&year=2020&grade=B")).body;
    expect(built2020.year).toBe(2020);
    expect(
      built2020.features.every((f) => f.properties.status === "built" && f.properties.grade === "B"),
    ).toBe(true);
  });

  test.each([
    ["/api/plots/abc", "id"],
    ["/api/plots/0", "id"],
    ["/api/plots/1?asOf=2024-02-30", "asOf"],
    ["/api/plots?asOf=yesterday", "asOf"],
    ["/api/plots?grade=E", "grade"],
    ["/api/plots?flag=vacant", "flag"],
    ["/api/plots?minMu=abc", "minMu"],
    ["/api/plots?maxMu=-1", "maxMu"],
    ["/api/plots?minMu=50&maxMu=10", "minMu"],
    ["/api/plots?year=twenty", "year"],
    ["/api/plots?industry=27%25", "industry"],
  ])("%s → 400 naming %s", async (path, field) => {
    const { status, body } = await getJson<ErrorBody>(app, path, "en");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toContain(`parameter ${field}:`);
  });

  test("an unknown plot → 404 plot_not_found in zh-CN and en", async () => {
    const zh = await getJson<ErrorBody>(app, "/api/plots/987654");
    expect(zh.status).toBe(404);
    expect(zh.body.error).toMatchObject({ code: "plot_not_found", message: "宗地 987654 不存在" });
    const en = await getJson<ErrorBody>(app, "/api/plots/987654", "en");
    expect(en.body.error.message).toBe("Plot 987654 does not exist");
  });

  test("an unknown year → 404 year_not_found listing the available years", async () => {
    const { status, body } = await getJson<ErrorBody>(app, "/api/plots?year=1999", "en");
    expect(status).toBe(404);
    expect(body.error.code).toBe("year_not_found");
    expect(body.error.message).toContain("2020, 2021, 2022, 2023, 2024");
  });
});
