import type { Queryable } from "./db.ts";

/**
 * Lifts the pool's `statement_timeout` (ZA_DB_STATEMENT_TIMEOUT_MS) until the end of the current
 * transaction, for maintenance that legitimately runs for minutes on a large database: migrations,
 * the metrics-facts refresh (161–378 s for 1 M plots, docs/performance.md) and imports.
 */
export async function liftStatementTimeout(tx: Queryable): Promise<void> {
  await tx.query("SELECT set_config('statement_timeout', '0', true)");
}
