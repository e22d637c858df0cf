import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { PlotFeatureProperties, PlotListQuery } from "../schemas/plots.ts";
import type { Queryable } from "./db.ts";
import { GEOJSON } from "./rows.ts";

interface PlotListRow {
  id: number;
  code: string;
  park_id: number;
  status: PlotFeatureProperties["status"];
  land_use_code: string;
  land_use_edition: string;
  area_mu: number;
  enterprise_id: number | null;
  enterprise_name: string | null;
  is_standard_land: boolean;
  is_demo: boolean;
  geometry: Geometry;
}

/**
 * Plots as a GeoJSON FeatureCollection (feature id = plot id), filtered by park, zone, status, area
 * in 亩 (inclusive bounds) and industry-code prefix of the plot's enterprise (case-insensitive).
 */
export async function listPlots(
  q: Queryable,
  f: Pick<PlotListQuery, "park" | "zone" | "status" | "minMu" | "maxMu" | "industry">,
): Promise<FeatureCollection<Geometry, PlotFeatureProperties>> {
  const rows = await q.query<PlotListRow>(
    `SELECT pl.id, pl.code, pl.park_id, pl.status, pl.land_use_code, pl.land_use_edition, pl.area_mu::float8 AS area_mu,
            pl.enterprise_id, e.name AS enterprise_name, pl.is_standard_land, pl.is_demo, ${GEOJSON("pl.geom")} AS geometry
       FROM plots pl
       JOIN parks p ON p.id = pl.park_id
       LEFT JOIN enterprises e ON e.id = pl.enterprise_id
      WHERE ($1::int IS NULL OR pl.park_id = $1)
        AND ($2::int IS NULL OR p.zone_id = $2)
        AND ($3::text IS NULL OR pl.status = $3)
        AND ($4::float8 IS NULL OR pl.area_mu >= $4)
        AND ($5::float8 IS NULL OR pl.area_mu <= $5)
        AND ($6::text IS NULL OR upper(e.industry_code) LIKE upper($6) || '%')
      ORDER BY pl.id`,
    [f.park ?? null, f.zone ?? null, f.status ?? null, f.minMu ?? null, f.maxMu ?? null, f.industry ?? null],
  );
  const features = rows.map(
    (r): Feature<Geometry, PlotFeatureProperties> => ({
      type: "Feature",
      id: r.id,
      geometry: r.geometry,
      properties: {
        id: r.id,
        code: r.code,
        parkId: r.park_id,
        status: r.status,
        landUse: r.land_use_code,
        landUseEdition: r.land_use_edition,
        areaMu: r.area_mu,
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        isStandardLand: r.is_standard_land,
        isDemo: r.is_demo,
      },
    }),
  );
  return { type: "FeatureCollection", features };
}

/** True when a park with this id exists. */
export async function parkExists(q: Queryable, id: number): Promise<boolean> {
  const rows = await q.query<{ ok: boolean }>("SELECT EXISTS (SELECT 1 FROM parks WHERE id = $1) AS ok", [
    id,
  ]);
  return rows[0]?.ok === true;
}

/** The zone a plot belongs to (through its park), or null for an unknown plot. */
export async function getPlotZoneId(q: Queryable, plotId: number): Promise<number | null> {
  const rows = await q.query<{ zone_id: number }>(
    "SELECT pk.zone_id FROM plots p JOIN parks pk ON pk.id = p.park_id WHERE p.id = $1",
    [plotId],
  );
  return rows[0]?.zone_id ?? null;
}
