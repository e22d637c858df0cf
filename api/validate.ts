import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { AppError } from "./errors.ts";

/**
 * zod validation for a request part. A failure becomes `400 invalid_request` whose message names
 * the first offending field, with every zod issue (path, message) in `details`.
 */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) =>
  zValidator(target, schema, (result) => {
    if (result.success) return;
    const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const first = issues[0];
    throw new AppError(
      "invalid_request",
      { field: first?.path || target, reason: first?.message ?? "" },
      issues,
    );
  });
