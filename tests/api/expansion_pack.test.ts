import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import type { FeatureCollection, MultiPolygon } from "geojson";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import { gkVertices } from "../../api/db/expansion_pack.ts";
import type { Proposal } from "../../api/db/expansion_proposals.ts";
import type { CandidatesResult } from "../../api/expansion/candidates.ts";
import { type ErrorBody, getJson } from "../helpers/api.ts";
import { signIn } from "../helpers/session.ts";
import { readDbf, readPolygonShp } from "../helpers/shapefile_reader.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

const OUT = mkdtempSync(join(tmpdir(), "za-pack-"));

describe.each(ADAPTERS)("expansion application pack on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let proposal: Proposal;
  const PARK = 3; // 砚山工业园区 (demo), GK zone 35

  const getBytes = async (path: string) => {
    const res = await app.request(path);
    return {
      status: res.status,
      type: res.headers.get("Content-Type"),
      bytes: new Uint8Array(await res.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
    const cands = await app.request("/api/expansion/candidates", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ parkId: PARK }),
    });
    const top = ((await cands.json()) as CandidatesResult).features[0];
    if (!top) throw new Error("no candidate to build a proposal from");
    const res = await app.request("/api/expansion/proposals", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        parkId: PARK,
        name: "砚山园区东扩方案",
        rationale: "紧邻园区、位于城镇开发边界内、避让永久基本农田与生态保护红线。",
        geometry: top.geometry,
        sources: [{ kind: "candidate", rank: 1, areaMu: top.properties.areaMu }],
      }),
    });
    proposal = (await res.json()) as Proposal;
  });
  afterAll(async () => t.cleanup());

  test("GK coordinates: golden point 23.37°N 104.23°E → X 2,585,724, Y 35,421,273 in EPSG:4523 (domain.md §3)", async () => {
    const d = 0.001;
    const [v] = await gkVertices(
      t.db,
      {
        type: "MultiPolygon",
        coordinates: [
          [
            [
              [104.23, 23.37],
              [104.23 + d, 23.37],
              [104.23, 23.37 + d],
              [104.23, 23.37],
            ],
          ],
        ],
      },
      4523,
    );
    expect(v).toMatchObject({ part: 1, ring: 0, index: 1 });
    expect(Math.round(v?.xM ?? 0)).toBe(2_585_724);
    expect(Math.round(v?.yM ?? 0)).toBe(35_421_273);
  });

  test("HTML print view: A4, Chinese sections, two maps, GK zone 35 coordinates, 示意数据", async () => {
    const res = await app.request(`/api/expansion/proposals/${proposal.id}/pack.html`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("@page { size: A4");
    for (const s of [
      "扩区申请材料",
      "园区概况与区位",
      "三条控制线",
      "TD/T 1029",
      "扩区条件核查清单",
      "界址点坐标",
      "附录",
      "示意数据",
    ])
      expect(html).toContain(s);
    expect(html.match(/<svg[^>]*class="map"/g)).toHaveLength(2);
    expect(html).toContain("EPSG:4523");
    expect(html).toMatch(/<td class="n">354\d{5}\.\d{3}<\/td>/); // Y with the zone prefix 35
  });

  test("PDF by Chromium: ≥ 3 A4 pages, Chinese text extractable with pdftotext, map images present", async () => {
    const { status, type, bytes } = await getBytes(`/api/expansion/proposals/${proposal.id}/pack.pdf`);
    expect(status).toBe(200);
    expect(type).toBe("application/pdf");
    const file = join(OUT, `pack-${kind}.pdf`);
    writeFileSync(file, bytes);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(3);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    for (const s of [
      "扩区申请材料",
      "砚山园区东扩方案",
      "永久基本农田",
      "界址点坐标",
      "土地供应率",
      "示意数据",
    ])
      expect(text).toContain(s);
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .filter((l) => /\bimage\b/.test(l));
    expect(images.length).toBeGreaterThanOrEqual(2);
    const [w, h] = (images[0] ?? "").trim().split(/\s+/).slice(3, 5).map(Number);
    expect(w).toBeGreaterThan(600);
    expect(h).toBeGreaterThan(400);
  });

  test("the boundary Shapefile (GK zone 35, .prj .cpg) re-imports to the same polygon", async () => {
    const { status, bytes } = await getBytes(`/api/expansion/proposals/${proposal.id}/boundary.zip`);
    expect(status).toBe(200);
    const files = unzipSync(bytes);
    const stem = `proposal-${proposal.id}-v1`;
    expect(Object.keys(files).sort()).toEqual(
      [".cpg", ".dbf", ".prj", ".shp", ".shx"].map((e) => stem + e).sort(),
    );
    expect(new TextDecoder().decode(files[`${stem}.cpg`])).toBe("UTF-8");
    const prj = new TextDecoder().decode(files[`${stem}.prj`]);
    expect(prj).toMatch(/^PROJCS\["CGCS2000 \/ 3-degree Gauss-Kruger zone 35"/);
    const shp = readPolygonShp(files[`${stem}.shp`] ?? new Uint8Array());
    expect(shp.records).toHaveLength(1);
    const [row] = readDbf(files[`${stem}.dbf`] ?? new Uint8Array());
    expect(row).toMatchObject({
      ID: proposal.id,
      NAME: "砚山园区东扩方案",
      PARK: "砚山工业园区",
      EPSG: 4523,
    });
    expect(row?.AREA_MU).toBeCloseTo(proposal.areaMu, 3);
    // back to EPSG:4326 through PostGIS and compare with the stored proposal
    const [cmp] = await t.db.query<{
      sym_m2: number;
      hausdorff_m: number;
      n_in: number;
      n_out: number;
      area_m2: number;
    }>(
      `WITH a AS (SELECT ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 4523), 4326) AS g),
            b AS (SELECT geom AS g FROM expansion_proposal_versions WHERE proposal_id = $2 AND version = 1)
       SELECT ST_Area(ST_SymDifference(a.g, b.g)::geography)::float8 AS sym_m2,
              ST_HausdorffDistance(ST_Transform(a.g, 4523), ST_Transform(b.g, 4523))::float8 AS hausdorff_m,
              ST_NPoints(a.g)::int AS n_in, ST_NPoints(b.g)::int AS n_out, ST_Area(a.g::geography)::float8 AS area_m2
         FROM a, b`,
      [JSON.stringify(shp.records[0]), proposal.id],
    );
    expect(cmp?.n_in).toBe(cmp?.n_out);
    expect(cmp?.hausdorff_m).toBeLessThan(1e-5); // µm precision in the file
    expect(cmp?.sym_m2).toBeLessThan(0.01);
    expect(Math.abs((cmp?.area_m2 ?? 0) - proposal.areaMu * (10_000 / 15))).toBeLessThan(0.01);
    // shp bbox is in metres of zone 35 (Y with the 35 prefix)
    expect(shp.bbox[0]).toBeGreaterThan(35_000_000);
    expect(shp.bbox[0]).toBeLessThan(36_000_000);
  });

  test("GeoJSON boundary and XLSX tables", async () => {
    const gj = await getJson<FeatureCollection<MultiPolygon>>(
      app,
      `/api/expansion/proposals/${proposal.id}/boundary.geojson`,
    );
    expect(gj.status).toBe(200);
    expect(gj.body.features[0]?.geometry).toEqual(proposal.geometry);
    expect(gj.body.features[0]?.properties?.isDemo).toBe(true);
    const { status, type, bytes } = await getBytes(`/api/expansion/proposals/${proposal.id}/tables.xlsx`);
    expect(status).toBe(200);
    expect(type).toContain("spreadsheetml");
    const files = unzipSync(bytes);
    const dec = (n: string) => new TextDecoder().decode(files[n]);
    expect(dec("xl/workbook.xml").match(/<sheet /g)).toHaveLength(5);
    expect(dec("xl/workbook.xml")).toContain('name="界址点坐标"');
    expect(dec("xl/worksheets/sheet1.xml")).toContain("土地供应率");
    expect(dec("xl/worksheets/sheet5.xml")).toContain('<t xml:space="preserve">J1</t>');
    expect(dec("xl/worksheets/sheet4.xml")).toContain("永久基本农田");
  });

  test("no Chromium → 503 pdf_unavailable pointing at the HTML view; unknown proposal → 404", async () => {
    const noChrome = await signIn(
      createApp({ db: t.db, log: () => {}, chromiumPath: "/nonexistent/chromium" }),
      t.db,
    );
    const res = await noChrome.request(`/api/expansion/proposals/${proposal.id}/pack.pdf`, {
      headers: { "Accept-Language": "en" },
    });
    expect(res.status).toBe(503);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("pdf_unavailable");
    expect(body.error.message).toContain(`/api/expansion/proposals/${proposal.id}/pack.html`);
    const html = await noChrome.request(`/api/expansion/proposals/${proposal.id}/pack.html`);
    expect(html.status).toBe(200);
    for (const p of ["pack.html", "pack.pdf", "boundary.zip", "boundary.geojson", "tables.xlsx"]) {
      const nf = await getJson<ErrorBody>(app, `/api/expansion/proposals/99999/${p}`);
      expect(nf.status).toBe(404);
      expect(nf.body.error.code).toBe("proposal_not_found");
    }
  });
});
