import { z } from "zod";

const date = z.iso.date();

/** `POST /api/staff/referrals`: one referral of a project from park A to park B. */
export const ReferralCreateSchema = z
  .object({
    projectName: z.string().trim().min(1).max(200),
    projectNameEn: z.string().trim().max(200).nullish(),
    industryCode: z
      .string()
      .regex(/^[A-Ta-t]?\d{2,4}$/, "expected a GB/T 4754 code such as C3216")
      .nullish(),
    fromParkId: z.number().int().positive(),
    toParkId: z.number().int().positive(),
    plotId: z.number().int().positive().nullish(),
    investmentWan: z.number().min(0).max(1e9),
    /** Share credited to the referring park; default the zone's `referral_from_share_ratio`. */
    fromShareRatio: z.number().min(0).max(1).nullish(),
    creditYear: z.number().int().min(1990).max(2100),
    referredOn: date,
    note: z.string().trim().max(2000).nullish(),
  })
  .strict()
  .refine((r) => r.fromParkId !== r.toParkId, { path: ["toParkId"], message: "must differ from fromParkId" });
export type ReferralCreate = z.infer<typeof ReferralCreateSchema>;

/** Query of the referral ledger, its totals and the benefit-sharing totals. */
export const ZoneYearQuerySchema = z.object({
  zone: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
