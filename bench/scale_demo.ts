import type { Db } from "../api/db/db.ts";

/** Offsets keep copied ids apart from the demo's (8 parks, 519 enterprises, 662 plots). */
const PARK_STRIDE = 100;
const ROW_STRIDE = 1_000;
const BATCH = 50;

/**
 * Grows a freshly seeded demo database to at least `target` plots by copying the demo parks with
 * their plots, enterprises and statistics, geometry translated per copy. Idempotent: returns the plot
 * count at once when it is already reached. Bench-only SQL (CONVENTIONS: bench/ measures real paths).
 */
export async function scaleDemo(db: Db, target: number): Promise<number> {
  const [now] = await db.query<{ n: number; base: number }>(
    "SELECT count(*)::int AS n, count(*) FILTER (WHERE id < $1)::int AS base FROM plots",
    [ROW_STRIDE],
  );
  if (!now || now.n >= target) return now?.n ?? 0;
  if (now.n !== now.base) throw new Error("partially scaled bench schema: rerun with --rebuild");
  const copies = Math.ceil(target / now.base) - 1;
  for (let k0 = 1; k0 <= copies; k0 += BATCH) {
    const k1 = Math.min(copies, k0 + BATCH - 1);
    await db.transaction(async (tx) => {
      const shift = "ST_Translate(x.geom, 0.3 * (k % 40), 0.15 * (k / 40))";
      await tx.query(
        `INSERT INTO parks (id, zone_id, code, name, name_en, role, host_county, host_county_en, leading_industries,
           leading_industries_en, approved_area_m2, gk_epsg, partner_park_id, partner_name, host_benefit_share_ratio, geom, is_demo)
         SELECT x.id + k * ${PARK_STRIDE}, x.zone_id, x.code || '~' || k, x.name, x.name_en, x.role, x.host_county,
           x.host_county_en, x.leading_industries, x.leading_industries_en, x.approved_area_m2, x.gk_epsg,
           x.partner_park_id + k * ${PARK_STRIDE}, x.partner_name, x.host_benefit_share_ratio, ${shift}, true
           FROM parks x, generate_series($1::int, $2::int) k WHERE x.id < ${PARK_STRIDE}`,
        [k0, k1],
      );
      await tx.query(
        `INSERT INTO enterprises (id, name, name_en, credit_code, industry_code, industry_edition, is_high_tech, is_above_scale, is_demo)
         SELECT x.id + k * ${ROW_STRIDE}, x.name, x.name_en, NULL, x.industry_code, x.industry_edition, x.is_high_tech,
           x.is_above_scale, true FROM enterprises x, generate_series($1::int, $2::int) k WHERE x.id < ${ROW_STRIDE}`,
        [k0, k1],
      );
      await tx.query(
        `INSERT INTO enterprise_stats (enterprise_id, year, output_wan, value_added_wan, tax_wan, revenue_wan,
           fixed_asset_investment_wan, energy_tce, emissions_t, electricity_kwh, employees, rnd_wan, is_demo)
         SELECT x.enterprise_id + k * ${ROW_STRIDE}, x.year, x.output_wan, x.value_added_wan, x.tax_wan, x.revenue_wan,
           x.fixed_asset_investment_wan, x.energy_tce, x.emissions_t, x.electricity_kwh, x.employees, x.rnd_wan, true
           FROM enterprise_stats x, generate_series($1::int, $2::int) k WHERE x.enterprise_id < ${ROW_STRIDE}`,
        [k0, k1],
      );
      await tx.query(
        `INSERT INTO plots (id, park_id, code, land_use_code, land_use_edition, status, supply_type, is_standard_land,
           land_price_wan, approval_date, supply_date, agreed_start_date, extended_start_date, actual_start_date,
           developed_area_ratio, invested_excl_land_wan, total_investment_excl_land_wan, suspended_since, delay_cause,
           planned_min_far, planned_max_far, planned_min_coverage_ratio, built_floor_area_m2, building_footprint_m2,
           structures_yard_m2, declared_area_m2, enterprise_id, geom, is_demo)
         SELECT x.id + k * ${ROW_STRIDE}, x.park_id + k * ${PARK_STRIDE}, x.code || '~' || k, x.land_use_code,
           x.land_use_edition, x.status, x.supply_type, x.is_standard_land, x.land_price_wan, x.approval_date,
           x.supply_date, x.agreed_start_date, x.extended_start_date, x.actual_start_date, x.developed_area_ratio,
           x.invested_excl_land_wan, x.total_investment_excl_land_wan, x.suspended_since, x.delay_cause,
           x.planned_min_far, x.planned_max_far, x.planned_min_coverage_ratio, x.built_floor_area_m2,
           x.building_footprint_m2, x.structures_yard_m2, x.declared_area_m2, x.enterprise_id + k * ${ROW_STRIDE},
           ${shift}, true
           FROM plots x, generate_series($1::int, $2::int) k WHERE x.id < ${ROW_STRIDE}`,
        [k0, k1],
      );
    });
    process.stdout.write(`\rscaling: ${k1}/${copies} copies`);
  }
  process.stdout.write("\n");
  await db.exec("ANALYZE");
  const [after] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM plots");
  return after?.n ?? 0;
}
