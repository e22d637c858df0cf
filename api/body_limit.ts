import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./app_env.ts";
import { AppError } from "./errors.ts";

/** Default largest request body outside uploads: 2 MiB (env `ZA_BODY_LIMIT_KB`). */
export const DEFAULT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * Upload routes that apply their own, larger limit (with their own error code) and are exempt from the
 * global one. A new upload route (e.g. photo evidence) adds its method and path pattern here.
 */
export const OWN_BODY_LIMIT_ROUTES: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: "POST", path: /^\/api\/imports\/?$/ },
  // Evidence photos: 5 MiB each (api/routes/findings.ts, PHOTO_MAX_BYTES).
  { method: "POST", path: /^\/api\/findings\/[^/]+\/photos\/?$/ },
];

/** True when `method path` is an upload route with its own limit ({@link OWN_BODY_LIMIT_ROUTES}). */
export const hasOwnBodyLimit = (method: string, path: string): boolean =>
  OWN_BODY_LIMIT_ROUTES.some((r) => r.method === method && r.path.test(path));

/**
 * Refuses request bodies over `deps.bodyLimitBytes` with 413 `payload_too_large` while they stream
 * in (by Content-Length when sent, else by counting), before any route parses them. Uploads
 * (`POST /api/imports`, evidence photos) are exempt: those routes apply their own, larger limits.
 */
export const globalBodyLimit: MiddlewareHandler<AppEnv> = (c, next) => {
  if (hasOwnBodyLimit(c.req.method, c.req.path)) return next();
  const maxSize = c.var.deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError("payload_too_large", { limit: maxSize });
    },
  })(c, next);
};
