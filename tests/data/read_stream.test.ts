import { zipSync } from "fflate";
import type { Position } from "geojson";
import { describe, expect, test } from "vitest";
import { esriWkt } from "../../data/importers/crs_catalogue.ts";
import { prepareUpload, readUpload } from "../../data/importers/read_upload.ts";
import { indexShp } from "../../data/importers/shp_reader.ts";
import { writeShapefile } from "../../data/importers/shp_writer.ts";
import { gkReference } from "../helpers/real_fixtures.ts";

/** `n` 10 m squares in CGCS2000 GK zone 35, 12 m apart in a row, as a zipped GBK Shapefile. */
function squares(n: number) {
  const gk = gkReference(105, 35_500_000);
  const [e0 = 0, n0 = 0] = gk.forward([104.2, 23.4]);
  const features = Array.from({ length: n }, (_, i) => {
    const x = e0 + i * 12;
    const ring: Position[] = [
      [x, n0],
      [x, n0 + 10],
      [x + 10, n0 + 10],
      [x + 10, n0],
      [x, n0],
    ];
    return {
      geometry: { type: "Polygon" as const, coordinates: [ring] },
      properties: { 宗地编码: `S-${i}` },
    };
  });
  const parts = writeShapefile(features, [{ name: "宗地编码", type: "C" }], {
    encoding: "gbk",
    prj: esriWkt(4523),
  });
  return {
    parts,
    zip: zipSync({ "a.shp": parts.shp, "a.shx": parts.shx, "a.dbf": parts.dbf, "a.prj": parts.prj }),
  };
}

describe("Shapefiles are read record by record", () => {
  test("indexShp finds every record and its box without decoding; shapeAt decodes one record", () => {
    const { parts } = squares(7);
    const ix = indexShp(parts.shp);
    expect(ix.count).toBe(7);
    const b = ix.recordsBbox();
    expect(b).not.toBeNull();
    expect((b?.[2] ?? 0) - (b?.[0] ?? 0)).toBeCloseTo(6 * 12 + 10, 6);
    expect(ix.shapeAt(6)).toMatchObject({ type: "Polygon" });
    expect(() => ix.shapeAt(7)).toThrow(RangeError);
  });

  test("prepareUpload decodes only the batch asked for, anew each time, equal to the whole read", () => {
    const { zip } = squares(25);
    const prepared = prepareUpload(zip, { fileName: "a.zip" });
    expect(prepared.featureCount).toBe(25);
    expect(prepared.crs.crs.epsg).toBe(4523);
    const batch = prepared.batch(10, 15);
    expect(batch.map((f) => f.properties["宗地编码"])).toEqual(["S-10", "S-11", "S-12", "S-13", "S-14"]);
    // Nothing is cached: a second call builds new objects (the caller keeps one batch at a time).
    expect(prepared.batch(10, 11)[0]).not.toBe(batch[0]);
    expect(prepared.batch(10, 11)[0]).toEqual(batch[0]);
    const whole = readUpload(zip, { fileName: "a.zip" }).features;
    expect(whole.slice(10, 15)).toEqual(batch);
  });
});
