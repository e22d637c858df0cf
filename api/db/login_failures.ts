import type { Queryable } from "./db.ts";

/** Failed logins of `username` from `clientIp` within the last `windowS` seconds, and when the oldest expires. */
export async function recentLoginFailures(
  q: Queryable,
  key: { username: string; clientIp: string },
  windowS: number,
): Promise<{ count: number; retryAfterS: number }> {
  const rows = await q.query<{ count: number; retryAfterS: number | null }>(
    `SELECT count(*)::int AS count,
       ceil(extract(epoch FROM min(failed_at) + make_interval(secs => $3::float8) - now()))::int AS "retryAfterS"
       FROM login_failures
      WHERE username = $1 AND client_ip = $2 AND failed_at > now() - make_interval(secs => $3::float8)`,
    [key.username, key.clientIp, windowS],
  );
  const r = rows[0];
  return { count: r?.count ?? 0, retryAfterS: Math.max(1, r?.retryAfterS ?? 1) };
}

/** Records one failed login; prunes this key's failures older than `windowS`. */
export async function recordLoginFailure(
  q: Queryable,
  key: { username: string; clientIp: string },
  windowS: number,
): Promise<void> {
  await q.query(
    `WITH pruned AS (DELETE FROM login_failures WHERE failed_at <= now() - make_interval(secs => $3::float8))
     INSERT INTO login_failures (username, client_ip) VALUES ($1, $2)`,
    [key.username, key.clientIp, windowS],
  );
}

/** Forgets the failures of a key after a successful login. */
export async function clearLoginFailures(
  q: Queryable,
  key: { username: string; clientIp: string },
): Promise<void> {
  await q.query("DELETE FROM login_failures WHERE username = $1 AND client_ip = $2", [
    key.username,
    key.clientIp,
  ]);
}
