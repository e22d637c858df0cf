import type { Queryable } from "./db.ts";

/** Round-trips to the database; rejects when it does not answer. */
export async function ping(q: Queryable): Promise<void> {
  await q.query("SELECT 1");
}
