import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { verifyPassword } from "../../api/auth/password.ts";
import { openPglite } from "../../api/db/pglite.ts";
import { loadTemplate } from "../helpers/pglite_template.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/** The environment of the spawned scripts: PGlite in `dir` (DATABASE_URL removed). */
function envFor(dir: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return { ...inherited, ZA_DATA_DIR: dir, PORT: "0" };
}

/** A PGlite data directory from the migrated template (with or without the demo dataset). */
async function dataDir(demo: boolean, dirs: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "za-auth-"));
  dirs.push(dir);
  const db = await openPglite(dir, loadTemplate(demo));
  await db.close();
  return dir;
}

function userCreate(dir: string, args: string[]) {
  const res = spawnSync(process.execPath, ["--import", "tsx", "api/user_create.ts", ...args], {
    cwd: ROOT,
    env: envFor(dir),
    encoding: "utf8",
    timeout: 150_000,
  });
  if (res.error) throw res.error;
  return { code: res.status, stdout: res.stdout, stderr: res.stderr.trim() };
}

describe("npm run user:create and the first start (PGlite data directory)", () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test("user:create stores a zone-scoped account whose printed one-time password verifies", async () => {
    const dir = await dataDir(true, dirs);
    let db = await openPglite(dir);
    const [zone] = await db.query<{ id: number }>("SELECT min(id)::int AS id FROM zones");
    await db.close();
    const out = userCreate(dir, [
      "--role",
      "planner",
      "--zone",
      String(zone?.id),
      "--username",
      "lincang.planner",
    ]);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Created planner lincang.planner (zone ${zone?.id}).`);
    const password = /Password \(shown only this once\): (\S+)/.exec(out.stdout)?.[1] ?? "";
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    db = await openPglite(dir);
    const [row] = await db.query<{ zone_id: number; role: string; password_hash: string; is_demo: boolean }>(
      "SELECT zone_id, role, password_hash, is_demo FROM users WHERE username = 'lincang.planner'",
    );
    await db.close();
    expect(row).toMatchObject({ zone_id: zone?.id, role: "planner", is_demo: false });
    expect(await verifyPassword(password, row?.password_hash ?? "")).toBe(true);

    const badZone = userCreate(dir, ["--role", "planner", "--zone", "999999", "--username", "x.planner"]);
    expect(badZone.code).toBe(1);
    expect(badZone.stderr).toBe("user:create failed: zone 999999 does not exist");
    const badRole = userCreate(dir, ["--role", "superuser", "--username", "x.planner"]);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/^user:create failed: usage: npm run user:create/);
  }, 240_000);

  test("the first start without demo data creates admin, prints its password once, and it logs in", async () => {
    const dir = await dataDir(false, dirs);
    const child = spawn(process.execPath, ["--import", "tsx", "api/main.ts"], {
      cwd: ROOT,
      env: { ...envFor(dir), ZA_DEMO: "off", ZA_WEB_DIR: ROOT },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    let stdout = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on("data", (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes("Ready in")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`api/main.ts exited with ${code}: ${stdout}`)));
    });
    const password = /Created the first account: username admin, password (\S+) \(shown only this once/.exec(
      stdout,
    )?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const url = /is running at (\S+)/.exec(stdout)?.[1] ?? "";
    const res = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "admin", password }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/^za_session=.*HttpOnly/);
    const demo = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "reviewer", password: "reviewer-demo" }),
    });
    expect(demo.status).toBe(401);
    child.removeAllListeners("exit");
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 240_000);
});
