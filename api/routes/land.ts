import { Hono } from "hono";
import { figuresFromSums } from "../../geo/aggregate.ts";
import { industryDivisionsOf } from "../../geo/industry_keywords.ts";
import type { AppEnv } from "../app_env.ts";
import type { Db } from "../db/db.ts";
import { getLandPlot, listLand, toLandProperties } from "../db/land.ts";
import { statsYears } from "../db/metrics_inputs.ts";
import { metricsSums } from "../db/metrics_sql.ts";
import { getParkProfileBase, listLandZones } from "../db/park_profiles.ts";
import { parkExists } from "../db/plots.ts";
import { zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import {
  type LandPlot,
  LandQuerySchema,
  MIN_PUBLIC_AGGREGATE_ENTERPRISES,
  type ParkProfile,
} from "../schemas/land.ts";
import { IdParamSchema } from "../schemas/zones.ts";
import { validate } from "../validate.ts";

/**
 * Park-level 亩均 figures of the latest statistics year, public only when at least
 * `MIN_PUBLIC_AGGREGATE_ENTERPRISES` enterprises contribute to both (otherwise suppressed: values null).
 */
async function publicAggregates(db: Db, parkId: number): Promise<ParkProfile["aggregates"]> {
  const years = await statsYears(db, { park: parkId });
  const year = years.at(-1) ?? null;
  const none = { year, contributingEnterprises: 0, minEnterprises: MIN_PUBLIC_AGGREGATE_ENTERPRISES };
  if (year === null) return { ...none, suppressed: true, parkOutputPerMuWan: null, parkTaxPerMuWan: null };
  const f = figuresFromSums(await metricsSums(db, { park: parkId }, year));
  const contributing = Math.min(f.outputPerMuWan.coverage.enterprises, f.taxPerMuWan.coverage.enterprises);
  const suppressed = contributing < MIN_PUBLIC_AGGREGATE_ENTERPRISES;
  return {
    ...none,
    contributingEnterprises: contributing,
    suppressed,
    parkOutputPerMuWan: suppressed ? null : f.outputPerMuWan.value,
    parkTaxPerMuWan: suppressed ? null : f.taxPerMuWan.value,
  };
}

/**
 * Public investor portal (no login): `GET /api/land` offered plots as GeoJSON, `GET /api/land/zones`,
 * `GET /api/land/parks/:id` park profile, `GET /api/land/:id` one offered plot. Public fields only.
 */
export const landRoutes = new Hono<AppEnv>()
  .get("/", validate("query", LandQuerySchema), async (c) => {
    const query = c.req.valid("query");
    const { db } = c.var.deps;
    if (query.zone !== undefined && !(await zoneExists(db, query.zone)))
      throw new AppError("zone_not_found", { id: query.zone });
    if (query.park !== undefined && !(await parkExists(db, query.park)))
      throw new AppError("park_not_found", { id: query.park });
    const divisions = query.industry === undefined ? null : industryDivisionsOf(query.industry);
    const { total, rows } = await listLand(db, query, divisions);
    return c.json({
      type: "FeatureCollection" as const,
      // Paging (foreign members of the FeatureCollection): `total` matching plots, this page's window.
      total,
      limit: query.limit,
      offset: query.offset,
      features: rows.map((r) => ({
        type: "Feature" as const,
        id: r.id,
        properties: toLandProperties(r),
        geometry: r.geometry,
      })),
    });
  })
  .get("/zones", async (c) => c.json(await listLandZones(c.var.deps.db)))
  .get("/parks/:id", validate("param", IdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.var.deps;
    const base = await getParkProfileBase(db, id);
    if (!base) throw new AppError("park_not_found", { id });
    const profile: ParkProfile = { ...base, aggregates: await publicAggregates(db, id) };
    return c.json(profile);
  })
  .get("/:id", validate("param", IdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.var.deps;
    const r = await getLandPlot(db, id);
    if (!r) throw new AppError("land_not_found", { id });
    const park = await getParkProfileBase(db, r.park_id);
    if (!park) throw new AppError("park_not_found", { id: r.park_id });
    const plot: LandPlot = {
      ...toLandProperties(r),
      areaM2: r.area_m2,
      planned: {
        minFar: r.planned_min_far,
        maxFar: r.planned_max_far,
        minCoverageRatio: r.planned_min_coverage_ratio,
      },
      supplyType: r.supply_type,
      publishedOn: r.published_on,
      infrastructureNote: r.infrastructure_note,
      infrastructureNoteEn: r.infrastructure_note_en,
      photoPaths: r.photo_paths,
      centroid: r.centroid.coordinates,
      geometry: r.geometry,
      park: {
        id: park.id,
        name: park.name,
        nameEn: park.nameEn,
        role: park.role,
        county: park.county,
        countyEn: park.countyEn,
        industries: park.industries,
        industriesEn: park.industriesEn,
        transport: park.transport,
      },
      zoneName: r.zone_name,
      zoneNameEn: r.zone_name_en,
    };
    return c.json(plot);
  });
