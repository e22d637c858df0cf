import type { Queryable } from "./db.ts";

/** An enclave park of a zone with the agreement in force on 31 December of `year` (if any) and its totals. */
export interface EnclaveShareRow {
  parkId: number;
  parkName: string;
  parkNameEn: string;
  hostCounty: string;
  hostCountyEn: string;
  partnerParkId: number | null;
  partnerParkName: string | null;
  partnerParkNameEn: string | null;
  agreementId: number | null;
  hostInputRatio: number | null;
  hostTiltRatio: number | null;
  validFrom: string | null;
  validTo: string | null;
  source: string | null;
  /** Σ of the park's firms' tax / output of `year`, each firm's figure split over its plots by area (万元). */
  taxWan: number;
  outputWan: number;
  /** Firms with statistics of `year` on the park's plots. */
  enterprises: number;
}

/**
 * Enclave parks of a zone with their agreement and the year's tax and output attributed to the park (a
 * firm's statistics split over all its plots by area, as the metrics do: `enterprises.land_m2`).
 */
export async function enclaveShares(q: Queryable, zoneId: number, year: number): Promise<EnclaveShareRow[]> {
  return q.query<EnclaveShareRow>(
    `SELECT p.id AS "parkId", p.name AS "parkName", p.name_en AS "parkNameEn", p.host_county AS "hostCounty",
       p.host_county_en AS "hostCountyEn", COALESCE(a.partner_park_id, p.partner_park_id) AS "partnerParkId",
       pp.name AS "partnerParkName", pp.name_en AS "partnerParkNameEn", a.id AS "agreementId",
       a.host_input_ratio::float8 AS "hostInputRatio", a.host_tilt_ratio::float8 AS "hostTiltRatio",
       a.valid_from::text AS "validFrom", a.valid_to::text AS "validTo", a.source,
       COALESCE(s.tax, 0)::float8 AS "taxWan", COALESCE(s.output, 0)::float8 AS "outputWan",
       COALESCE(s.firms, 0)::int AS enterprises
       FROM parks p
       LEFT JOIN LATERAL (
         SELECT * FROM share_agreements sa
          WHERE sa.enclave_park_id = p.id AND sa.valid_from <= make_date($2, 12, 31)
            AND (sa.valid_to IS NULL OR sa.valid_to >= make_date($2, 12, 31))
          ORDER BY sa.valid_from DESC, sa.id DESC LIMIT 1) a ON true
       LEFT JOIN parks pp ON pp.id = COALESCE(a.partner_park_id, p.partner_park_id)
       LEFT JOIN LATERAL (
         SELECT sum(es.tax_wan * pl.area_m2 / e.land_m2) AS tax, sum(es.output_wan * pl.area_m2 / e.land_m2) AS output,
                count(DISTINCT e.id) AS firms
           FROM plots pl JOIN enterprises e ON e.id = pl.enterprise_id
           JOIN enterprise_stats es ON es.enterprise_id = e.id AND es.year = $2
          WHERE pl.park_id = p.id AND e.land_m2 > 0) s ON true
      WHERE p.zone_id = $1 AND p.role = 'enclave'
      ORDER BY p.id`,
    [zoneId, year],
  );
}

/** The latest statistics year of any firm in the zone, or null. */
export async function latestZoneStatsYear(q: Queryable, zoneId: number): Promise<number | null> {
  const rows = await q.query<{ y: number | null }>(
    `SELECT max(es.year)::int AS y FROM enterprise_stats es
      WHERE EXISTS (SELECT 1 FROM plots pl JOIN parks p ON p.id = pl.park_id
                     WHERE pl.enterprise_id = es.enterprise_id AND p.zone_id = $1)`,
    [zoneId],
  );
  return rows[0]?.y ?? null;
}
