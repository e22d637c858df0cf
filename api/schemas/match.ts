import { z } from "zod";

/** `POST /api/match`: a project to place. Amounts in 万元, areas in 亩, energy in tce a year. */
export const MatchRequestSchema = z
  .object({
    /** GB/T 4754 code (e.g. `C3216`, `27`) or a keyword (e.g. 铝, tea). */
    industry: z.string().trim().min(1).max(50),
    areaMu: z.number().positive().max(1_000_000),
    investmentWan: z.number().min(0).max(1e9),
    expectedOutputWan: z.number().min(0).max(1e9).nullish(),
    energyTce: z.number().min(0).max(1e9).nullish(),
    preferredParkId: z.number().int().positive().nullish(),
    /** Zone to search; default the preferred park's zone, else every zone. */
    zoneId: z.number().int().positive().nullish(),
    /** How many ranked plots to return (all are ranked). */
    limit: z.number().int().min(1).max(200).default(20),
  })
  .strict();
export type MatchRequest = z.infer<typeof MatchRequestSchema>;
