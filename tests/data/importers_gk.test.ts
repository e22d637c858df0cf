import { zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { esriWkt } from "../../data/importers/crs_catalogue.ts";
import { ImportProblem } from "../../data/importers/import_problem.ts";
import { readUpload } from "../../data/importers/read_upload.ts";
import { writeShapefile } from "../../data/importers/shp_writer.ts";
import { zipEntries } from "../../data/importers/zip_entries.ts";
import { gkReference, mapPositions, positions, yunnanCounties } from "../helpers/real_fixtures.ts";

/** The WKT ArcGIS writes for CGCS2000 3° GK zone 35 (PROJECTION["Gauss_Kruger"]), as land bureaus ship it. */
const ARCGIS_GK35 =
  'PROJCS["CGCS2000_3_Degree_GK_Zone_35",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",35500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** An OGC-style WKT the catalogue does not know by name: Xian 1980 GK zone 33 in US survey feet. */
const XIAN80_GK33_FTUS =
  'PROJCS["Xian 1980 / custom GK 99E (ftUS)",GEOGCS["Xian 1980",DATUM["Xian_1980",SPHEROID["IAG 1975",6378140,298.257]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",99],PARAMETER["scale_factor",1],PARAMETER["false_easting",1640416.6667],PARAMETER["false_northing",0],UNIT["US survey foot",0.3048006096012192]]';

const fields = [
  { name: "NAME", type: "C" as const },
  { name: "ADCODE", type: "C" as const },
];

/** Wenshan's 8 counties projected by proj4 (the reference) and written as a Shapefile in `encoding`. */
function wenshanShapefile(opts: {
  prj: string | null;
  encoding: "utf-8" | "gbk";
  project: (p: number[]) => number[];
}) {
  const src = yunnanCounties("文山壮族苗族自治州");
  const projected = src.map((f) => ({
    geometry: mapPositions(f.geometry, (p) => opts.project(p)),
    properties: { NAME: f.properties.name as string, ADCODE: f.properties.adcode as string },
  }));
  const parts = writeShapefile(projected, fields, { encoding: opts.encoding, prj: opts.prj ?? "" });
  const files: Record<string, Uint8Array> = {
    "文山/gk.shp": parts.shp,
    "文山/gk.shx": parts.shx,
    "文山/gk.dbf": parts.dbf,
  };
  if (opts.prj !== null) files["文山/gk.prj"] = parts.prj;
  if (opts.encoding === "utf-8") files["文山/gk.cpg"] = parts.cpg;
  return { src, projected, zip: zipSync(files) };
}

/** Largest distance in metres between imported lon/lat (re-projected by the reference) and the written GK coordinates. */
function worstErrorM(
  imported: ReturnType<typeof readUpload>,
  projected: { geometry: import("geojson").Geometry }[],
  forward: (p: number[]) => number[],
) {
  let worst = 0;
  imported.features.forEach((f, i) => {
    // Compared as sorted point sets: a mirrored (X/Y-swapped) source legitimately reverses ring order.
    const byXy = (a: number[], b: number[]) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0);
    const got = positions(f.geometry ?? { type: "Point", coordinates: [] })
      .map((p) => forward(p))
      .sort(byXy);
    const want = positions(projected[i]?.geometry ?? { type: "Point", coordinates: [] }).sort(byXy);
    expect(got).toHaveLength(want.length);
    got.forEach(([x = 0, y = 0], k) => {
      worst = Math.max(worst, Math.hypot(x - (want[k]?.[0] ?? 0), y - (want[k]?.[1] ?? 0)));
    });
  });
  return worst;
}

describe("generated CGCS2000 Gauss-Krüger Shapefiles (from the real Wenshan counties)", () => {
  const gk35 = gkReference(105, 35_500_000);
  const project = (p: number[]) => gk35.forward([p[0] ?? 0, p[1] ?? 0]);

  test("ArcGIS 'Gauss_Kruger' .prj, GBK (LDID 0x4D, no .cpg), nested folder: names and coordinates within 0.01 m", () => {
    const { projected, zip } = wenshanShapefile({ prj: ARCGIS_GK35, encoding: "gbk", project });
    const r = readUpload(zip, { fileName: "wenshan_gk.zip" });
    expect(r.crs).toMatchObject({ source: "prj", crs: { epsg: 4523 } });
    expect(r.encoding).toMatchObject({ encoding: "gbk", source: "ldid" });
    expect(r.features.map((f) => f.properties.NAME)).toContain("文山市");
    expect(r.features.map((f) => f.properties.NAME)).toContain("麻栗坡县");
    expect(worstErrorM(r, projected, project)).toBeLessThan(0.01);
  });

  test("our own ESRI WKT for the CM-based code (EPSG:4544) reads back as 4544", () => {
    const gkCm = gkReference(105, 500_000);
    const pr = (p: number[]) => gkCm.forward([p[0] ?? 0, p[1] ?? 0]);
    const { projected, zip } = wenshanShapefile({ prj: esriWkt(4544), encoding: "utf-8", project: pr });
    const r = readUpload(zip, { fileName: "wenshan_cm.zip" });
    expect(r.crs.crs.epsg).toBe(4544);
    expect(worstErrorM(r, projected, pr)).toBeLessThan(0.01);
  });

  test("no .prj: zone-prefixed 8-digit eastings infer EPSG:4523, and say so", () => {
    const { projected, zip } = wenshanShapefile({ prj: null, encoding: "gbk", project });
    const r = readUpload(zip, { fileName: "noprj.zip" });
    expect(r.crs).toMatchObject({ source: "inferred", swapAxes: false, crs: { epsg: 4523 } });
    expect(r.crs.reason).toMatch(/zone prefix 35/);
    expect(worstErrorM(r, projected, project)).toBeLessThan(0.01);
  });

  test("no .prj with northing first (X/Y swapped) is recognised", () => {
    const swapped = (p: number[]) => {
      const [e = 0, n = 0] = project(p);
      return [n, e];
    };
    const { zip, projected } = wenshanShapefile({ prj: null, encoding: "utf-8", project: swapped });
    const r = readUpload(zip, { fileName: "swapped.zip" });
    expect(r.crs).toMatchObject({ swapAxes: true, crs: { epsg: 4523 } });
    expect(worstErrorM(r, projected, swapped)).toBeLessThan(0.01);
  });

  test("6-digit eastings without .prj use the park's GK zone (its CM-based twin), else are refused", () => {
    const gkCm = gkReference(105, 500_000);
    const pr = (p: number[]) => gkCm.forward([p[0] ?? 0, p[1] ?? 0]);
    const { zip, projected } = wenshanShapefile({ prj: null, encoding: "utf-8", project: pr });
    const r = readUpload(zip, { fileName: "cm.zip", parkGkEpsg: 4523 });
    expect(r.crs.crs.epsg).toBe(4544);
    expect(worstErrorM(r, projected, pr)).toBeLessThan(0.01);
    expect(() => readUpload(zip, { fileName: "cm.zip" })).toThrow(ImportProblem);
  });

  test("an OGC WKT proj4 reads (Xian 1980, US survey feet) is used as written", () => {
    const ft = (p: number[]) => {
      const [x = 0, y = 0] = gkReference(99, 500_000).forward([p[0] ?? 0, p[1] ?? 0]);
      return [x / 0.3048006096012192, y / 0.3048006096012192];
    };
    const { zip } = wenshanShapefile({ prj: XIAN80_GK33_FTUS, encoding: "utf-8", project: ft });
    const r = readUpload(zip, { fileName: "ft.zip" });
    expect(r.crs).toMatchObject({
      source: "prj",
      crs: { epsg: null, name: "Xian 1980 / custom GK 99E (ftUS)" },
    });
    // Same ellipsoid family, different axes (IAG 1975 vs GRS80): within a few metres of GRS80 lon/lat.
    const src = yunnanCounties("文山壮族苗族自治州");
    const a = positions(src[0]?.geometry ?? { type: "Point", coordinates: [] })[0] ?? [];
    const b = positions(r.features[0]?.geometry ?? { type: "Point", coordinates: [] })[0] ?? [];
    expect(Math.abs((a[0] ?? 0) - (b[0] ?? 0))).toBeLessThan(1e-4);
    expect(Math.abs((a[1] ?? 0) - (b[1] ?? 0))).toBeLessThan(1e-4);
  });

  test("a WKT with a projection nobody knows is refused as import_unknown_projection", () => {
    const bad = ARCGIS_GK35.replace("Gauss_Kruger", "Hyperbolic_Foo");
    const { zip } = wenshanShapefile({
      prj: bad.replace("CGCS2000_3_Degree_GK_Zone_35", "Foo"),
      encoding: "utf-8",
      project,
    });
    expect(() => readUpload(zip, { fileName: "foo.zip" })).toThrow(/import_unknown_projection/);
  });
});

describe("zip safety", () => {
  test("entries with ../ or absolute paths are rejected before anything is inflated", () => {
    const evil = zipSync({ "../evil.shp": new Uint8Array([1, 2, 3]) });
    expect(() => zipEntries(evil)).toThrow(/import_unsafe_zip_entry/);
    const abs = zipSync({ "/etc/x.dbf": new Uint8Array([1]) });
    expect(() => zipEntries(abs)).toThrow(/import_unsafe_zip_entry/);
  });

  test("a zip bomb is stopped by the ratio limit and by the total-size limit", () => {
    const zeros = zipSync({ "a.dbf": new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(() => zipEntries(zeros)).toThrow(/import_zip_ratio/);
    const small = zipSync({ "a.dbf": new Uint8Array(3000), "b.dbf": new Uint8Array(3000) }, { level: 0 });
    expect(() =>
      zipEntries(small, { maxTotalBytes: 5000, maxRatio: 200, ratioFloorBytes: 1 << 20, maxEntries: 10 }),
    ).toThrow(/import_zip_too_large/);
  });
});
