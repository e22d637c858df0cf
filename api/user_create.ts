import { parseArgs } from "node:util";
import { createAccount } from "./auth/accounts.ts";
import { generatePassword } from "./auth/password.ts";
import { openDb } from "./db/open.ts";
import { readEnv } from "./env.ts";
import { RoleSchema } from "./schemas/auth.ts";

const USAGE =
  "usage: npm run user:create -- --username <name> --role admin|reviewer|planner|investment_officer [--zone <id>] [--password <pw>]";

/**
 * `npm run user:create -- --role admin --zone 1 --username alice`: creates an account in the configured
 * database (DATABASE_URL or the PGlite data directory; stop `npm start` first on PGlite, which allows one
 * process). Without --password a random one is generated and printed once. Without --zone: every zone.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: "string" },
      role: { type: "string" },
      zone: { type: "string" },
      password: { type: "string" },
    },
    strict: true,
  });
  const role = RoleSchema.safeParse(values.role);
  if (!values.username || !role.success) throw new Error(USAGE);
  if (values.zone !== undefined && !/^[1-9][0-9]*$/.test(values.zone))
    throw new Error(`--zone must be a zone id; ${USAGE}`);
  const env = readEnv();
  const { db } = await openDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.ZA_DATA_DIR,
    demo: false,
    poolMax: 2,
  });
  try {
    const password = values.password ?? generatePassword();
    const user = await createAccount(db, {
      username: values.username,
      role: role.data,
      zoneId: values.zone === undefined ? null : Number(values.zone),
      password,
    });
    const scope = user.zoneId === null ? "every zone" : `zone ${user.zoneId}`;
    console.log(`Created ${user.role} ${user.username} (${scope}).`);
    if (values.password === undefined) console.log(`Password (shown only this once): ${password}`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(`user:create failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
