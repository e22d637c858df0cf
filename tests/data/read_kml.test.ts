import { zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { ImportProblem } from "../../data/importers/import_problem.ts";
import { readUpload } from "../../data/importers/read_upload.ts";
import { wgs84ToGcj02 } from "../../geo/gcj02.ts";

const enc = new TextEncoder();
/** Two placemarks near 文山: a square with a hole (ExtendedData) and a MultiGeometry of two squares (SimpleData). */
const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>宗地</name>
<Placemark><name>文山-001</name>
  <ExtendedData><Data name="宗地编码"><value>WS-001</value></Data><Data name="用地面积"><value>1234.5</value></Data>
  <Data name="备注"><value><![CDATA[北侧 & 南侧]]></value></Data></ExtendedData>
  <Polygon><outerBoundaryIs><LinearRing><coordinates>
    104.20,23.40,0 104.21,23.40,0 104.21,23.41,0 104.20,23.41,0 104.20,23.40,0
  </coordinates></LinearRing></outerBoundaryIs>
  <innerBoundaryIs><LinearRing><coordinates>104.202,23.402 104.204,23.402 104.204,23.404 104.202,23.402</coordinates></LinearRing></innerBoundaryIs>
  </Polygon></Placemark>
<Placemark><name>文山-002</name>
  <ExtendedData><SchemaData schemaUrl="#s"><SimpleData name="宗地编码">WS-002</SimpleData><SimpleData name="地类编码">0601</SimpleData></SchemaData></ExtendedData>
  <MultiGeometry>
    <Polygon><outerBoundaryIs><LinearRing><coordinates>104.30,23.40 104.31,23.40 104.31,23.41 104.30,23.40</coordinates></LinearRing></outerBoundaryIs></Polygon>
    <Polygon><outerBoundaryIs><LinearRing><coordinates>104.32,23.40 104.33,23.40 104.33,23.41 104.32,23.40</coordinates></LinearRing></outerBoundaryIs></Polygon>
  </MultiGeometry></Placemark>
</Document></kml>`;

describe("KML and KMZ", () => {
  test("placemarks become features: names, ExtendedData and SimpleData, holes, MultiGeometry; WGS84 by definition", () => {
    const read = readUpload(enc.encode(KML), { fileName: "宗地.kml" });
    expect(read.format).toBe("kml");
    expect(read.crs.crs.epsg).toBe(4326);
    expect(read.crs.reason).toMatch(/KML/);
    expect(read.fields).toEqual(["name", "宗地编码", "用地面积", "备注", "地类编码"]);
    expect(read.features).toHaveLength(2);
    const [a, b] = read.features;
    expect(a?.properties).toEqual({
      name: "文山-001",
      宗地编码: "WS-001",
      用地面积: 1234.5,
      备注: "北侧 & 南侧",
    });
    expect(b?.properties).toMatchObject({ name: "文山-002", 宗地编码: "WS-002", 地类编码: "0601" });
    expect(a?.geometry).toMatchObject({ type: "Polygon" });
    expect(a?.geometry?.type === "Polygon" ? a.geometry.coordinates.length : 0).toBe(2);
    expect(a?.geometry?.type === "Polygon" ? a.geometry.coordinates[0]?.[1] : null).toEqual([104.21, 23.4]);
    expect(b?.geometry?.type).toBe("MultiPolygon");
  });

  test("a KMZ (zipped doc.kml) reads the same; GCJ-02 coordinates are shifted back on request", () => {
    const [gx = 0, gy = 0] = wgs84ToGcj02(104.2, 23.4);
    const shifted = KML.replace("104.20,23.40,0 104.21", `${gx},${gy},0 104.21`);
    const kmz = zipSync({ "doc.kml": enc.encode(shifted) });
    const read = readUpload(kmz, { fileName: "宗地.kmz", gcj02: true });
    expect(read.format).toBe("kml");
    const first = read.features[0]?.geometry;
    const p = first?.type === "Polygon" ? first.coordinates[0]?.[0] : undefined;
    expect(p?.[0]).toBeCloseTo(104.2, 6);
    expect(p?.[1]).toBeCloseTo(23.4, 6);
  });

  test("text that is not KML is refused as a bad file", () => {
    const e = (() => {
      try {
        readUpload(enc.encode("<html></html>"), { fileName: "x.kml" });
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(ImportProblem);
    expect((e as ImportProblem).code).toBe("import_bad_file");
  });
});
