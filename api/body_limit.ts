import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./app_env.ts";
import { AppError } from "./errors.ts";

/** Default largest request body outside uploads: 2 MiB (env `ZA_BODY_LIMIT_KB`). */
export const DEFAULT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * Refuses request bodies over `deps.bodyLimitBytes` with 413 `payload_too_large` while they stream
 * in (by Content-Length when sent, else by counting), before any route parses them. Uploads
 * (`POST /api/imports`) are exempt: that route applies its own, larger limit (`maxUploadBytes`).
 */
export const globalBodyLimit: MiddlewareHandler<AppEnv> = (c, next) => {
  if (c.req.method === "POST" && /^\/api\/imports\/?$/.test(c.req.path)) return next();
  const maxSize = c.var.deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError("payload_too_large", { limit: maxSize });
    },
  })(c, next);
};
