import { execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where Debian's postgresql-15 package puts initdb, pg_ctl and postgres (.ci/run installs it). */
export const PG_BIN = process.env.ZA_PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** A throwaway PostgreSQL cluster of our own: tests may stop and restart it without disturbing others. */
export interface PrivatePg {
  url: string;
  port: number;
  dataDir: string;
  /** `pg_ctl restart -m fast -w`: terminates every session, checkpoints, starts again; resolves when up. */
  restart(): Promise<void>;
  /** Stops the cluster and deletes its files. */
  destroy(): void;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const addr = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  if (addr === null || typeof addr === "string") throw new Error("no TCP port");
  return addr.port;
}

/**
 * initdb + pg_ctl start on a temp directory and a free port (trust auth, user postgres). PostgreSQL
 * refuses to run as root, so as root (CI) the server runs as the `postgres` account via runuser.
 */
export async function startPrivatePg(): Promise<PrivatePg> {
  for (const bin of ["initdb", "pg_ctl", "postgres"])
    if (!existsSync(join(PG_BIN, bin)))
      throw new Error(
        `${join(PG_BIN, bin)} is missing: install postgresql-15 (see .ci/run) or set ZA_PG_BIN`,
      );
  const root = mkdtempSync(join(tmpdir(), "za-private-pg-"));
  const asRoot = process.getuid?.() === 0;
  let uid = -1;
  let gid = -1;
  if (asRoot) {
    uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(root, uid, gid);
  }
  const run = (bin: string, args: string[]) => {
    const cmd = join(PG_BIN, bin);
    // stdio ignored: pg_ctl's server keeps the pipes open otherwise, and execFileSync would wait for it.
    if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "ignore" });
    else execFileSync(cmd, args, { stdio: "ignore" });
  };
  const dataDir = join(root, "data");
  const port = await freePort();
  run("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
  const conf = [
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${root}'`,
    "max_connections = 20",
    "shared_buffers = 32MB",
  ].join("\n");
  writeFileSync(join(dataDir, "postgresql.auto.conf"), `${conf}\n`);
  if (asRoot) chownSync(join(dataDir, "postgresql.auto.conf"), uid, gid);
  const log = join(root, "server.log");
  const ctlArgs = (args: string[]) => ["-D", dataDir, "-l", log, "-w", "-t", "60", ...args];
  const ctl = (args: string[]) => run("pg_ctl", ctlArgs(args));
  // Asynchronous, so the test's own requests keep flowing while PostgreSQL is away.
  const ctlAsync = (args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const cmd = join(PG_BIN, "pg_ctl");
      const child = asRoot
        ? spawn("runuser", ["-u", "postgres", "--", cmd, ...ctlArgs(args)], { stdio: "ignore" })
        : spawn(cmd, ctlArgs(args), { stdio: "ignore" });
      child.on("error", reject);
      child.on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`pg_ctl ${args[0]} exited ${code}`)),
      );
    });
  ctl(["start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    restart: () => ctlAsync(["restart", "-m", "fast"]),
    destroy: () => {
      try {
        ctl(["stop", "-m", "immediate"]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
