import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import { openAdapterDb, type TestDb } from "../helpers/test_db.ts";
import { demoTiles } from "../helpers/tiles.ts";

type App = ReturnType<typeof createApp>;

/**
 * Every response carries X-Request-Id (the client's, else a new one) and Content-Language: set before the
 * handler runs (api/app.ts), so they must survive JSON, binary, empty, not-found and error responses alike.
 */
describe("X-Request-Id and Content-Language on every response", () => {
  let t: TestDb;
  let app: App;
  let tilePath: string;
  /** Tiles need a session (docs/security.md): a demo admin's cookie. */
  let cookie: string;

  beforeAll(async () => {
    t = await openAdapterDb("pglite");
    app = createApp({ db: t.db, log: () => {} });
    const [tile] = await demoTiles(t.db, [14]);
    if (!tile) throw new Error("no demo tile");
    tilePath = `/api/tiles/plots/${tile.z}/${tile.x}/${tile.y}.mvt`;
    const login = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "admin-demo" }),
    });
    expect(login.status).toBe(200);
    cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
  });
  afterAll(async () => t.cleanup());

  const cases: Array<[string, () => string, number, boolean]> = [
    ["JSON", () => "/api/health/live", 200, true],
    ["a vector tile (binary)", () => tilePath, 200, true],
    ["an unknown route (404)", () => "/api/no-such-route", 404, true],
    ["an error thrown by a handler (400)", () => "/api/tiles/plots/23/0/0.mvt", 400, true],
    ["an unauthenticated request (401)", () => "/api/auth/me", 401, false],
  ];

  test.each(cases)("%s", async (_name, path, status, signedIn) => {
    const session: Record<string, string> = signedIn ? { Cookie: cookie } : {};
    const sent = await app.request(path(), {
      headers: { "Accept-Language": "en", "X-Request-Id": "req-42", ...session },
    });
    expect(sent.status).toBe(status);
    expect(sent.headers.get("X-Request-Id")).toBe("req-42");
    expect(sent.headers.get("Content-Language")).toBe("en");
    const fresh = await app.request(path(), { headers: session });
    expect(fresh.status).toBe(status);
    expect(fresh.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers.get("Content-Language")).toBe("zh-CN");
  });
});
