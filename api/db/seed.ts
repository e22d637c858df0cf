import { readFileSync } from "node:fs";
import { join } from "node:path";
import { insertDemoAccounts } from "../auth/accounts.ts";
import { DEMO_FILES, type DemoDataset, DemoDatasetSchema } from "../schemas/demo_dataset.ts";
import type { Db, Queryable } from "./db.ts";
import { insertInvestDemo } from "./seed_invest.ts";
import { liftStatementTimeout } from "./timeouts.ts";

/** Where the generated demo dataset lives, read as files by path (never imported). */
export const DEMO_DIR = new URL("../../data/demo/", import.meta.url).pathname;

/** Reads and validates the demo dataset files of `dir`. */
export function loadDemoDataset(dir = DEMO_DIR): DemoDataset {
  const raw = Object.fromEntries(
    Object.entries(DEMO_FILES).map(([key, file]) => [key, JSON.parse(readFileSync(join(dir, file), "utf8"))]),
  );
  return DemoDatasetSchema.parse(raw);
}

/** True when the database holds no zone yet. */
export async function isEmpty(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM zones");
  return rows[0]?.n === 0;
}

const GEOM = "ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(x.geometry::text), 4326))";

async function insertZonesAndParks(tx: Queryable, ds: DemoDataset): Promise<Map<string, number>> {
  const parkIds = new Map<string, number>();
  for (const z of ds.zones) {
    const [zone] = await tx.query<{ id: number }>(
      `INSERT INTO zones (code, name, name_en, province, level, policy_profile, targets, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, true) RETURNING id`,
      [z.code, z.name, z.nameEn, z.province, z.level, z.policyProfile, JSON.stringify(z.targets)],
    );
    if (!zone) throw new Error(`zone ${z.code} was not inserted`);
    // Partners (cores) first, so that enclaves can reference them.
    const ordered = [...z.parks].sort(
      (a, b) => Number(a.partnerParkCode !== null) - Number(b.partnerParkCode !== null),
    );
    for (const p of ordered) {
      const partnerId = p.partnerParkCode === null ? null : parkIds.get(p.partnerParkCode);
      if (partnerId === undefined) throw new Error(`park ${p.code}: partner ${p.partnerParkCode} not found`);
      const [park] = await tx.query<{ id: number }>(
        `INSERT INTO parks (zone_id, code, name, name_en, role, host_county, host_county_en, host_adcode,
           leading_industries, leading_industries_en, approved_area_m2, gk_epsg, partner_park_id, partner_name,
           host_benefit_share_ratio, geom, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
           ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($16), 4326)), true) RETURNING id`,
        [
          zone.id,
          p.code,
          p.name,
          p.nameEn,
          p.role,
          p.hostCounty,
          p.hostCountyEn,
          p.hostAdcode,
          p.leadingIndustries,
          p.leadingIndustriesEn,
          p.approvedAreaM2,
          p.gkEpsg,
          partnerId,
          p.partnerName,
          p.hostBenefitShareRatio,
          JSON.stringify(p.geometry),
        ],
      );
      if (!park) throw new Error(`park ${p.code} was not inserted`);
      parkIds.set(p.code, park.id);
    }
  }
  return parkIds;
}

async function insertEnterprises(tx: Queryable, ds: DemoDataset): Promise<Map<string, number>> {
  const rows = await tx.query<{ id: number; credit_code: string }>(
    `INSERT INTO enterprises (name, name_en, credit_code, industry_code, industry_edition, is_high_tech, is_above_scale, is_demo)
     SELECT x."name", x."nameEn", x."creditCode", x."industryCode", x."industryEdition", x."isHighTech", x."isAboveScale", true
       FROM json_to_recordset($1::json) AS x("name" text, "nameEn" text, "creditCode" text, "industryCode" text,
         "industryEdition" text, "isHighTech" boolean, "isAboveScale" boolean)
     RETURNING id, credit_code`,
    [JSON.stringify(ds.enterprises.map(({ stats: _stats, ...e }) => e))],
  );
  const ids = new Map(rows.map((r) => [r.credit_code, r.id]));
  const stats = ds.enterprises.flatMap((e) =>
    e.stats.map((s) => ({ ...s, enterpriseId: ids.get(e.creditCode) })),
  );
  await tx.query(
    `INSERT INTO enterprise_stats (enterprise_id, year, output_wan, value_added_wan, tax_wan, revenue_wan,
       fixed_asset_investment_wan, energy_tce, emissions_t, electricity_kwh, employees, rnd_wan, is_demo)
     SELECT x."enterpriseId", x."year", x."outputWan", x."valueAddedWan", x."taxWan", x."revenueWan",
       x."fixedAssetInvestmentWan", x."energyTce", x."emissionsT", x."electricityKwh", x."employees", x."rndWan", true
       FROM json_to_recordset($1::json) AS x("enterpriseId" int, "year" int, "outputWan" float8, "valueAddedWan" float8,
         "taxWan" float8, "revenueWan" float8, "fixedAssetInvestmentWan" float8, "energyTce" float8, "emissionsT" float8,
         "electricityKwh" float8, "employees" int, "rndWan" float8)`,
    [JSON.stringify(stats)],
  );
  return ids;
}

async function insertPlots(
  tx: Queryable,
  ds: DemoDataset,
  parkIds: Map<string, number>,
  enterpriseIds: Map<string, number>,
): Promise<void> {
  const rows = ds.plots.features.map((f) => {
    const { parkCode, enterpriseCreditCode, ...p } = f.properties;
    const parkId = parkIds.get(parkCode);
    if (parkId === undefined) throw new Error(`plot ${p.code}: unknown park ${parkCode}`);
    const enterpriseId = enterpriseCreditCode === null ? null : enterpriseIds.get(enterpriseCreditCode);
    if (enterpriseId === undefined)
      throw new Error(`plot ${p.code}: unknown enterprise ${enterpriseCreditCode}`);
    return { ...p, parkId, enterpriseId, geometry: f.geometry };
  });
  await tx.query(
    `INSERT INTO plots (park_id, code, land_use_code, land_use_edition, status, supply_type, is_standard_land,
       std_min_investment_per_mu_wan, std_min_output_per_mu_wan, std_min_tax_per_mu_wan, std_min_far, std_max_far,
       std_min_coverage_ratio, std_max_energy_tce_per_wan, std_build_months, land_price_wan, approval_date, supply_date,
       agreed_start_date, extended_start_date, actual_start_date, developed_area_ratio, invested_excl_land_wan,
       total_investment_excl_land_wan, suspended_since, delay_cause, planned_min_far, planned_max_far,
       planned_min_coverage_ratio, built_floor_area_m2, building_footprint_m2, structures_yard_m2, declared_area_m2,
       enterprise_id, geom, is_demo)
     SELECT x."parkId", x."code", x."landUseCode", x."landUseEdition", x."status", x."supplyType", x."isStandardLand",
       x."stdMinInvestmentPerMuWan", x."stdMinOutputPerMuWan", x."stdMinTaxPerMuWan", x."stdMinFar", x."stdMaxFar",
       x."stdMinCoverageRatio", x."stdMaxEnergyTcePerWan", x."stdBuildMonths", x."landPriceWan", x."approvalDate",
       x."supplyDate", x."agreedStartDate", x."extendedStartDate", x."actualStartDate", x."developedAreaRatio",
       x."investedExclLandWan", x."totalInvestmentExclLandWan", x."suspendedSince", x."delayCause", x."plannedMinFar",
       x."plannedMaxFar", x."plannedMinCoverageRatio", x."builtFloorAreaM2", x."buildingFootprintM2",
       x."structuresYardM2", x."declaredAreaM2", x."enterpriseId", ${GEOM}, true
     FROM json_to_recordset($1::json) AS x("parkId" int, "code" text, "landUseCode" text, "landUseEdition" text,
       "status" text, "supplyType" text, "isStandardLand" boolean, "stdMinInvestmentPerMuWan" float8,
       "stdMinOutputPerMuWan" float8, "stdMinTaxPerMuWan" float8, "stdMinFar" float8, "stdMaxFar" float8,
       "stdMinCoverageRatio" float8, "stdMaxEnergyTcePerWan" float8, "stdBuildMonths" int, "landPriceWan" float8,
       "approvalDate" date, "supplyDate" date, "agreedStartDate" date, "extendedStartDate" date, "actualStartDate" date,
       "developedAreaRatio" float8, "investedExclLandWan" float8, "totalInvestmentExclLandWan" float8,
       "suspendedSince" date, "delayCause" text, "plannedMinFar" float8, "plannedMaxFar" float8,
       "plannedMinCoverageRatio" float8, "builtFloorAreaM2" float8, "buildingFootprintM2" float8,
       "structuresYardM2" float8, "declaredAreaM2" float8, "enterpriseId" int, "geometry" json)`,
    [JSON.stringify(rows)],
  );
}

async function insertLayers(tx: Queryable, ds: DemoDataset): Promise<void> {
  const zones = await tx.query<{ id: number; code: string }>("SELECT id, code FROM zones");
  const zoneIds = new Map(zones.map((z) => [z.code, z.id]));
  const zoneId = (code: string) => {
    const id = zoneIds.get(code);
    if (id === undefined) throw new Error(`unknown zone ${code}`);
    return id;
  };
  const layerKeys = new Map<string, { zoneId: number; type: string; name: string; nameEn: string }>();
  for (const f of ds.constraints.features) {
    const p = f.properties;
    layerKeys.set(`${p.zoneCode}|${p.type}|${p.layerName}`, {
      zoneId: zoneId(p.zoneCode),
      type: p.type,
      name: p.layerName,
      nameEn: p.layerNameEn,
    });
  }
  const layers = await tx.query<{ id: number; zone_id: number; type: string; name: string }>(
    `INSERT INTO constraint_layers (zone_id, type, name, name_en, source, is_demo)
     SELECT x."zoneId", x."type", x."name", x."nameEn", '示意数据 / illustrative: data/demo/generate.ts', true
       FROM json_to_recordset($1::json) AS x("zoneId" int, "type" text, "name" text, "nameEn" text)
     RETURNING id, zone_id, type, name`,
    [JSON.stringify([...layerKeys.values()])],
  );
  const layerIds = new Map(layers.map((l) => [`${l.zone_id}|${l.type}|${l.name}`, l.id]));
  const features = ds.constraints.features.map((f) => ({
    layerId: layerIds.get(`${zoneId(f.properties.zoneCode)}|${f.properties.type}|${f.properties.layerName}`),
    name: f.properties.name,
    geometry: f.geometry,
  }));
  await tx.query(
    `INSERT INTO constraint_features (layer_id, name, geom, is_demo)
     SELECT x."layerId", x."name", ${GEOM}, true
       FROM json_to_recordset($1::json) AS x("layerId" int, "name" text, "geometry" json)`,
    [JSON.stringify(features)],
  );
  const context = ds.context.features.map((f) => ({
    zoneId: f.properties.zoneCode === null ? null : zoneId(f.properties.zoneCode),
    kind: f.properties.kind,
    name: f.properties.name,
    nameEn: f.properties.nameEn,
    geometry: f.geometry,
  }));
  await tx.query(
    `INSERT INTO context_features (zone_id, kind, name, name_en, geom, is_demo)
     SELECT x."zoneId", x."kind", x."name", x."nameEn", ST_SetSRID(ST_GeomFromGeoJSON(x.geometry::text), 4326), true
       FROM json_to_recordset($1::json) AS x("zoneId" int, "kind" text, "name" text, "nameEn" text, "geometry" json)`,
    [JSON.stringify(context)],
  );
}

/**
 * Loads the demo dataset into an empty database in one transaction (all or nothing).
 * @returns false when the database already held zones (nothing was written).
 */
export async function seedDemo(db: Db, ds: DemoDataset = loadDemoDataset()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await liftStatementTimeout(tx);
    await tx.query("SELECT pg_advisory_xact_lock($1)", [7_390_114_202]);
    if (!(await isEmpty(tx))) return false;
    const parkIds = await insertZonesAndParks(tx, ds);
    const enterpriseIds = await insertEnterprises(tx, ds);
    await insertPlots(tx, ds, parkIds, enterpriseIds);
    await insertLayers(tx, ds);
    await insertInvestDemo(tx, ds.invest);
    // Demo accounts per role (README): only ever created together with the demo dataset.
    await insertDemoAccounts(tx);
    return true;
  });
}
