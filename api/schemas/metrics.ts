import { z } from "zod";

/** Query of `GET /api/parks/:id/metrics` and `GET /api/zones/:id/metrics`; `year` defaults to the latest with statistics. */
export const MetricsQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
