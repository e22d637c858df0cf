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
