import { ensureFirstAdmin } from "./auth/accounts.ts";
import { DbStartupError } from "./db/db.ts";
import { connectionLimits } from "./db/health.ts";
import { refreshMetricsFacts } from "./db/metrics_facts.ts";
import { openDb } from "./db/open.ts";
import { GENERIC_POOL_MAX } from "./db/pg.ts";
import { readEnv } from "./env.ts";
import { startServer } from "./server.ts";

/** Dedicated LISTEN connections a process holds: za_layer_versions, za_assessment_queue, za_sessions. */
const LISTEN_CONNECTIONS = 3;

/** `npm start`: env → database (migrate, seed demo if empty) → one HTTP server for API and web app. */
async function main(): Promise<void> {
  const env = readEnv();
  const started = Date.now();
  const { db, migrated, seeded } = await openDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.ZA_DATA_DIR,
    demo: env.ZA_DEMO === "auto",
    poolMax: env.ZA_DB_POOL_MAX,
    statementTimeoutMs: env.ZA_DB_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: env.ZA_DB_CONNECT_TIMEOUT_MS,
  });
  // First start: no account yet (no demo accounts either) → an admin with a one-time password, printed once.
  const firstAdmin = await ensureFirstAdmin(db);
  const server = await startServer({
    db,
    port: env.PORT,
    host: env.HOST,
    staticDir: env.ZA_WEB_DIR,
    tileCacheBytes: env.ZA_TILE_CACHE_MB * 1024 * 1024,
    chromiumPath: env.ZA_CHROMIUM_PATH,
    backgroundImportBytes: env.ZA_IMPORT_BACKGROUND_MB * 1024 * 1024,
    bodyLimitBytes: env.ZA_BODY_LIMIT_KB * 1024,
    statementTimeoutMs: env.ZA_DB_STATEMENT_TIMEOUT_MS,
  });
  const dbLine =
    db.kind === "pglite"
      ? `embedded PGlite + PostGIS ${db.capabilities.postgisVersion}, data in ${db.location}`
      : `PostgreSQL at ${db.location}, PostGIS ${db.capabilities.postgisVersion}`;
  console.log(`ZoneAtlas 园区土地一张图 is running at ${server.url}`);
  console.log(`Database: ${dbLine}`);
  if (db.kind === "postgres") {
    // The pool, the three LISTEN connections (tile versions, assessment queue, sessions) and the tiles'
    // generic-plan pool must fit the server's budget (docs/operations.md).
    const limits = await connectionLimits(db);
    const usable = limits.max - limits.reserved;
    const extra = LISTEN_CONNECTIONS + GENERIC_POOL_MAX;
    if (env.ZA_DB_POOL_MAX + extra > usable / 2)
      console.warn(
        `Warning: ZA_DB_POOL_MAX=${env.ZA_DB_POOL_MAX} (+${extra} LISTEN and tile connections) takes more than half of the server's ${usable} usable connections (max_connections ${limits.max} − ${limits.reserved} reserved); a second instance or a backup could be refused. See docs/operations.md.`,
      );
  }
  if (migrated.length > 0) console.log(`Applied migrations: ${migrated.join(", ")}`);
  if (seeded) console.log("Loaded the demo dataset (示意数据 / illustrative, not official figures).");
  if (firstAdmin)
    console.log(
      `Created the first account: username ${firstAdmin.username}, password ${firstAdmin.password} (shown only this once; store it now).`,
    );
  console.log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Press Ctrl+C to stop.`);
  // Zone metrics read stored facts (decision 0005): bring them up to date now, in the background,
  // rather than in the first zone request (a first build on a million plots takes minutes).
  const factsStarted = Date.now();
  db.transaction((tx) => refreshMetricsFacts(tx)).then(
    (r) => {
      if (r.parks > 0)
        console.log(
          `Metrics facts refreshed for ${r.parks} parks in ${((Date.now() - factsStarted) / 1000).toFixed(1)} s.`,
        );
    },
    (err: Error) => console.error(`Metrics facts refresh failed (zone requests will retry): ${err.message}`),
  );

  // Graceful shutdown (SIGTERM from an orchestrator, Ctrl+C): stop accepting, let in-flight requests
  // finish for up to ZA_SHUTDOWN_DRAIN_MS, then close the pool (bounded as well: pool.end() waits for
  // checked-out connections, e.g. a background import). A second signal exits at once.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.log(`${signal} again: exiting now.`);
      process.exit(1);
    }
    stopping = true;
    const drainMs = env.ZA_SHUTDOWN_DRAIN_MS;
    console.log(`${signal}: shutting down (draining requests for up to ${drainMs / 1000} s)…`);
    try {
      const { timedOut } = await server.close(drainMs);
      if (timedOut) console.log("Some requests did not finish in time and were cut.");
      const closed = await Promise.race([
        db.close().then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), drainMs).unref()),
      ]);
      console.log(closed ? "Stopped." : "Database connections still busy; stopped without waiting for them.");
      process.exit(0);
    } catch (err) {
      console.error(`Shutdown failed: ${(err as Error).message}`);
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err: unknown) => {
  if (err instanceof DbStartupError) {
    console.error(`ZoneAtlas cannot start: ${err.message}`);
  } else {
    console.error("ZoneAtlas cannot start:", err);
  }
  process.exit(1);
});
