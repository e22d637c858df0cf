import { strFromU8, unzipSync, zipSync } from "fflate";
import type { FeatureCollection, Geometry } from "geojson";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import { readUpload } from "../../data/importers/read_upload.ts";
import { plotCount, postImport, wenshanPark } from "../helpers/imports.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

type Props = Record<string, string | number | null>;

describe.each(ADAPTERS)("GET /api/exports/plots on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let park: Awaited<ReturnType<typeof wenshanPark>>;
  let reference: FeatureCollection<Geometry, Props>;

  const download = async (query: string) => {
    const res = await app.request(`/api/exports/plots?${query}`, { headers: { "Accept-Language": "en" } });
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
    park = await wenshanPark(t.db);
    const { res, bytes } = await download(`format=geojson&park=${park.id}`);
    expect(res.headers.get("Content-Type")).toContain("application/geo+json");
    reference = JSON.parse(new TextDecoder().decode(bytes));
  });
  afterAll(async () => t.cleanup());

  /** The worst coordinate difference (degrees) between a read file and the GeoJSON reference, plus attribute equality. */
  function compare(read: ReturnType<typeof readUpload>, key: (p: Props) => Props) {
    expect(read.features).toHaveLength(reference.features.length);
    let worst = 0;
    read.features.forEach((f, i) => {
      const ref = reference.features[i];
      expect(key(f.properties as Props)).toEqual(key(ref?.properties ?? {}));
      // Same rings and vertices; Shapefiles store outer rings clockwise, so compare in one orientation.
      const a = ccwPositions(f.geometry ?? { type: "Point", coordinates: [] });
      const b = ccwPositions(ref?.geometry ?? { type: "Point", coordinates: [] });
      expect(a).toHaveLength(b.length);
      a.forEach((p, k) => {
        worst = Math.max(
          worst,
          Math.abs((p[0] ?? 0) - (b[k]?.[0] ?? 0)),
          Math.abs((p[1] ?? 0) - (b[k]?.[1] ?? 0)),
        );
      });
    });
    return worst;
  }

  const fromShp = (p: Props) => ({
    code: p.CODE ?? null,
    parkId: p.PARK_ID ?? null,
    landUseCode: p.LANDUSE ?? null,
    landUseEdition: p.LU_EDITION ?? null,
    status: p.STATUS ?? null,
    declaredAreaM2: p.DECL_M2 ?? null,
    areaM2: p.AREA_M2 ?? null,
    approvalDate: p.APPROVED ?? null,
    supplyDate: p.SUPPLIED ?? null,
  });
  const fromRef = (p: Props) => ({
    code: p.code ?? null,
    parkId: p.parkId ?? null,
    landUseCode: p.landUseCode ?? null,
    landUseEdition: p.landUseEdition ?? null,
    status: p.status ?? null,
    declaredAreaM2: p.declaredAreaM2 ?? null,
    areaM2: p.areaM2 ?? null,
    approvalDate: p.approvalDate ?? null,
    supplyDate: p.supplyDate ?? null,
  });

  test.each(["utf-8", "gbk"] as const)(
    "zipped Shapefile in %s: .prj and .cpg, identical geometry and attributes",
    async (encoding) => {
      const { res, bytes } = await download(`format=shapefile&park=${park.id}&encoding=${encoding}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Disposition")).toContain(".zip");
      const files = unzipSync(bytes);
      const name = `plots_park${park.id}`;
      expect(Object.keys(files).sort()).toEqual(
        [".cpg", ".dbf", ".prj", ".shp", ".shx"].map((e) => name + e),
      );
      expect(strFromU8(files[`${name}.cpg`] ?? new Uint8Array())).toBe(encoding === "gbk" ? "GBK" : "UTF-8");
      expect(strFromU8(files[`${name}.prj`] ?? new Uint8Array())).toContain(
        "GCS_China_Geodetic_Coordinate_System_2000",
      );
      // Read back without the .cpg too, so GBK must come from the LDID byte.
      const { [`${name}.cpg`]: _, ...noCpg } = files;
      for (const parts of [files, noCpg]) {
        const read = readUpload(zipSync(parts), { fileName: "x.zip" });
        expect(read.encoding?.encoding).toBe(encoding);
        expect(compare(read, (p) => (p.CODE !== undefined ? fromShp(p) : fromRef(p)))).toBeLessThanOrEqual(
          1e-7,
        );
      }
    },
  );

  test("Shapefile in the park's Gauss-Krüger zone (crs=gk) reads back to the same lon/lat within 1e-7°", async () => {
    const { res, bytes } = await download(`format=shapefile&park=${park.id}&crs=gk&encoding=gbk`);
    expect(res.status).toBe(200);
    const read = readUpload(bytes, { fileName: "gk.zip" });
    expect(read.crs.crs.epsg).toBe(4523);
    expect(compare(read, (p) => (p.CODE !== undefined ? fromShp(p) : fromRef(p)))).toBeLessThanOrEqual(1e-7);
  });

  test.each(["utf-8", "gbk"] as const)("CSV (WKT) in %s reads back identically", async (encoding) => {
    const { bytes } = await download(`format=csv&park=${park.id}&encoding=${encoding}`);
    const read = readUpload(bytes, { fileName: "plots.csv" });
    expect(read.encoding?.encoding).toBe(encoding);
    const key = (p: Props): Props => ({
      code: p.code ?? null,
      status: p.status ?? null,
      landUseEdition: p.landUseEdition ?? null,
    });
    expect(compare(read, key)).toBeLessThanOrEqual(1e-7);
  });

  test("XLSX holds the header and one row per plot", async () => {
    const { res, bytes } = await download(`format=xlsx&park=${park.id}`);
    expect(res.headers.get("Content-Type")).toContain("spreadsheetml");
    const sheet = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    expect(sheet.match(/<row /g)).toHaveLength(reference.features.length + 1);
    expect(sheet).toContain(`<t xml:space="preserve">${reference.features[0]?.properties.code}</t>`);
  });

  test("round trip through the API: re-importing the exported Shapefile into its park changes nothing", async () => {
    const before = await plotCount(t.db);
    for (const encoding of ["utf-8", "gbk"]) {
      const { bytes } = await download(`format=shapefile&park=${park.id}&encoding=${encoding}`);
      const r = await postImport(
        app,
        { bytes, name: "rt.zip" },
        { target: "plots", parkId: String(park.id), dryRun: "true" },
      );
      expect(r.status).toBe(200);
      expect(r.body.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: reference.features.length });
    }
    expect(await plotCount(t.db)).toBe(before);
  });

  test("bad query is 400, unknown park 404", async () => {
    expect((await download("format=pdf")).res.status).toBe(400);
    const r = await download("format=geojson&park=999999");
    expect(r.res.status).toBe(404);
    expect(JSON.parse(new TextDecoder().decode(r.bytes)).error.code).toBe("park_not_found");
  });
});

/** Polygon rings oriented counter-clockwise (RFC 7946), so a Shapefile's clockwise rings compare equal. */
function ccwPositions(g: Geometry): number[][] {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  return polys.flatMap((poly) =>
    poly.flatMap((ring) => {
      let s = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
        s += ((ring[j]?.[0] ?? 0) - (ring[i]?.[0] ?? 0)) * ((ring[j]?.[1] ?? 0) + (ring[i]?.[1] ?? 0));
      return s > 0 ? ring.slice().reverse() : ring;
    }),
  );
}
