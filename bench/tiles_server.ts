/**
 * The API server process bench/tiles measures: `tsx bench/tiles_server.ts <DATABASE_URL> <schema> <port> <cacheMB>`.
 * The same `startServer` as `npm start`, without the web app; prints `ready` when listening.
 */
import { openDb } from "../api/db/open.ts";
import { startServer } from "../api/server.ts";

const [url, schema, port, cacheMb] = process.argv.slice(2);
if (!url || !schema || !port || !cacheMb)
  throw new Error("usage: tiles_server.ts <url> <schema> <port> <cacheMB>");
const { db } = await openDb({ databaseUrl: url, schema, demo: false, poolMax: 4 });
await startServer({
  db,
  port: Number(port),
  tileCacheBytes: Number(cacheMb) * 1024 * 1024,
  log: (level, msg, fields) => {
    if (level !== "info") console.error(level, msg, JSON.stringify(fields));
  },
});
// Exit normally on the bench's kill, so `--cpu-prof` (ZA_BENCH_NODE_ARGS) writes its profile.
process.on("SIGTERM", () => process.exit(0));
console.log("ready");
