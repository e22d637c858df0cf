import type { ReferralInput } from "../../geo/referral_credit.ts";
import type { ReferralCreate } from "../schemas/referrals.ts";
import type { Queryable } from "./db.ts";

/** The zone's default share for the referring park (`zones.referral_from_share_ratio`), or null. */
export async function zoneReferralDefault(q: Queryable, zoneId: number): Promise<number | null> {
  const rows = await q.query<{ r: number | null }>(
    "SELECT referral_from_share_ratio::float8 AS r FROM zones WHERE id = $1",
    [zoneId],
  );
  return rows[0]?.r ?? null;
}

/** One ledger entry with park names. */
export interface ReferralRow extends ReferralInput {
  zoneId: number;
  projectName: string;
  projectNameEn: string | null;
  industryCode: string | null;
  fromParkName: string;
  fromParkNameEn: string;
  toParkName: string;
  toParkNameEn: string;
  plotId: number | null;
  referredOn: string;
  note: string | null;
  isDemo: boolean;
}

const COLUMNS = `r.id, r.zone_id AS "zoneId", r.project_name AS "projectName", r.project_name_en AS "projectNameEn",
  r.industry_code AS "industryCode", r.from_park_id AS "fromParkId", r.to_park_id AS "toParkId",
  pf.name AS "fromParkName", pf.name_en AS "fromParkNameEn", pt.name AS "toParkName", pt.name_en AS "toParkNameEn",
  r.plot_id AS "plotId", r.investment_wan::float8 AS "investmentWan", r.from_share_ratio::float8 AS "fromShareRatio",
  r.credit_year AS "creditYear", r.referred_on::text AS "referredOn", r.note, r.is_demo AS "isDemo"`;

/** Referrals of a zone (of one credit year if given), oldest first. */
export async function listReferrals(
  q: Queryable,
  zoneId: number,
  year: number | null,
): Promise<ReferralRow[]> {
  return q.query<ReferralRow>(
    `SELECT ${COLUMNS} FROM referrals r JOIN parks pf ON pf.id = r.from_park_id JOIN parks pt ON pt.id = r.to_park_id
      WHERE r.zone_id = $1 AND ($2::int IS NULL OR r.credit_year = $2)
      ORDER BY r.credit_year, r.referred_on, r.id`,
    [zoneId, year],
  );
}

/** Records a referral; returns it with park names. */
export async function insertReferral(
  q: Queryable,
  zoneId: number,
  r: ReferralCreate & { fromShareRatio: number },
): Promise<ReferralRow> {
  const rows = await q.query<ReferralRow>(
    `WITH r AS (
       INSERT INTO referrals (zone_id, project_name, project_name_en, industry_code, from_park_id, to_park_id, plot_id,
         investment_wan, from_share_ratio, credit_year, referred_on, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *)
     SELECT ${COLUMNS} FROM r JOIN parks pf ON pf.id = r.from_park_id JOIN parks pt ON pt.id = r.to_park_id`,
    [
      zoneId,
      r.projectName,
      r.projectNameEn ?? null,
      r.industryCode ?? null,
      r.fromParkId,
      r.toParkId,
      r.plotId ?? null,
      r.investmentWan,
      r.fromShareRatio,
      r.creditYear,
      r.referredOn,
      r.note ?? null,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error("referral was not inserted");
  return row;
}

/** Park names of a zone, for labelling totals. */
export async function parkNames(
  q: Queryable,
  zoneId: number,
): Promise<Map<number, { name: string; nameEn: string }>> {
  const rows = await q.query<{ id: number; name: string; name_en: string }>(
    "SELECT id, name, name_en FROM parks WHERE zone_id = $1",
    [zoneId],
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, nameEn: r.name_en }]));
}

/** True when the plot exists. */
export async function plotExists(q: Queryable, plotId: number): Promise<boolean> {
  const rows = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM plots WHERE id = $1", [plotId]);
  return (rows[0]?.n ?? 0) > 0;
}
