import type { Role, UserRow } from "../schemas/auth.ts";
import type { Queryable } from "./db.ts";

const USER_COLUMNS = `id, username, role, zone_id AS "zoneId", disabled, is_demo AS "isDemo",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"`;

/** An account with its password hash, for login. */
export interface UserCredentials {
  id: number;
  username: string;
  role: Role;
  zoneId: number | null;
  passwordHash: string;
  disabled: boolean;
}

/** The account named `username` (exact match), or null. */
export async function findUserByUsername(q: Queryable, username: string): Promise<UserCredentials | null> {
  const rows = await q.query<UserCredentials>(
    `SELECT id, username, role, zone_id AS "zoneId", password_hash AS "passwordHash", disabled
       FROM users WHERE username = $1`,
    [username],
  );
  return rows[0] ?? null;
}

/** Inserts an account; the password must already be hashed. */
export async function insertUser(
  q: Queryable,
  u: { username: string; role: Role; zoneId: number | null; passwordHash: string; isDemo?: boolean },
): Promise<UserRow> {
  const rows = await q.query<UserRow>(
    `INSERT INTO users (username, role, zone_id, password_hash, is_demo) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${USER_COLUMNS}`,
    [u.username, u.role, u.zoneId, u.passwordHash, u.isDemo ?? false],
  );
  const row = rows[0];
  if (!row) throw new Error(`user ${u.username} was not inserted`);
  return row;
}

/** Every account, by username. */
export async function listUsers(q: Queryable): Promise<UserRow[]> {
  return q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`);
}

/** Number of accounts. */
export async function countUsers(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
  return rows[0]?.n ?? 0;
}

/** Usernames of the demo accounts present (`is_demo`; only a database seeded with the demo dataset has them). */
export async function listDemoUsernames(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ username: string }>(
    "SELECT username FROM users WHERE is_demo ORDER BY username",
  );
  return rows.map((r) => r.username);
}
