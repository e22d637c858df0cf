import type { Queryable } from "../../api/db/db.ts";

/**
 * The confidentiality check of the investor portal: public payloads must carry no enterprise-level finance
 * (tax, output, energy …) and no name or credit code of an enterprise that did not agree to be named.
 * Used by tests/api/invest_leak.test.ts (every public endpoint) and tests/e2e/invest.e2e.test.ts (what the
 * pages loaded and show).
 */

/** Field names that only enterprise-level or price-paid data has. */
export const CONFIDENTIAL_KEYS = new Set([
  "enterprise",
  "enterpriseId",
  "enterpriseName",
  "enterpriseNameEn",
  "creditCode",
  "taxWan",
  "outputWan",
  "revenueWan",
  "valueAddedWan",
  "energyTce",
  "emissionsT",
  "electricityKwh",
  "employees",
  "rndWan",
  "fixedAssetInvestmentWan",
  "taxPerMuWan",
  "outputPerMuWan",
  "yearlyStats",
  "indicators",
  "grade",
  "grades",
  "landPriceWan",
  "investedExclLandWan",
  "totalInvestmentExclLandWan",
]);

/** Public keys that merely contain a finance word: conditions an investor commits to, or suppressed park figures. */
const ALLOWED_FINANCE_KEYS = new Set([
  "minTaxPerMuWan",
  "minOutputPerMuWan",
  "maxEnergyTcePerWan",
  "parkOutputPerMuWan",
  "parkTaxPerMuWan",
]);
const FINANCE_WORD = /(tax|output|energy|revenue|valueadded|electricity|emission)/i;
/** Match weights are named after the criteria (`weights.output` = 0.1), not figures. */
const ALLOWED_PATHS = /\.weights\.(output|energy)$/;

export interface ConfidentialValues {
  /** Names (zh, en) and credit codes of enterprises not marked public. */
  strings: Set<string>;
  /** Enterprise-level figures: statistics and per-plot per-mu values. */
  numbers: Set<number>;
}

/**
 * Numbers distinctive enough to be recognised: a figure with at least two decimals (e.g. 513.73).
 * Integers and one-decimal values (floor prices like 20.3, distances) would collide by chance.
 */
const distinctive = (x: number) => Number.isFinite(x) && !Number.isInteger(x * 10);

/** Loads what must never appear publicly, from the database. */
export async function loadConfidential(q: Queryable): Promise<ConfidentialValues> {
  const firms = await q.query<{ name: string; name_en: string | null; credit_code: string | null }>(
    "SELECT name, name_en, credit_code FROM enterprises WHERE NOT is_name_public",
  );
  const publicNames = await q.query<{ name: string; credit_code: string | null }>(
    "SELECT name, credit_code FROM enterprises WHERE is_name_public",
  );
  const stats = await q.query<Record<string, number | null>>(
    `SELECT output_wan::float8 AS a, value_added_wan::float8 AS b, tax_wan::float8 AS c, revenue_wan::float8 AS d,
       energy_tce::float8 AS e, electricity_kwh::float8 AS f, rnd_wan::float8 AS g,
       fixed_asset_investment_wan::float8 AS h FROM enterprise_stats`,
  );
  const strings = new Set<string>();
  for (const f of firms) {
    strings.add(f.name);
    if (f.name_en) strings.add(f.name_en);
    if (f.credit_code) strings.add(f.credit_code);
  }
  for (const p of publicNames) if (p.credit_code) strings.add(p.credit_code);
  const numbers = new Set<number>();
  for (const row of stats)
    for (const v of Object.values(row)) if (v !== null && distinctive(v)) numbers.add(v);
  return { strings, numbers };
}

/** Adds figures from a staff payload (e.g. GET /api/plots' per-plot outputPerMuWan / taxPerMuWan). */
export function addConfidentialNumbers(
  conf: ConfidentialValues,
  values: Iterable<number | null | undefined>,
): void {
  for (const v of values) if (typeof v === "number" && distinctive(v)) conf.numbers.add(v);
}

/** Every confidential key, string or number found in `payload`, as `path: what` lines. */
export function findLeaks(payload: unknown, conf: ConfidentialValues, path = "$"): string[] {
  const out: string[] = [];
  const visit = (v: unknown, p: string) => {
    if (typeof v === "string") {
      for (const s of conf.strings)
        if (s.length >= 4 && v.includes(s)) out.push(`${p}: value contains "${s}"`);
      return;
    }
    if (typeof v === "number") {
      if (conf.numbers.has(v)) out.push(`${p}: enterprise figure ${v}`);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        visit(x, `${p}[${i}]`);
      });
      return;
    }
    if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        const at = `${p}.${k}`;
        const financeWord = FINANCE_WORD.test(k) && !ALLOWED_FINANCE_KEYS.has(k) && !ALLOWED_PATHS.test(at);
        if (CONFIDENTIAL_KEYS.has(k) || financeWord) out.push(`${at}: confidential field name`);
        visit(x, at);
      }
    }
  };
  visit(payload, path);
  return out;
}
