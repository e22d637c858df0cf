import type { InquiryCreate, InquiryRow } from "../schemas/inquiries.ts";
import type { Queryable } from "./db.ts";

/** Stores an inquiry; the park defaults to the plot's. Returns id, status and creation time. */
export async function insertInquiry(
  q: Queryable,
  b: InquiryCreate,
): Promise<{ id: number; status: string; createdAt: string }> {
  const rows = await q.query<{ id: number; status: string; createdAt: string }>(
    `INSERT INTO inquiries (plot_id, park_id, contact_name, organisation, email, phone, country, industry, area_mu,
       investment_wan, message, lang)
     VALUES ($1, COALESCE($2, (SELECT park_id FROM plots WHERE id = $1)), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     RETURNING id, status, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"`,
    [
      b.plotId ?? null,
      b.parkId ?? null,
      b.contactName,
      b.organisation ?? null,
      b.email ?? null,
      b.phone ?? null,
      b.country ?? null,
      b.industry ?? null,
      b.areaMu ?? null,
      b.investmentWan ?? null,
      b.message,
      b.lang,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error("inquiry was not inserted");
  return row;
}

/** Inquiries, newest first. */
export async function listInquiries(
  q: Queryable,
  opts: {
    status?: InquiryRow["status"] | undefined;
    limit: number;
    offset: number;
    zoneId?: number | undefined;
  },
): Promise<{ total: number; items: InquiryRow[] }> {
  // An inquiry belongs to the zone of its park, else of its plot's park; one about no park or plot (a
  // general question to the investment office) belongs to every zone.
  const where = `($1::text IS NULL OR i.status = $1)
      AND ($2::int IS NULL OR COALESCE(pk.zone_id, (SELECT zone_id FROM parks WHERE id = pl.park_id), $2) = $2)`;
  const [count] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM inquiries i LEFT JOIN plots pl ON pl.id = i.plot_id
       LEFT JOIN parks pk ON pk.id = i.park_id WHERE ${where}`,
    [opts.status ?? null, opts.zoneId ?? null],
  );
  const items = await q.query<InquiryRow>(
    `SELECT i.id, i.plot_id AS "plotId", pl.code AS "plotCode", i.park_id AS "parkId", pk.name AS "parkName",
       pk.name_en AS "parkNameEn", i.contact_name AS "contactName", i.organisation, i.email, i.phone, i.country,
       i.industry, i.area_mu::float8 AS "areaMu", i.investment_wan::float8 AS "investmentWan", i.message, i.lang,
       i.status, to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
       i.is_demo AS "isDemo"
       FROM inquiries i LEFT JOIN plots pl ON pl.id = i.plot_id LEFT JOIN parks pk ON pk.id = i.park_id
      WHERE ${where}
      ORDER BY i.created_at DESC, i.id DESC LIMIT $3 OFFSET $4`,
    [opts.status ?? null, opts.zoneId ?? null, opts.limit, opts.offset],
  );
  return { total: count?.n ?? 0, items };
}
