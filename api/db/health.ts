import type { Queryable } from "./db.ts";

/** Round-trips to the database; rejects when it does not answer. */
export async function ping(q: Queryable): Promise<void> {
  await q.query("SELECT 1");
}

/** The server's connection limits (`max_connections`, `superuser_reserved_connections`). */
export async function connectionLimits(q: Queryable): Promise<{ max: number; reserved: number }> {
  const [row] = await q.query<{ max: number; reserved: number }>(
    `SELECT current_setting('max_connections')::int AS max,
            current_setting('superuser_reserved_connections')::int AS reserved`,
  );
  if (!row) throw new Error("current_setting returned no row");
  return row;
}
