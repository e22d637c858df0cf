import { rmSync } from "node:fs";
import { resolve } from "node:path";
import type { Zone } from "@api/schemas/zones.ts";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { build } from "vite";
import type { Db } from "../../api/db/db.ts";
import { type RunningServer, startServer } from "../../api/server.ts";
import { logIn, type TestSession } from "./session.ts";
import { openTestDb } from "./test_db.ts";

/** Debian's chromium, headless with SwiftShader (CI has no GPU), nothing phoning home. */
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Where screenshots for people to review go. */
export const SHOTS = "test-output";
export const MAP = '[data-testid="map"]';
export const PLOT_TILE_PATH = "/api/tiles/plots/";

/**
 * The built web app and the real API on PGlite with the demo data, plus a browser. Every context blocks and
 * records requests to other origins (`offsiteRequests`) and uncaught page errors (`pageErrors`).
 */
export class E2eApp {
  readonly offsiteRequests: string[] = [];
  readonly pageErrors: string[] = [];
  /** Plot tile responses of the current context (maplibre fetches them from its worker). */
  tileResponses: Array<{ url: string; status: number }> = [];
  context: BrowserContext | undefined;
  zones: Zone[] = [];
  /** The demo admin's session: the API calls of the test and, unless asked otherwise, the browser's. */
  session: TestSession = { cookie: "", csrfToken: "" };

  readonly db: Db;
  readonly server: RunningServer;
  readonly browser: Browser;

  /** This app's build of the web app (removed by {@link close}). */
  private readonly outDir: string;

  private constructor(db: Db, server: RunningServer, browser: Browser, outDir: string) {
    this.db = db;
    this.server = server;
    this.browser = browser;
    this.outDir = outDir;
  }

  static async start(): Promise<E2eApp> {
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build (double effects,
    // slower, larger): build what `npm start` serves. Each test process builds into a directory of its own:
    // a shared dist/web was emptied by one suite's build while another suite's server was serving it (404).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    const outDir = `dist/web-e2e-${process.pid}`;
    try {
      await build({
        configFile: "vite.config.ts",
        logLevel: "silent",
        mode: "production",
        build: { outDir: resolve(outDir), emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    const db = await openTestDb();
    const server = await startServer({ db, port: 0, staticDir: outDir });
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    const app = new E2eApp(db, server, browser, outDir);
    app.session = await logIn(
      { request: (path, init) => fetch(`${server.url}${path}`, init) },
      "admin",
      "admin-demo",
    );
    app.zones = await app.getJson<Zone[]>("/api/zones");
    // Warm the server as a running deployment is: the first plot tile after start re-assesses parks whose
    // stored as-of date is older than today (api/metrics/assessment_refresh.ts), 1–2 s here. Page timings
    // (first plot tiles drawn) then measure the page, not the server's start-up.
    for (const z of app.zones) {
      const res = await fetch(`${app.url}/api/tiles/plots/0/0/0.mvt?zone=${z.id}`, {
        headers: { Cookie: app.session.cookie },
      });
      if (res.status !== 200 && res.status !== 204) throw new Error(`warm-up tile: HTTP ${res.status}`);
      await res.arrayBuffer();
    }
    return app;
  }

  get url(): string {
    return this.server.url;
  }

  async getJson<T>(path: string): Promise<T> {
    const res = await fetch(`${this.server.url}${path}`, { headers: { Cookie: this.session.cookie } });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  }

  /** The app's own origin (a blob: URL carries its creator's origin; data: URLs fetch nothing). */
  isSameOrigin(url: string): boolean {
    if (url.startsWith("data:")) return true;
    const u = new URL(url);
    const origin = u.protocol === "blob:" ? new URL(u.pathname).origin : u.origin;
    return origin === new URL(this.server.url).origin;
  }

  /**
   * A fresh browser context (empty localStorage), requests to any other origin blocked and recorded; signed
   * in as the demo admin (the session cookie) unless `signedIn` is false.
   */
  async openApp(hash = "", opts: { acceptDownloads?: boolean; signedIn?: boolean } = {}): Promise<Page> {
    this.context = await this.browser.newContext({
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
      acceptDownloads: opts.acceptDownloads ?? false,
    });
    if (opts.signedIn ?? true) await signInContext(this.context, this.server.url, this.session);
    await this.context.route("**/*", async (route) => {
      const url = route.request().url();
      if (this.isSameOrigin(url)) return route.continue();
      this.offsiteRequests.push(url);
      return route.abort("blockedbyclient");
    });
    this.tileResponses = [];
    this.context.on("response", (res) => {
      if (new URL(res.url()).pathname.startsWith(PLOT_TILE_PATH)) {
        this.tileResponses.push({ url: res.url(), status: res.status() });
      }
    });
    const page = await this.context.newPage();
    page.on("pageerror", (err) => this.pageErrors.push(err.message));
    await page.goto(`${this.server.url}/?e2e=1${hash}`);
    return page;
  }

  async closeContext(): Promise<void> {
    await this.context?.close();
    this.context = undefined;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
    await this.db.close();
    rmSync(this.outDir, { recursive: true, force: true });
  }
}

/**
 * Waits until the map is ready on `zoneId` (45 s, inside the 60 s test timeout: software WebGL next to
 * another test worker on two cores).
 * On a timeout the error says what the page shows instead (login page, error banner, map state) and a
 * screenshot is kept in test-output/.
 */
export async function waitForZone(page: Page, zoneId: number): Promise<void> {
  try {
    await page.waitForSelector(`${MAP}[data-ready="true"][data-zone-id="${zoneId}"]`, { timeout: 45_000 });
  } catch (err) {
    const state = await page
      .evaluate(() => {
        const map = document.querySelector('[data-testid="map"]');
        return {
          hash: window.location.hash,
          map: map ? { ready: map.getAttribute("data-ready"), zone: map.getAttribute("data-zone-id") } : null,
          login: document.querySelector('[data-testid="login-page"]') !== null,
          errors: [...document.querySelectorAll('[data-testid="load-error"], [role="alert"]')].map(
            (e) => e.textContent,
          ),
        };
      })
      .catch((e: unknown) => ({ unreadable: String(e) }));
    await page.screenshot({ path: `${SHOTS}/wait-for-zone-${zoneId}-timeout.png` }).catch((e: unknown) => {
      console.warn("no screenshot of the timed-out page", e);
    });
    throw new Error(`map not ready on zone ${zoneId}: ${JSON.stringify(state)}`, { cause: err });
  }
}

/** The demo zone with enclave parks (临沧). */
export function lincangOf(zones: readonly Zone[]): Zone {
  const z = zones.find((zone) => zone.parks.some((p) => p.role === "enclave"));
  if (!z) throw new Error("the demo data has no zone with enclave parks");
  return z;
}

/** Puts a session cookie (`za_session=…`, from {@link logIn}) into a browser context for `baseUrl`. */
export async function signInContext(
  context: BrowserContext,
  baseUrl: string,
  session: TestSession,
): Promise<void> {
  const [name = "", value = ""] = session.cookie.split("=");
  await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
}
