import type { Geometry } from "geojson";
import type { Queryable } from "./db.ts";

/** A plot as exported: attributes and its geometry in lon/lat at full double precision. */
export interface PlotExportRow {
  id: number;
  code: string;
  parkId: number;
  landUseCode: string;
  landUseEdition: string;
  status: string;
  declaredAreaM2: number | null;
  areaM2: number;
  areaMu: number;
  approvalDate: string | null;
  supplyDate: string | null;
  gkEpsg: number | null;
  geometry: Geometry;
}

/** Counts the plots an export filter selects. */
export async function countExportPlots(
  q: Queryable,
  f: {
    park?: number | undefined;
    zone?: number | undefined;
    status?: string | undefined;
    ids?: number[] | undefined;
  },
): Promise<number> {
  const [r] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM plots pl JOIN parks p ON p.id = pl.park_id
      WHERE ($1::int IS NULL OR pl.park_id = $1) AND ($2::int IS NULL OR p.zone_id = $2)
        AND ($3::text IS NULL OR pl.status = $3) AND ($4::int[] IS NULL OR pl.id = ANY($4))`,
    [f.park ?? null, f.zone ?? null, f.status ?? null, f.ids ?? null],
  );
  return r?.n ?? 0;
}

/**
 * Plots selected by park, zone, status and ids, ordered by id. Coordinates are written with 15
 * decimals (`ST_AsGeoJSON(geom, 15)`): ≥ 17 significant digits for longitudes ≥ 10°, so doubles
 * survive the round trip exactly.
 */
export async function listExportPlots(
  q: Queryable,
  f: {
    park?: number | undefined;
    zone?: number | undefined;
    status?: string | undefined;
    ids?: number[] | undefined;
  },
): Promise<PlotExportRow[]> {
  return q.query<PlotExportRow>(
    `SELECT pl.id, pl.code, pl.park_id AS "parkId", pl.land_use_code AS "landUseCode", pl.land_use_edition AS "landUseEdition",
            pl.status, pl.declared_area_m2::float8 AS "declaredAreaM2", pl.area_m2::float8 AS "areaM2",
            pl.area_mu::float8 AS "areaMu", pl.approval_date::text AS "approvalDate", pl.supply_date::text AS "supplyDate",
            p.gk_epsg AS "gkEpsg", ST_AsGeoJSON(pl.geom, 15)::json AS geometry
       FROM plots pl JOIN parks p ON p.id = pl.park_id
      WHERE ($1::int IS NULL OR pl.park_id = $1) AND ($2::int IS NULL OR p.zone_id = $2)
        AND ($3::text IS NULL OR pl.status = $3) AND ($4::int[] IS NULL OR pl.id = ANY($4))
      ORDER BY pl.id`,
    [f.park ?? null, f.zone ?? null, f.status ?? null, f.ids ?? null],
  );
}
