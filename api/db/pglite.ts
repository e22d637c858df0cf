import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
import type { Db, Queryable } from "./db.ts";

/** The PGlite adapter also dumps its data directory (used to build test templates). */
export interface PgliteDb extends Db {
  dumpDataDir(): Promise<Blob>;
}

type PGliteLike = Pick<PGlite, "query" | "exec">;

function queryable(pg: PGliteLike): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await pg.query<T>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
  };
}

/**
 * Opens embedded PostgreSQL (PGlite, WASM) with the PostGIS extension.
 * @param dataDir a directory to persist to, or `undefined` for an in-memory database (tests).
 * @param dump a `dumpDataDir()` tarball to start from (tests: ~2.5 s instead of ~12 s for CREATE EXTENSION postgis).
 */
export async function openPglite(dataDir: string | undefined, dump?: Blob): Promise<PgliteDb> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const options = { extensions: { postgis }, ...(dump ? { loadDataDir: dump } : {}) };
  const pg = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  const q = queryable(pg);
  return {
    kind: "pglite",
    location: dataDir ?? "memory",
    capabilities: { mvt: false, postgisVersion: "unknown" },
    query: q.query,
    exec: q.exec,
    transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
    listen: (channel, onNotify) => pg.listen(channel, onNotify).then((unlisten) => () => unlisten()),
    close: () => pg.close(),
    dumpDataDir: async () => pg.dumpDataDir("none"),
  };
}
