import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import { isConnectionError, isStatementTimeout } from "../../api/db/connection_errors.ts";
import type { Db } from "../../api/db/db.ts";
import { openPg } from "../../api/db/pg.ts";
import { liftStatementTimeout } from "../../api/db/timeouts.ts";
import { drainServer } from "../../api/shutdown.ts";
import type { ErrorBody } from "../helpers/api.ts";

const url = process.env.DATABASE_URL;

/** A TCP port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe("connection errors are recognised (→ 503), query errors are not", () => {
  test.each([
    ["ECONNREFUSED", { code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:5432" }],
    [
      "57P01 admin_shutdown",
      { code: "57P01", message: "terminating connection due to administrator command" },
    ],
    ["57P03 cannot_connect_now", { code: "57P03", message: "the database system is starting up" }],
    ["53300 too_many_connections", { code: "53300", message: "sorry, too many clients already" }],
    ["08006 connection_failure", { code: "08006", message: "connection failure" }],
    ["socket closed mid-query", new Error("Connection terminated unexpectedly")],
    ["pool connect timeout", new Error("timeout exceeded when trying to connect")],
    ["client timeout", new Error("Connection terminated due to connection timeout")],
    ["broken client", new Error("Client has encountered a connection error and is not queryable")],
    ["pool closed at shutdown", new Error("Cannot use a pool after calling end on the pool")],
    [
      "localhost on two addresses",
      new AggregateError([
        Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" }),
      ]),
    ],
  ])("%s", (_name, err) => {
    expect(isConnectionError(err)).toBe(true);
  });

  test.each([
    ["syntax error", { code: "42601", message: 'syntax error at or near "SELEC"' }],
    ["unique violation", { code: "23505", message: "duplicate key value" }],
    ["statement timeout", { code: "57014", message: "canceling statement due to statement timeout" }],
    ["plain bug", new TypeError("x is undefined")],
    ["not an object", "ECONNREFUSED"],
  ])("%s is not a connection error", (_name, err) => {
    expect(isConnectionError(err)).toBe(false);
  });

  test("57014 is a statement timeout", () => {
    expect(isStatementTimeout({ code: "57014" })).toBe(true);
    expect(isStatementTimeout({ code: "57P01" })).toBe(false);
  });
});

describe("with PostgreSQL unreachable, the API answers 503 and health says down", () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await openPg(`postgres://postgres@127.0.0.1:${await closedPort()}/none`, {
      connectTimeoutMs: 1_000,
    });
    app = createApp({ db, log: () => undefined });
  });
  afterAll(() => db.close());

  test("GET /api/health → 503 db_unavailable with database state down", async () => {
    const res = await app.request("/api/health", { headers: { "Accept-Language": "en" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("5");
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("db_unavailable");
    expect(body.error.message).toBe("The database is temporarily unavailable; try again shortly");
    const details = body.error.details as {
      database: { state: string; latencyMs: number; reason: string; pool: { max: number; waiting: number } };
    };
    expect(details.database.state).toBe("down");
    expect(details.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(details.database.reason.length).toBeGreaterThan(0);
    expect(details.database.pool).toMatchObject({ max: 10, waiting: 0 });
  });

  test("a public data route → 503 db_unavailable in both languages, never 500", async () => {
    const zh = await app.request("/api/land");
    expect(zh.status).toBe(503);
    expect(((await zh.json()) as ErrorBody).error).toEqual({
      code: "db_unavailable",
      message: "数据库暂时不可用，请稍后重试",
    });
    const live = await app.request("/api/health/live");
    expect(live.status).toBe(200);
  });
});

describe.skipIf(!url)("node-postgres pool on a real PostgreSQL", () => {
  let db: Db;
  let admin: pg.Client;
  beforeAll(async () => {
    db = await openPg(url ?? "", { max: 3, statementTimeoutMs: 300 });
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    await db.close();
    await admin.end();
  });

  test("GET /api/health → 200 with database state up, latency and pool occupancy", async () => {
    const app = createApp({ db, log: () => undefined });
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      ok: boolean;
      db: string;
      database: {
        state: string;
        latencyMs: number;
        pool: { total: number; idle: number; waiting: number; max: number };
      };
    };
    expect(body.ok).toBe(true);
    expect(body.db).toBe("postgres");
    expect(body.database.state).toBe("up");
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.database.pool.max).toBe(3);
    expect(body.database.pool.total).toBeGreaterThanOrEqual(1);
    expect(body.database.pool.total).toBeLessThanOrEqual(3);
  });

  test("statement_timeout cancels a long statement with 57014; liftStatementTimeout lifts it for one transaction", async () => {
    const err = await db.query("SELECT pg_sleep(1)").then(
      () => null,
      (e: unknown) => e,
    );
    expect(isStatementTimeout(err)).toBe(true);
    const rows = await db.transaction(async (tx) => {
      await liftStatementTimeout(tx);
      return tx.query<{ one: number }>("SELECT 1 AS one FROM pg_sleep(0.5)");
    });
    expect(rows).toEqual([{ one: 1 }]);
    // Lifted for that transaction only.
    const [setting] = await db.query<{ statement_timeout: string }>("SHOW statement_timeout");
    expect(setting?.statement_timeout).toBe("300ms");
  });

  test("a connection killed between two statements of a transaction fails that transaction, not the process", async () => {
    const err = await db
      .transaction(async (tx) => {
        const [me] = await tx.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
        await admin.query("SELECT pg_terminate_backend($1)", [me?.pid]);
        // The FATAL message and the closed socket arrive while no statement runs on the client.
        await new Promise((r) => setTimeout(r, 200));
        await tx.query("SELECT 1");
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isConnectionError(err)).toBe(true);
    // The broken client was destroyed, not returned to the pool: the next queries succeed.
    for (let i = 0; i < 4; i++) expect(await db.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  test("idle pool connections killed by the server are replaced", async () => {
    await Promise.all([db.query("SELECT 1"), db.query("SELECT 1"), db.query("SELECT 1")]);
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle' AND query <> 'LISTEN za_test_relisten'",
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(await db.query("SELECT 2 AS two")).toEqual([{ two: 2 }]);
  });

  test("LISTEN reconnects after its connection is killed, reports the gap (null) and hears later notifications", async () => {
    const got: Array<string | null> = [];
    const stop = await db.listen("za_test_relisten", (p) => got.push(p));
    try {
      await admin.query("NOTIFY za_test_relisten, 'before'");
      await expect.poll(() => got, { timeout: 5_000 }).toEqual(["before"]);
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN za_test_relisten'",
      );
      await expect.poll(() => got, { timeout: 10_000 }).toEqual(["before", null]);
      await admin.query("NOTIFY za_test_relisten, 'after'");
      await expect.poll(() => got, { timeout: 5_000 }).toEqual(["before", null, "after"]);
    } finally {
      await stop();
    }
  });
});

describe("graceful shutdown drains in-flight requests", () => {
  /** A server whose /slow answers after `ms`, /hang never. */
  async function slowServer(ms: number): Promise<{ server: Server; port: number }> {
    const server = createServer((req, res) => {
      if (req.url === "/hang") return;
      setTimeout(() => res.end("done"), ms);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return { server, port: (server.address() as AddressInfo).port };
  }
  const get = (port: number, path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path }, (res) => {
        let body = "";
        res.on("data", (d: Buffer) => {
          body += d.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.end();
    });

  test("a request in flight finishes; new connections are refused", async () => {
    const { server, port } = await slowServer(300);
    const inFlight = get(port, "/slow");
    await new Promise((r) => setTimeout(r, 50));
    const drained = drainServer(server, 5_000);
    await expect(get(port, "/slow")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(await inFlight).toEqual({ status: 200, body: "done" });
    expect(await drained).toEqual({ timedOut: false });
  });

  test("a request that never ends is cut after the drain time", async () => {
    const { server, port } = await slowServer(0);
    const hanging = get(port, "/hang").then(
      () => "answered",
      (e: NodeJS.ErrnoException) => e.code,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(await drainServer(server, 200)).toEqual({ timedOut: true });
    expect(await hanging).toBe("ECONNRESET");
  });
});
