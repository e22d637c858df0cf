import type { Role } from "../schemas/auth.ts";
import type { Queryable } from "./db.ts";

/** A live session with its account. */
export interface SessionRow {
  userId: number;
  username: string;
  role: Role;
  zoneId: number | null;
  csrfToken: string;
}

/** Stores a session under the hash of its token, valid for `ttlS` seconds from now. */
export async function insertSession(
  q: Queryable,
  s: { idHash: string; userId: number; csrfToken: string; ttlS: number },
): Promise<void> {
  await q.query(
    `INSERT INTO sessions (id, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4::float8))`,
    [s.idHash, s.userId, s.csrfToken, s.ttlS],
  );
}

/** A live session and how long it has left (computed by the database, so no clock skew enters). */
export interface FoundSession {
  session: SessionRow;
  /** Milliseconds until `expires_at`. */
  expiresInMs: number;
}

/**
 * The unexpired session stored under `idHash` whose account is not disabled, or null. One primary-key
 * lookup joined to the account's primary key; a named statement (prepared once per connection), as it
 * runs before every guarded request whose session is not cached (api/auth/session_cache.ts).
 */
export async function findSession(q: Queryable, idHash: string): Promise<FoundSession | null> {
  const rows = await q.query<SessionRow & { expiresInMs: number }>(
    `SELECT u.id AS "userId", u.username, u.role, u.zone_id AS "zoneId", s.csrf_token AS "csrfToken",
            (extract(epoch FROM s.expires_at - now()) * 1000)::float8 AS "expiresInMs"
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [idHash],
    { name: "za_find_session" },
  );
  const r = rows[0];
  if (!r) return null;
  const { expiresInMs, ...session } = r;
  return { session, expiresInMs };
}

/** Deletes one session (logout), and every expired one while at it. */
export async function deleteSession(q: Queryable, idHash: string): Promise<void> {
  await q.query("DELETE FROM sessions WHERE id = $1 OR expires_at <= now()", [idHash]);
}
