import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app_env.ts";
import { insertInquiry } from "../db/inquiries.ts";
import { getLandPlot } from "../db/land.ts";
import { parkExists } from "../db/plots.ts";
import { AppError } from "../errors.ts";
import { INQUIRY_MAX_BODY_BYTES, InquiryCreateSchema } from "../schemas/inquiries.ts";
import { validate } from "../validate.ts";

/**
 * `POST /api/inquiries` (public): an investor's inquiry from the portal's form, validated by zod (sizes,
 * email or phone) after a 16 kB body limit (413 `payload_too_large`). Answers 201 `{id, status, createdAt}`
 * only; the investment office reads inquiries at `GET /api/staff/inquiries`.
 */
export const inquiriesRoutes = new Hono<AppEnv>().post(
  "/",
  bodyLimit({
    maxSize: INQUIRY_MAX_BODY_BYTES,
    onError: () => {
      throw new AppError("payload_too_large", { limit: INQUIRY_MAX_BODY_BYTES });
    },
  }),
  validate("json", InquiryCreateSchema),
  async (c) => {
    const body = c.req.valid("json");
    const { db } = c.var.deps;
    const plotId = body.plotId ?? null;
    if (plotId !== null && !(await getLandPlot(db, plotId)))
      throw new AppError("land_not_found", { id: plotId });
    const parkId = body.parkId ?? null;
    if (parkId !== null && !(await parkExists(db, parkId)))
      throw new AppError("park_not_found", { id: parkId });
    return c.json(await insertInquiry(db, body), 201);
  },
);
