import type { StatsImportField } from "../schemas/target_imports.ts";
import type { Queryable } from "./db.ts";
import { markImportUndone } from "./imports.ts";

/** Enterprises matching any of the credit codes or names (for resolving an import's keys). */
export async function enterprisesByKeys(
  q: Queryable,
  creditCodes: readonly string[],
  names: readonly string[],
): Promise<{ id: number; creditCode: string | null; name: string }[]> {
  return q.query(
    `SELECT id, credit_code AS "creditCode", name FROM enterprises
      WHERE credit_code = ANY($1::text[]) OR name = ANY($2::text[]) ORDER BY id`,
    [creditCodes, names],
  );
}

/** `enterprise_stats` column per imported statistic (a fixed whitelist: the only text spliced into SQL). */
const COLUMNS: Record<StatsImportField, { name: string; type: "float8" | "int" }> = {
  outputWan: { name: "output_wan", type: "float8" },
  valueAddedWan: { name: "value_added_wan", type: "float8" },
  taxWan: { name: "tax_wan", type: "float8" },
  revenueWan: { name: "revenue_wan", type: "float8" },
  fixedAssetInvestmentWan: { name: "fixed_asset_investment_wan", type: "float8" },
  energyTce: { name: "energy_tce", type: "float8" },
  emissionsT: { name: "emissions_t", type: "float8" },
  electricityKwh: { name: "electricity_kwh", type: "float8" },
  employees: { name: "employees", type: "int" },
  rndWan: { name: "rnd_wan", type: "float8" },
};

/**
 * Upserts statistics by (enterprise, year) in one statement: the `fields` present in the file are
 * written as given (an empty cell stores NULL), other columns keep their stored values. Rows become
 * real data (`is_demo = false`). Returns how many rows were inserted and how many updated.
 */
export async function upsertEnterpriseStats(
  tx: Queryable,
  fields: readonly StatsImportField[],
  rows: readonly {
    enterpriseId: number;
    year: number;
    values: Partial<Record<StatsImportField, number | null>>;
  }[],
): Promise<{ inserted: number; updated: number }> {
  const cols = fields.map((f) => COLUMNS[f]);
  const names = cols.map((c) => c.name);
  const json = JSON.stringify(
    rows.map((r) => {
      const o: Record<string, number | null> = { enterprise_id: r.enterpriseId, year: r.year };
      for (const f of fields) o[COLUMNS[f].name] = r.values[f] ?? null;
      return o;
    }),
  );
  const set = [...names.map((n) => `${n} = EXCLUDED.${n}`), "is_demo = false"].join(", ");
  const [r] = await tx.query<{ inserted: number; updated: number }>(
    `WITH up AS (
       INSERT INTO enterprise_stats AS s (enterprise_id, year${names.map((n) => `, ${n}`).join("")}, is_demo)
       SELECT enterprise_id, year${names.map((n) => `, ${n}`).join("")}, false
         FROM json_to_recordset($1::json) AS r(enterprise_id int, year int${cols.map((c) => `, ${c.name} ${c.type}`).join("")})
       ON CONFLICT (enterprise_id, year) DO UPDATE SET ${set}
       RETURNING (xmax = 0) AS inserted)
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`,
    [json],
  );
  return { inserted: r?.inserted ?? 0, updated: r?.updated ?? 0 };
}

/**
 * Saves, for undo, each (enterprise, year) row a statistics import is about to write: the whole
 * stored row (`to_jsonb`), or NULL when the import inserts it. Run before `upsertEnterpriseStats`.
 */
export async function saveStatsPrevious(
  tx: Queryable,
  importId: number,
  keys: readonly { enterpriseId: number; year: number }[],
): Promise<void> {
  await tx.query(
    `INSERT INTO import_stats_changes (import_id, enterprise_id, year, previous)
     SELECT $1, k.e, k.y, CASE WHEN s.enterprise_id IS NULL THEN NULL ELSE to_jsonb(s) END
       FROM unnest($2::int[], $3::int[]) AS k(e, y)
       LEFT JOIN enterprise_stats s ON s.enterprise_id = k.e AND s.year = k.y`,
    [importId, keys.map((k) => k.enterpriseId), keys.map((k) => k.year)],
  );
}

/**
 * Undoes a statistics import: deletes the rows it inserted and writes every column of the rows it
 * updated back from the saved previous row. Null when the import has no undo record (it predates
 * migration 0014) although it wrote rows.
 */
export async function undoStatsImport(
  tx: Queryable,
  id: number,
  by: string,
): Promise<{ deleted: number; restored: number } | null> {
  const [rec] = await tx.query<{ recorded: number; written: number }>(
    `SELECT (SELECT count(*) FROM import_stats_changes WHERE import_id = $1)::int AS recorded,
            (inserted_count + updated_count)::int AS written
       FROM imports WHERE id = $1`,
    [id],
  );
  if (!rec || (rec.recorded === 0 && rec.written > 0)) return null;
  const [del] = await tx.query<{ n: number }>(
    `WITH d AS (
       DELETE FROM enterprise_stats s USING import_stats_changes c
        WHERE c.import_id = $1 AND c.previous IS NULL AND s.enterprise_id = c.enterprise_id AND s.year = c.year
       RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [id],
  );
  const cols = [...Object.values(COLUMNS).map((c) => c.name), "is_demo"];
  const [res] = await tx.query<{ n: number }>(
    `WITH u AS (
       UPDATE enterprise_stats s SET (${cols.join(", ")}) = (${cols.map((c) => `r.${c}`).join(", ")})
         FROM import_stats_changes c, LATERAL jsonb_populate_record(NULL::enterprise_stats, c.previous) AS r
        WHERE c.import_id = $1 AND c.previous IS NOT NULL AND s.enterprise_id = c.enterprise_id AND s.year = c.year
       RETURNING 1)
     SELECT count(*)::int AS n FROM u`,
    [id],
  );
  await markImportUndone(tx, id, by);
  return { deleted: del?.n ?? 0, restored: res?.n ?? 0 };
}
