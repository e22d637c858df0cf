import type { Queryable } from "../db/db.ts";
import { countUsers, findUserByUsername, insertUser } from "../db/users.ts";
import { zoneExists } from "../db/zones.ts";
import { type UserCreate, UserCreateSchema, type UserRow } from "../schemas/auth.ts";
import { generatePassword, hashPassword } from "./password.ts";

/** Validates and creates an account (hashing its password); rejects an unknown zone. */
export async function createAccount(
  q: Queryable,
  input: UserCreate,
  opts: { isDemo?: boolean } = {},
): Promise<UserRow> {
  const u = UserCreateSchema.parse(input);
  if (u.zoneId !== null && !(await zoneExists(q, u.zoneId)))
    throw new Error(`zone ${u.zoneId} does not exist`);
  return insertUser(q, {
    username: u.username,
    role: u.role,
    zoneId: u.zoneId,
    passwordHash: await hashPassword(u.password),
    isDemo: opts.isDemo ?? false,
  });
}

/**
 * First start: when no account exists, creates `admin` (every zone) with a random password and returns it
 * (printed once by api/main.ts; only its hash is stored). Returns null when accounts exist.
 */
export async function ensureFirstAdmin(q: Queryable): Promise<{ username: string; password: string } | null> {
  if ((await countUsers(q)) > 0) return null;
  const password = generatePassword();
  await createAccount(q, { username: "admin", role: "admin", zoneId: null, password });
  return { username: "admin", password };
}

/**
 * Demo accounts, one per role, every zone; created by the demo seeding only (api/db/seed.ts), listed in
 * README.md. Their passwords are public: they must never exist outside demo mode.
 */
export const DEMO_ACCOUNTS = [
  { username: "admin", password: "admin-demo", role: "admin" },
  { username: "reviewer", password: "reviewer-demo", role: "reviewer" },
  { username: "planner", password: "planner-demo", role: "planner" },
  { username: "officer", password: "officer-demo", role: "investment_officer" },
] as const;

/**
 * Inserts {@link DEMO_ACCOUNTS} (flagged is_demo), skipping any username already taken by a real account.
 * Demo passwords are shorter than the 12-character rule on purpose: they are public.
 */
export async function insertDemoAccounts(q: Queryable): Promise<void> {
  for (const a of DEMO_ACCOUNTS) {
    if (await findUserByUsername(q, a.username)) continue;
    await insertUser(q, {
      username: a.username,
      role: a.role,
      zoneId: null,
      passwordHash: await hashPassword(a.password),
      isDemo: true,
    });
  }
}
