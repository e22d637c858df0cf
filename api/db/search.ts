import type { SearchResult } from "../schemas/search.ts";
import type { Queryable } from "./db.ts";

interface SearchRow {
  kind: SearchResult["kind"];
  id: number;
  label: string;
  label_en: string | null;
  zone_id: number;
  park_id: number;
  plot_id: number | null;
}

/** `text` as a literal inside an ILIKE pattern (backslash is PostgreSQL's default LIKE escape). */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Parks (name, English name, code), plots (code) and enterprises (name, English name) whose text contains
 * `q` case-insensitively, optionally within one zone. Rank: exact match 0, prefix 1, substring 2; then parks,
 * plots, enterprises; then label. An enterprise appears once, with its largest plot (in the zone) to open.
 * Substring search scans the names and codes of the zone (no trigram index); `limit` bounds the answer.
 */
export async function searchAll(
  q: Queryable,
  text: string,
  zoneId: number | null,
  limit: number,
): Promise<SearchResult[]> {
  const lit = likeLiteral(text);
  const rows = await q.query<SearchRow>(
    `WITH hits AS (
       SELECT 'park' AS kind, 0 AS kind_order, p.id, p.name AS label, p.name_en AS label_en, p.zone_id,
              p.id AS park_id, NULL::int AS plot_id,
              CASE WHEN lower(p.name) = lower($2) OR lower(p.name_en) = lower($2) OR lower(p.code) = lower($2) THEN 0
                   WHEN p.name ILIKE $1 || '%' OR p.name_en ILIKE $1 || '%' OR p.code ILIKE $1 || '%' THEN 1
                   ELSE 2 END AS rank
         FROM parks p
        WHERE ($3::int IS NULL OR p.zone_id = $3)
          AND (p.name ILIKE '%' || $1 || '%' OR p.name_en ILIKE '%' || $1 || '%' OR p.code ILIKE '%' || $1 || '%')
       UNION ALL
       SELECT 'plot', 1, pl.id, pl.code, NULL, p.zone_id, pl.park_id, pl.id,
              CASE WHEN lower(pl.code) = lower($2) THEN 0 WHEN pl.code ILIKE $1 || '%' THEN 1 ELSE 2 END
         FROM plots pl
         JOIN parks p ON p.id = pl.park_id
        WHERE ($3::int IS NULL OR p.zone_id = $3) AND pl.code ILIKE '%' || $1 || '%'
       UNION ALL
       SELECT * FROM (
         SELECT DISTINCT ON (e.id) 'enterprise', 2, e.id, e.name, e.name_en, p.zone_id, pl.park_id, pl.id,
                CASE WHEN lower(e.name) = lower($2) OR lower(e.name_en) = lower($2) THEN 0
                     WHEN e.name ILIKE $1 || '%' OR e.name_en ILIKE $1 || '%' THEN 1 ELSE 2 END
           FROM enterprises e
           JOIN plots pl ON pl.enterprise_id = e.id
           JOIN parks p ON p.id = pl.park_id
          WHERE ($3::int IS NULL OR p.zone_id = $3)
            AND (e.name ILIKE '%' || $1 || '%' OR e.name_en ILIKE '%' || $1 || '%')
          ORDER BY e.id, pl.area_m2 DESC, pl.id
       ) firms
     )
     SELECT kind, id, label, label_en, zone_id, park_id, plot_id
       FROM hits
      ORDER BY rank, kind_order, label, id
      LIMIT $4`,
    [lit, text, zoneId, limit],
  );
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    label: r.label,
    labelEn: r.label_en,
    zoneId: r.zone_id,
    parkId: r.park_id,
    plotId: r.plot_id,
  }));
}
