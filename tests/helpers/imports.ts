import { zipSync } from "fflate";
import type { Position } from "geojson";
import type { createApp } from "../../api/app.ts";
import type { Db } from "../../api/db/db.ts";
import type { ImportReport } from "../../api/schemas/imports.ts";
import { esriWkt } from "../../data/importers/crs_catalogue.ts";
import type { DbfValue } from "../../data/importers/dbf_reader.ts";
import { type WriteField, writeShapefile } from "../../data/importers/shp_writer.ts";
import { gkReference } from "./real_fixtures.ts";

type App = ReturnType<typeof createApp>;

/** Any answer of POST /api/imports: a report, an error (its details may be a report), or a job. */
export type ImportAnswer = ImportReport & {
  error: { code: string; message: string; details?: ImportReport };
  jobId: string;
  progressUrl: string;
};

/** POSTs a multipart import and returns status and JSON body. */
export async function postImport(
  app: App,
  file: { bytes: Uint8Array; name: string },
  fields: Record<string, string>,
  opts: { lang?: "zh-CN" | "en" } = {},
): Promise<{ status: number; body: ImportAnswer }> {
  const form = new FormData();
  form.set("file", new File([file.bytes.slice().buffer as ArrayBuffer], file.name));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await app.request("/api/imports", {
    method: "POST",
    body: form,
    headers: { "Accept-Language": opts.lang ?? "zh-CN" },
  });
  return { status: res.status, body: (await res.json()) as ImportAnswer };
}

/** Number of plots in the database. */
export async function plotCount(db: Db): Promise<number> {
  const [r] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM plots");
  return r?.n ?? -1;
}

/** The first demo park in Gauss-Krüger zone 35 (EPSG:4523) with a point inside it. */
export async function wenshanPark(db: Db): Promise<{ id: number; code: string; lng: number; lat: number }> {
  const [r] = await db.query<{ id: number; code: string; lng: number; lat: number }>(
    `SELECT id, code, ST_X(ST_PointOnSurface(geom))::float8 AS lng, ST_Y(ST_PointOnSurface(geom))::float8 AS lat
       FROM parks WHERE gk_epsg = 4523 ORDER BY id LIMIT 1`,
  );
  if (!r) throw new Error("no park in EPSG:4523");
  return r;
}

/**
 * A zipped GBK Shapefile in CGCS2000 3° GK zone 35 (ArcGIS-style .prj, no .cpg) of `squares`
 * `sizeM`-metre squares east of (lng, lat), with land-bureau column names 宗地编码 / 用地面积 / 地类编码.
 */
export function gkSquaresZip(opts: {
  lng: number;
  lat: number;
  codes: string[];
  sizeM: number;
  declaredM2?: (i: number) => number | null;
  shiftM?: (i: number) => number;
  extra?: { geometry: import("geojson").Geometry; properties: Record<string, DbfValue> }[];
  encoding?: "utf-8" | "gbk";
  /** Appends a copy of the last square under this code. */
  duplicateLast?: string;
}): Uint8Array {
  const gk = gkReference(105, 35_500_000);
  const [e0 = 0, n0 = 0] = gk.forward([opts.lng, opts.lat]);
  const features = opts.codes.map((code, i) => {
    const x = e0 + 30 + i * (opts.sizeM + 20) + (opts.shiftM?.(i) ?? 0);
    const y = n0;
    const ring: Position[] = [
      [x, y],
      [x, y + opts.sizeM],
      [x + opts.sizeM, y + opts.sizeM],
      [x + opts.sizeM, y],
      [x, y],
    ];
    return {
      geometry: { type: "Polygon" as const, coordinates: [ring] },
      properties: { 宗地编码: code, 用地面积: opts.declaredM2?.(i) ?? null, 地类编码: "0601" },
    };
  });
  const fields: WriteField[] = [
    { name: "宗地编码", type: "C" },
    { name: "用地面积", type: "N" },
    { name: "地类编码", type: "C" },
  ];
  const last = features[features.length - 1];
  const dup =
    opts.duplicateLast && last
      ? [{ ...last, properties: { ...last.properties, 宗地编码: opts.duplicateLast } }]
      : [];
  const parts = writeShapefile([...features, ...dup, ...(opts.extra ?? [])], fields, {
    encoding: opts.encoding ?? "gbk",
    prj: esriWkt(4523),
  });
  return zipSync({
    "宗地/zd.shp": parts.shp,
    "宗地/zd.shx": parts.shx,
    "宗地/zd.dbf": parts.dbf,
    "宗地/zd.prj": parts.prj,
  });
}
