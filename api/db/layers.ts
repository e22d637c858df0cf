import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { z } from "zod";
import { M2_PER_MU } from "../../geo/units.ts";
import type { ConstraintFeaturePropertiesSchema, ContextFeaturePropertiesSchema } from "../schemas/layers.ts";
import type { Queryable } from "./db.ts";
import { GEOJSON } from "./rows.ts";

type ConstraintProps = z.infer<typeof ConstraintFeaturePropertiesSchema>;
type ContextProps = z.infer<typeof ContextFeaturePropertiesSchema>;

const collection = <P>(features: Feature<Geometry, P>[]): FeatureCollection<Geometry, P> => ({
  type: "FeatureCollection",
  features,
});

/** Constraint features of a zone (optionally of one type) as GeoJSON; areas in 亩 on the ellipsoid. */
export async function listConstraints(
  q: Queryable,
  zoneId: number,
  type: ConstraintProps["type"] | undefined,
): Promise<FeatureCollection<Geometry, ConstraintProps>> {
  const rows = await q.query<{
    id: number;
    layer_id: number;
    type: ConstraintProps["type"];
    name: string | null;
    layer_name: string;
    layer_name_en: string;
    area_m2: number;
    is_demo: boolean;
    geometry: Geometry;
  }>(
    `SELECT f.id, f.layer_id, l.type, f.name, l.name AS layer_name, l.name_en AS layer_name_en,
            f.area_m2::float8 AS area_m2, f.is_demo, ${GEOJSON("f.geom")} AS geometry
       FROM constraint_features f JOIN constraint_layers l ON l.id = f.layer_id
      WHERE l.zone_id = $1 AND ($2::text IS NULL OR l.type = $2)
      ORDER BY l.type, f.id`,
    [zoneId, type ?? null],
  );
  return collection(
    rows.map((r) => ({
      type: "Feature",
      id: r.id,
      geometry: r.geometry,
      properties: {
        id: r.id,
        layerId: r.layer_id,
        type: r.type,
        name: r.name,
        layerName: r.layer_name,
        layerNameEn: r.layer_name_en,
        areaMu: r.area_m2 / M2_PER_MU,
        isDemo: r.is_demo,
      },
    })),
  );
}

/** Roads, rivers and county outlines for a zone's map context. */
export async function listContext(
  q: Queryable,
  zoneId: number,
): Promise<FeatureCollection<Geometry, ContextProps>> {
  const rows = await q.query<ContextProps & { name_en: string | null; is_demo: boolean; geometry: Geometry }>(
    `SELECT id, kind, name, name_en, is_demo, ${GEOJSON("geom")} AS geometry
       FROM context_features WHERE zone_id = $1 OR zone_id IS NULL ORDER BY kind, id`,
    [zoneId],
  );
  return collection(
    rows.map((r) => ({
      type: "Feature",
      id: r.id,
      geometry: r.geometry,
      properties: { id: r.id, kind: r.kind, name: r.name, nameEn: r.name_en, isDemo: r.is_demo },
    })),
  );
}
