import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { relative } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { createApp } from "./app.ts";
import type { AppDeps } from "./app_env.ts";
import type { Db } from "./db/db.ts";
import { drainServer } from "./shutdown.ts";

export interface ServerOptions {
  db: Db;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** The built web app (vite build output); omitted → API only. */
  staticDir?: string;
  log?: AppDeps["log"];
  /** Bytes of rendered tiles kept in memory. */
  tileCacheBytes?: number;
  /** Chromium for PDF application packs. */
  chromiumPath?: string;
  /** Uploads larger than this import as background jobs. */
  backgroundImportBytes?: number;
  /** Largest request body outside uploads, bytes. */
  bodyLimitBytes?: number;
  /** The pool's statement timeout, ms (named in 503 `db_timeout` messages). */
  statementTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  /**
   * Stops accepting connections, lets in-flight requests finish for up to `drainMs` (default 10 s),
   * then cuts the rest; resolves when no connection is left.
   */
  close(drainMs?: number): Promise<{ timedOut: boolean }>;
}

/** Serves the API under /api and the built web app at / from one Node process. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const root = new Hono();
  root.route(
    "/",
    createApp({
      db: opts.db,
      ...(opts.log ? { log: opts.log } : {}),
      ...(opts.tileCacheBytes === undefined ? {} : { tileCacheBytes: opts.tileCacheBytes }),
      ...(opts.chromiumPath === undefined ? {} : { chromiumPath: opts.chromiumPath }),
      ...(opts.backgroundImportBytes === undefined
        ? {}
        : { backgroundImportBytes: opts.backgroundImportBytes }),
      ...(opts.bodyLimitBytes === undefined ? {} : { bodyLimitBytes: opts.bodyLimitBytes }),
      ...(opts.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: opts.statementTimeoutMs }),
    }),
  );
  if (opts.staticDir) {
    if (!existsSync(opts.staticDir))
      throw new Error(`web app not built: ${opts.staticDir} is missing (run npm run build:web)`);
    // serveStatic wants a path relative to the working directory.
    const rootDir = relative(process.cwd(), opts.staticDir) || ".";
    root.use("/*", serveStatic({ root: rootDir }));
    root.get("*", serveStatic({ root: rootDir, path: "index.html" }));
  }
  const host = opts.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: root.fetch, port: opts.port ?? 8787, hostname: host },
      (info: AddressInfo) => {
        const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
        resolve({
          url: `http://${shownHost}:${info.port}`,
          close: (drainMs = 10_000) => drainServer(server as Server, drainMs),
        });
      },
    );
    server.once("error", reject);
  });
}
