import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier imported or re-exported by a file. */
function imports(path: string): string[] {
  const src = readFileSync(join(ROOT, path), "utf8");
  return [
    ...src.matchAll(/(?:import|export)\s[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1] ?? m[2] ?? "");
}

/** The top-level folder an import lands in, resolving relative paths; npm packages stay as named. */
function target(from: string, spec: string): string {
  if (spec.startsWith(".")) return relative(ROOT, join(ROOT, from, "..", spec)).split("/")[0] ?? "";
  if (
    spec.startsWith("@geo/") ||
    spec.startsWith("@api/") ||
    spec.startsWith("@data/") ||
    spec.startsWith("@web/")
  )
    return spec.slice(1).split("/")[0] ?? "";
  return `npm:${spec}`;
}

describe("dependency rule (CONVENTIONS.md §2)", () => {
  test("geo/ imports nothing outside geo/ except @turf and geojson types", () => {
    const bad = files("geo").flatMap((f) =>
      imports(f)
        .map((s) => [f, s, target(f, s)] as const)
        .filter(([, s, t]) => t !== "geo" && !s.startsWith("@turf/") && s !== "geojson"),
    );
    expect(bad).toEqual([]);
  });

  test("web/ never imports server code (api/ outside schemas and the type-only contract, pg, PGlite, node:*)", () => {
    const bad = files("web").flatMap((f) => {
      const src = readFileSync(join(ROOT, f), "utf8");
      return imports(f)
        .filter((s) => {
          const t = target(f, s);
          if (t === "api")
            return !/schemas\//.test(s) && !(s.endsWith("contract.ts") && src.includes(`import type`));
          return t === "data" || t === "tests" || /^npm:(pg|@electric-sql\/|node:|hono)/.test(t);
        })
        .map((s) => `${f} → ${s}`);
    });
    expect(bad).toEqual([]);
  });

  test("SQL lives only in api/db/ (and data/migrations)", () => {
    const sql = /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE TABLE)\b/;
    const bad = [...files("api"), ...files("geo"), ...files("web")]
      .filter((f) => !f.startsWith("api/db/"))
      .filter((f) => sql.test(readFileSync(join(ROOT, f), "utf8")));
    expect(bad).toEqual([]);
  });

  test("pg and PGlite are imported only in api/db/", () => {
    const bad = [...files("api"), ...files("data"), ...files("geo")]
      .filter((f) => !f.startsWith("api/db/"))
      .filter((f) => imports(f).some((s) => s === "pg" || s.startsWith("@electric-sql/")));
    expect(bad).toEqual([]);
  });

  test("nothing outside tests/ imports tests/ or bench/", () => {
    const bad = ["api", "geo", "data", "web"].flatMap((d) =>
      files(d).filter((f) => imports(f).some((s) => ["tests", "bench"].includes(target(f, s)))),
    );
    expect(bad).toEqual([]);
  });

  test("no source file in geo/, api/, data/ or web/ is over 400 lines", () => {
    const big = ["api", "geo", "data", "web"]
      .flatMap((d) => files(d))
      .filter((f) => readFileSync(join(ROOT, f), "utf8").split("\n").length > 400);
    expect(big).toEqual([]);
  });
});
