import proj4 from "proj4";
import { cmBasedOf, crsByEpsg, type KnownCrs } from "./crs_catalogue.ts";
import { ImportProblem } from "./import_problem.ts";

/** How the source CRS was chosen; the report shows it. */
export interface CrsChoice {
  crs: KnownCrs;
  source: "override" | "prj" | "inferred" | "geojson";
  reason: string;
  /** Source x and y are swapped (northing first) and must be exchanged before transforming. */
  swapAxes: boolean;
  warnings: string[];
}

/** Known ESRI/OGC CRS names (as .prj files spell them) → EPSG, for the report. */
function epsgFromName(name: string): number | null {
  const n = name.toLowerCase().replace(/[\s-]+/g, "_");
  let m = /cgcs2000_3_degree_gk_zone_(\d+)/.exec(n) ?? /cgcs2000_3_degree_gauss_kruger_zone_(\d+)/.exec(n);
  if (m) return 4488 + Number(m[1]);
  m = /cgcs2000_3_degree_gk_cm_(\d+)e/.exec(n) ?? /cgcs2000_3_degree_gauss_kruger_cm_(\d+)e/.exec(n);
  if (m) return 4509 + Number(m[1]) / 3;
  m = /cgcs2000_gk_zone_(\d+)/.exec(n) ?? /cgcs2000_gauss_kruger_zone_(\d+)/.exec(n);
  if (m) return 4478 + Number(m[1]);
  m = /cgcs2000_gk_cm_(\d+)e/.exec(n) ?? /cgcs2000_gauss_kruger_cm_(\d+)e/.exec(n);
  if (m) return 4489 + (Number(m[1]) + 3) / 6;
  if (/^(gcs_)?(china_geodetic_coordinate_system_2000|cgcs2000)$/.test(n)) return 4490;
  if (/^(gcs_)?wgs_(19)?84$/.test(n)) return 4326;
  if (/pseudo_mercator|web_mercator_auxiliary_sphere/.test(n)) return 3857;
  return null;
}

/**
 * The CRS a .prj WKT describes (ESRI or OGC style, one line or many). Known CGCS2000 names and
 * `AUTHORITY["EPSG", n]` map to our catalogue; anything else proj4 can read (Xian 1980, Beijing 1954,
 * State Plane in US survey feet …) is used as written.
 * @throws ImportProblem `import_unknown_projection` when the text is not a CRS proj4 can use
 */
export function crsFromPrj(prjText: string): KnownCrs {
  const wkt = prjText.replace(/^\uFEFF/, "").trim();
  if (!/^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|COMPD_CS)\s*\[/i.test(wkt))
    throw new ImportProblem("import_unknown_projection", { crs: wkt.slice(0, 40) });
  const name = /^\w+\s*\[\s*"([^"]*)"/.exec(wkt)?.[1] ?? "?";
  const authority = /AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(wkt)?.[1];
  const byCode = authority ? crsByEpsg(Number(authority)) : null;
  const byName = epsgFromName(name);
  const known = byCode ?? (byName !== null ? crsByEpsg(byName) : null);
  if (known) return known;
  let converter: proj4.Converter;
  try {
    converter = proj4(wkt, "EPSG:4326");
    // proj4 accepts some unknown projections lazily: make it compute one point.
    converter.inverse([0, 0]);
  } catch (e) {
    throw new ImportProblem("import_unknown_projection", {
      crs: `${name} (${e instanceof Error && e.message ? e.message : "unsupported"})`,
    });
  }
  const geographic = /^GEOG/i.test(wkt);
  return { epsg: authority ? Number(authority) : null, name, proj4: wkt, geographic };
}

/** [xmin, ymin, xmax, ymax] of source coordinates. */
export type Bbox = [number, number, number, number];

const isLonLat = (b: Bbox) => b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90;
const zonePrefix = (x: number) => Math.floor(x / 1e6);

/**
 * Guesses the CRS of coordinates that came without a .prj, from their ranges: lon/lat degrees →
 * CGCS2000 geographic; 8-digit zone-prefixed eastings (e.g. 35,421,273) → that 3° (zones 25–45) or 6°
 * (13–23) Gauss-Krüger zone, also when northing and easting are swapped; 6-digit eastings → the park's
 * own GK zone (CM-based), if it has one.
 * @throws ImportProblem `import_unknown_projection` when nothing fits
 */
export function inferCrs(bbox: Bbox, parkGkEpsg: number | null): CrsChoice {
  const warnings: string[] = [];
  if (isLonLat(bbox))
    return {
      crs: crsByEpsg(4490) as KnownCrs,
      source: "inferred",
      reason: "no .prj; coordinates are in the longitude/latitude range → CGCS2000 (EPSG:4490) assumed",
      swapAxes: false,
      warnings,
    };
  for (const swap of [false, true]) {
    const [x0, y0, x1, y1] = swap ? [bbox[1], bbox[0], bbox[3], bbox[2]] : bbox;
    const z = zonePrefix(x0);
    const northingOk = y0 >= 0 && y1 <= 10_000_000;
    if (northingOk && z === zonePrefix(x1) && ((z >= 25 && z <= 45) || (z >= 13 && z <= 23))) {
      const epsg = z >= 25 ? 4488 + z : 4478 + z;
      return {
        crs: crsByEpsg(epsg) as KnownCrs,
        source: "inferred",
        reason: `no .prj; eastings carry zone prefix ${z} → EPSG:${epsg}${swap ? " (X/Y swapped: northing first)" : ""}`,
        swapAxes: swap,
        warnings,
      };
    }
    if (northingOk && x0 >= 100_000 && x1 <= 900_000 && parkGkEpsg !== null && y0 >= 1_000_000) {
      const epsg = cmBasedOf(parkGkEpsg);
      const crs = crsByEpsg(epsg);
      if (crs)
        return {
          crs,
          source: "inferred",
          reason: `no .prj; 6-digit eastings → the park's Gauss-Krüger zone EPSG:${epsg}${swap ? " (X/Y swapped)" : ""}`,
          swapAxes: swap,
          warnings,
        };
    }
  }
  throw new ImportProblem("import_unknown_projection", {
    crs: `bbox ${bbox.map((n) => Math.round(n)).join(",")}`,
  });
}

/**
 * Picks the source CRS: the user's `srid` override, else the .prj, else inference. An unreadable
 * .prj (HTML, junk) is reported and inference used instead; a readable but unsupported one is an error.
 */
export function resolveCrs(opts: {
  srid?: number | undefined;
  prj?: string | undefined;
  bbox: Bbox;
  parkGkEpsg: number | null;
}): CrsChoice {
  if (opts.srid !== undefined) {
    const crs = crsByEpsg(opts.srid);
    if (!crs) throw new ImportProblem("import_unknown_projection", { crs: `EPSG:${opts.srid}` });
    return { crs, source: "override", reason: `override EPSG:${opts.srid}`, swapAxes: false, warnings: [] };
  }
  if (opts.prj !== undefined) {
    const text = opts.prj.trim();
    if (/^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|COMPD_CS)\s*\[/i.test(text)) {
      const crs = crsFromPrj(text);
      return {
        crs,
        source: "prj",
        reason: `.prj "${crs.name}"${crs.epsg ? ` = EPSG:${crs.epsg}` : ""}`,
        swapAxes: false,
        warnings: [],
      };
    }
    const inferred = inferCrs(opts.bbox, opts.parkGkEpsg);
    inferred.warnings.push(`.prj is not WKT (${JSON.stringify(text.slice(0, 30))}…); ignored`);
    return inferred;
  }
  return inferCrs(opts.bbox, opts.parkGkEpsg);
}
