import type { LandPlot, LandProperties, LandQuery, StandardTerms } from "../schemas/land.ts";
import type { Queryable } from "./db.ts";
import { GEOJSON } from "./rows.ts";

/**
 * Offered land for the public portal: plots with status `available` or `reclaimed`, their published offer
 * (land_offers) and park. Selects public columns only: no enterprise, statistics or price-paid column is
 * ever read here.
 */

const OFFER_FROM = `FROM plots pl
  JOIN parks pk ON pk.id = pl.park_id
  JOIN zones z ON z.id = pk.zone_id
  LEFT JOIN land_offers o ON o.plot_id = pl.id
 WHERE pl.status IN ('available', 'reclaimed')`;

const INDUSTRY_CODES = `CASE WHEN cardinality(o.permitted_industry_codes) > 0 THEN o.permitted_industry_codes
  ELSE pk.leading_industry_codes END`;

const OFFER_COLUMNS = `pl.id, pl.code, pk.zone_id, pl.park_id, pk.name AS park_name, pk.name_en AS park_name_en,
  pl.status, pl.land_use_code, pl.land_use_edition, pl.area_mu::float8 AS area_mu, pl.is_standard_land,
  pl.std_min_investment_per_mu_wan::float8 AS std_min_investment_per_mu_wan,
  pl.std_min_output_per_mu_wan::float8 AS std_min_output_per_mu_wan,
  pl.std_min_tax_per_mu_wan::float8 AS std_min_tax_per_mu_wan, pl.std_min_far::float8 AS std_min_far,
  pl.std_max_far::float8 AS std_max_far, pl.std_min_coverage_ratio::float8 AS std_min_coverage_ratio,
  pl.std_max_energy_tce_per_wan::float8 AS std_max_energy_tce_per_wan, pl.std_build_months,
  o.floor_price_per_mu_wan::float8 AS floor_price_per_mu_wan, COALESCE(o.servicing, '{}') AS servicing,
  ${INDUSTRY_CODES} AS industry_codes, pl.is_demo`;

export interface OfferRow {
  id: number;
  code: string;
  zone_id: number;
  park_id: number;
  park_name: string;
  park_name_en: string;
  status: LandProperties["status"];
  land_use_code: string;
  land_use_edition: string;
  area_mu: number;
  is_standard_land: boolean;
  std_min_investment_per_mu_wan: number | null;
  std_min_output_per_mu_wan: number | null;
  std_min_tax_per_mu_wan: number | null;
  std_min_far: number | null;
  std_max_far: number | null;
  std_min_coverage_ratio: number | null;
  std_max_energy_tce_per_wan: number | null;
  std_build_months: number | null;
  floor_price_per_mu_wan: number | null;
  servicing: LandProperties["servicing"];
  industry_codes: string[];
  is_demo: boolean;
}

const standardOf = (r: OfferRow): StandardTerms => ({
  minInvestmentPerMuWan: r.std_min_investment_per_mu_wan,
  minOutputPerMuWan: r.std_min_output_per_mu_wan,
  minTaxPerMuWan: r.std_min_tax_per_mu_wan,
  minFar: r.std_min_far,
  maxFar: r.std_max_far,
  minCoverageRatio: r.std_min_coverage_ratio,
  maxEnergyTcePerWan: r.std_max_energy_tce_per_wan,
  buildMonths: r.std_build_months,
});

/** The public properties of an offered plot. */
export function toLandProperties(r: OfferRow): LandProperties {
  return {
    id: r.id,
    code: r.code,
    zoneId: r.zone_id,
    parkId: r.park_id,
    parkName: r.park_name,
    parkNameEn: r.park_name_en,
    status: r.status,
    landUse: r.land_use_code,
    landUseEdition: r.land_use_edition,
    areaMu: r.area_mu,
    isStandardLand: r.is_standard_land,
    standard: standardOf(r),
    floorPricePerMuWan: r.floor_price_per_mu_wan,
    floorPriceWan: r.floor_price_per_mu_wan === null ? null : r.floor_price_per_mu_wan * r.area_mu,
    servicing: r.servicing,
    industryCodes: r.industry_codes,
    isDemo: r.is_demo,
  };
}

/**
 * One page (`query.limit`, `query.offset`) of the offered plots matching `query`, and how many match in all;
 * `divisions` are the GB/T 4754 divisions the `industry` filter resolved to (the keyword itself also
 * matches a leading-industry name).
 */
export async function listLand(
  q: Queryable,
  query: LandQuery,
  divisions: readonly string[] | null,
): Promise<{ total: number; rows: Array<OfferRow & { geometry: LandPlot["geometry"] }> }> {
  const rows = await q.query<OfferRow & { geometry: LandPlot["geometry"]; total: number }>(
    `SELECT ${OFFER_COLUMNS}, ${GEOJSON("pl.geom")} AS geometry, (count(*) OVER ())::int AS total ${OFFER_FROM}
       AND ($1::int IS NULL OR pk.zone_id = $1)
       AND ($2::int IS NULL OR pl.park_id = $2)
       AND ($3::text IS NULL OR pl.status = $3)
       AND ($4::float8 IS NULL OR pl.area_mu >= $4)
       AND ($5::float8 IS NULL OR pl.area_mu <= $5)
       AND ($6::text IS NULL OR starts_with(pl.land_use_code, $6))
       AND ($7::text IS NULL OR ${INDUSTRY_CODES} && $8::text[]
            OR EXISTS (SELECT 1 FROM unnest(pk.leading_industries || pk.leading_industries_en) n
                        WHERE strpos(lower(n), lower($7)) > 0))
       AND ($9::float8 IS NULL OR o.floor_price_per_mu_wan <= $9)
       AND ($10::boolean IS NULL OR pl.is_standard_land = $10)
       AND ($11::float8 IS NULL OR pl.std_min_investment_per_mu_wan IS NULL
            OR pl.std_min_investment_per_mu_wan <= $11)
     ORDER BY pk.zone_id, pl.park_id, pl.id
     LIMIT $12 OFFSET $13`,
    [
      query.zone ?? null,
      query.park ?? null,
      query.status ?? null,
      query.minMu ?? null,
      query.maxMu ?? null,
      query.landUse ?? null,
      query.industry ?? null,
      divisions ?? [],
      query.maxPricePerMuWan ?? null,
      query.standard ?? null,
      query.investmentPerMuWan ?? null,
      query.limit,
      query.offset,
    ],
  );
  const first = rows[0];
  // Past the last page the window has no row to carry the count: count the first page's instead.
  if (!first && query.offset > 0)
    return { total: (await listLand(q, { ...query, offset: 0, limit: 1 }, divisions)).total, rows };
  return { total: first?.total ?? 0, rows: rows.map(({ total: _, ...r }) => r) };
}

export interface OfferDetailRow extends OfferRow {
  area_m2: number;
  planned_min_far: number | null;
  planned_max_far: number | null;
  planned_min_coverage_ratio: number | null;
  supply_type: string | null;
  published_on: string | null;
  infrastructure_note: string | null;
  infrastructure_note_en: string | null;
  photo_paths: string[];
  zone_name: string;
  zone_name_en: string;
  centroid: { coordinates: [number, number] };
  geometry: LandPlot["geometry"];
}

/** One offered plot with its offer details, or null when the id is not an offered plot. */
export async function getLandPlot(q: Queryable, id: number): Promise<OfferDetailRow | null> {
  const rows = await q.query<OfferDetailRow>(
    `SELECT ${OFFER_COLUMNS}, pl.area_m2::float8 AS area_m2, pl.planned_min_far::float8 AS planned_min_far,
       pl.planned_max_far::float8 AS planned_max_far,
       pl.planned_min_coverage_ratio::float8 AS planned_min_coverage_ratio, pl.supply_type,
       o.published_on::text AS published_on, o.infrastructure_note, o.infrastructure_note_en,
       COALESCE(o.photo_paths, '{}') AS photo_paths, z.name AS zone_name, z.name_en AS zone_name_en,
       ${GEOJSON("ST_PointOnSurface(pl.geom)")} AS centroid, ${GEOJSON("pl.geom")} AS geometry
     ${OFFER_FROM} AND pl.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** What matching reads per offered plot (geo/plot_match.ts `MatchCandidate`), with names for the answer. */
export interface MatchCandidateRow extends OfferRow {
  leading_industries: string[];
  leading_industries_en: string[];
  nearest_highway_distance_m: number | null;
  nearest_railway_distance_m: number | null;
  permitted_industry_codes: string[];
  constraint_overlap_m2: number;
}

/** Offered plots of a zone (or of every zone) with park profile and control-line overlap. */
export async function matchCandidates(q: Queryable, zoneId: number | null): Promise<MatchCandidateRow[]> {
  return q.query<MatchCandidateRow>(
    `SELECT ${OFFER_COLUMNS}, pk.leading_industries, pk.leading_industries_en,
       pk.nearest_highway_distance_m::float8 AS nearest_highway_distance_m,
       pk.nearest_railway_distance_m::float8 AS nearest_railway_distance_m,
       COALESCE(o.permitted_industry_codes, '{}') AS permitted_industry_codes,
       COALESCE((SELECT sum(ST_Area(ST_Intersection(cf.geom, pl.geom)::geography))
                   FROM constraint_features cf JOIN constraint_layers cl ON cl.id = cf.layer_id
                  WHERE cl.zone_id = pk.zone_id AND cl.type IN ('permanent_farmland', 'ecological_redline')
                    AND ST_Intersects(cf.geom, pl.geom)), 0)::float8 AS constraint_overlap_m2
     ${OFFER_FROM} AND ($1::int IS NULL OR pk.zone_id = $1)
     ORDER BY pl.id`,
    [zoneId],
  );
}
