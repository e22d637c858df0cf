import type { createApp } from "../../api/app.ts";

type App = ReturnType<typeof createApp>;

/** GETs `path` from the in-process app and returns status and parsed JSON body. */
export async function getJson<T = unknown>(
  app: App,
  path: string,
  lang: "zh-CN" | "en" = "zh-CN",
): Promise<{ status: number; body: T }> {
  const res = await app.request(path, { headers: { "Accept-Language": lang } });
  return { status: res.status, body: (await res.json()) as T };
}

/** The error envelope every failing endpoint returns. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Sends `body` as JSON (or a raw string) with `method` to the in-process app; returns status and parsed JSON. */
export async function sendJson<T = unknown>(
  app: App,
  path: string,
  body: unknown,
  opts: { method?: string; lang?: "zh-CN" | "en"; raw?: boolean } = {},
): Promise<{ status: number; body: T }> {
  const res = await app.request(path, {
    method: opts.method ?? "POST",
    headers: { "Content-Type": "application/json", "Accept-Language": opts.lang ?? "zh-CN" },
    body: opts.raw ? String(body) : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}
