import type { StatsImportField } from "../schemas/target_imports.ts";
import type { Queryable } from "./db.ts";

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
