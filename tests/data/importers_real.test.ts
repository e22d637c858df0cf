import { readFileSync } from "node:fs";
import proj4 from "proj4";
import { describe, expect, test } from "vitest";
import { readDbf } from "../../data/importers/dbf_reader.ts";
import { ImportProblem } from "../../data/importers/import_problem.ts";
import { readUpload } from "../../data/importers/read_upload.ts";
import { fixtureParts, positions, REAL, zipParts } from "../helpers/real_fixtures.ts";

const bytes = (p: string) => new Uint8Array(readFileSync(REAL + p));
const upload = (folder: string, base: string, opts: { gcj02?: boolean; encoding?: string } = {}) =>
  readUpload(zipParts(fixtureParts(folder, base)), { fileName: `${base}.zip`, ...opts });

function problemOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportProblem) return e.code;
    throw e;
  }
  return "none";
}

describe("DBF encodings on the real fixtures", () => {
  test("GBK from LDID 0x7A with no .cpg (mapshaper chinese.dbf) → 简体", () => {
    const t = readDbf(bytes("mapshaper_dbf_cp936/chinese.dbf"));
    expect(t.encoding).toMatchObject({ encoding: "gbk", source: "ldid" });
    expect(t.encoding.reason).toContain("0x7A");
    expect(t.record(0)).toEqual({ NAME: "简体" });
  });

  test("LDID 0x4D (patched at run time) is GBK too", () => {
    const b = bytes("mapshaper_dbf_cp936/chinese.dbf").slice();
    b[29] = 0x4d;
    const t = readDbf(b);
    expect(t.encoding.reason).toContain("0x4D");
    expect(t.record(0)?.NAME).toBe("简体");
  });

  test("unmarked GBK (gbk.dbf, LDID 0x00) is detected from content → 简体国语", () => {
    const t = readDbf(bytes("mapshaper_dbf_cp936/gbk.dbf"));
    expect(t.encoding).toMatchObject({ encoding: "gbk", source: "detected" });
    expect(t.record(0)?.NAME).toBe("简体国语");
  });

  test("an override wins over the LDID", () => {
    const t = readDbf(bytes("mapshaper_dbf_cp936/chinese.dbf"), { encoding: "windows-1252" });
    expect(t.encoding.source).toBe("override");
    expect(t.record(0)?.NAME).toBe("¼òÌå");
  });

  test(".cpg 'ANSI 1250' → CP1250; field names decoded with the same code page (☃); LDID 0x57 → México", () => {
    const cp = upload("shpjs_fixtures", "codepage");
    expect(cp.encoding?.encoding).toBe("windows-1250");
    expect(cp.features.map((f) => f.properties.field)).toEqual(["??", "Hněvošický háj"]);
    const snow = upload("mbostock_shapefile_fixtures", "utf8-property");
    expect(snow.fields).toEqual(["☃"]);
    expect(snow.features[0]?.properties["☃"]).toBe("ηελλο ςορλδ");
    const latin = upload("mbostock_shapefile_fixtures", "latin1-property");
    expect(latin.encoding?.source).toBe("ldid");
    expect(latin.features[0]?.properties.name).toBe("México");
  });

  test("UTF-8 via .cpg keeps a 4-byte emoji; an HTML .cpg is reported and content detection decides", () => {
    expect(upload("shpjs_fixtures", "utf").features.map((f) => f.properties.field)).toEqual([
      "💩",
      "Hněvošický háj",
    ]);
    const html = upload("shpjs_fixtures", "htmlcpg");
    expect(html.encoding).toMatchObject({ encoding: "utf-8", source: "detected" });
    expect(html.warnings.join(" ")).toMatch(/\.cpg is not a code page/);
    expect(html.features[0]?.properties.field).toBe("💩");
  });

  test("an HTML .prj is reported, never trusted: lon/lat range inferred as CGCS2000 with a warning", () => {
    const r = upload("shpjs_fixtures", "htmlprj");
    expect(r.crs.source).toBe("inferred");
    expect(r.crs.crs.epsg).toBe(4490);
    expect(r.warnings.join(" ")).toMatch(/\.prj is not WKT/);
    expect(r.features[0]?.geometry).toEqual({
      type: "Point",
      coordinates: [-108.6328125, 41.244772343082076],
    });
  });
});

describe("real layers: names, coordinates, CRS", () => {
  test("GeoTools 黑龙江省: GBK sniffed, multi-line .prj with AXIS read as WGS 84, N fields as numbers", () => {
    const r = upload("geotools_chinese_poly_gb18030", "chinese_poly");
    expect(r.encoding).toMatchObject({ encoding: "gbk", source: "detected" });
    expect(r.crs).toMatchObject({ source: "prj", crs: { epsg: 4326 } });
    expect(r.features).toHaveLength(1);
    expect(r.features[0]?.properties).toEqual({ ADCODE93: 230000, ADCODE99: 230000, NAME: "黑龙江省" });
    const pts = positions(r.features[0]?.geometry ?? { type: "Point", coordinates: [] });
    expect(pts).toHaveLength(77);
    expect(Math.min(...pts.map((p) => p[0] ?? 0))).toBeCloseTo(121.18, 1);
    expect(Math.max(...pts.map((p) => p[1] ?? 0))).toBeCloseTo(53.55, 1);
  });

  test("Yunnan counties: UTF-8 detected without .cpg (双江… not split), no .prj → CGCS2000 assumed", () => {
    const r = upload("amap_yunnan_county_gcj02_utf8_nocpg", "云南省");
    expect(r.features).toHaveLength(129);
    expect(r.encoding).toMatchObject({ encoding: "utf-8", source: "detected" });
    expect(r.crs).toMatchObject({ source: "inferred", crs: { epsg: 4490 } });
    const names = r.features.map((f) => f.properties.name);
    expect(names).toContain("文山市");
    expect(names).toContain("双江拉祜族佤族布朗族傣族自治县");
    const wenshan = r.features.filter((f) => f.properties.ctname === "文山壮族苗族自治州");
    expect(wenshan.map((f) => f.properties.adcode).sort()).toEqual([
      "532601",
      "532622",
      "532623",
      "532624",
      "532625",
      "532626",
      "532627",
      "532628",
    ]);
    expect(r.features.find((f) => f.properties.name === "临翔区")?.properties.citycode).toBe("0883");
  });

  test("GCJ-02 → WGS84 on request moves 文山市 by about +0.0021° lon / −0.00265° lat back", () => {
    const raw = upload("amap_yunnan_county_gcj02_utf8_nocpg", "云南省");
    const fixed = upload("amap_yunnan_county_gcj02_utf8_nocpg", "云南省", { gcj02: true });
    expect(fixed.sourceCoordinates).toBe("gcj02");
    const pick = (r: typeof raw) =>
      positions(
        r.features.find((f) => f.properties.name === "文山市")?.geometry ?? {
          type: "Point",
          coordinates: [],
        },
      );
    const a = pick(raw);
    const b = pick(fixed);
    expect(b).toHaveLength(890);
    const dLng = (a[0]?.[0] ?? 0) - (b[0]?.[0] ?? 0);
    const dLat = (a[0]?.[1] ?? 0) - (b[0]?.[1] ?? 0);
    expect(dLng).toBeGreaterThan(0.0019);
    expect(dLng).toBeLessThan(0.0023);
    expect(dLat).toBeLessThan(-0.0024);
    expect(dLat).toBeGreaterThan(-0.0029);
  });

  test("senate (ESRI Lambert Conformal Conic in metres) lands where proj4 puts it, 40 features, exponent F fields", () => {
    const parts = fixtureParts("shpjs_fixtures", "senate");
    const r = readUpload(zipParts(parts), { fileName: "senate.zip" });
    expect(r.features).toHaveLength(40);
    expect(r.crs.source).toBe("prj");
    expect(typeof r.features[0]?.properties.SHAPE_AREA).toBe("number");
    const ref = proj4(new TextDecoder().decode(parts.get("senate.prj")), "EPSG:4326");
    const shpBytes = parts.get("senate.shp") ?? new Uint8Array();
    const v = new DataView(shpBytes.buffer, shpBytes.byteOffset);
    // The first record's first point, read straight from the file (record header 8 B + 44 B + parts).
    const numParts = v.getInt32(100 + 8 + 36, true);
    const at = 100 + 8 + 44 + numParts * 4;
    const [lng, lat] = ref.forward([v.getFloat64(at, true), v.getFloat64(at + 8, true)]);
    const all = r.features.flatMap((f) => positions(f.geometry ?? { type: "Point", coordinates: [] }));
    expect(all.some((p) => Math.abs((p[0] ?? 0) - lng) < 1e-9 && Math.abs((p[1] ?? 0) - lat) < 1e-9)).toBe(
      true,
    );
    expect(
      all.every((p) => (p[0] ?? 0) > -73.6 && (p[0] ?? 0) < -69.8 && (p[1] ?? 0) > 41.1 && (p[1] ?? 0) < 43),
    ).toBe(true);
  });

  test("impossible coordinates under a geographic .prj (mapshaper chinese.shp) are rejected, not stored", () => {
    expect(problemOf(() => upload("mapshaper_dbf_cp936", "chinese"))).toBe("import_coordinates_out_of_range");
  });
});
