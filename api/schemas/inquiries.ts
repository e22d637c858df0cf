import { z } from "zod";

/** Largest accepted request body of the public inquiry form, bytes. */
export const INQUIRY_MAX_BODY_BYTES = 16 * 1024;

/** Inquiry lifecycle in the investment office. */
export const InquiryStatusSchema = z.enum(["new", "contacted", "closed"]);

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .transform((s) => (s === "" ? null : s))
    .nullish();

/** `POST /api/inquiries` (public): at least an email or a phone; sizes as the database checks them. */
export const InquiryCreateSchema = z
  .object({
    plotId: z.number().int().positive().nullish(),
    parkId: z.number().int().positive().nullish(),
    contactName: text(100).min(1),
    organisation: optionalText(200),
    email: z
      .union([z.literal(""), z.email().max(254)])
      .transform((s) => (s === "" ? null : s))
      .nullish(),
    phone: z
      .union([
        z.literal(""),
        z
          .string()
          .trim()
          .regex(/^[+0-9 ()-]{5,40}$/, "expected a phone number"),
      ])
      .transform((s) => (s === "" ? null : s))
      .nullish(),
    country: optionalText(100),
    industry: optionalText(100),
    areaMu: z.number().positive().max(1_000_000).nullish(),
    investmentWan: z.number().min(0).max(1e9).nullish(),
    message: text(4000).min(1),
    lang: z.enum(["zh-CN", "en"]).default("zh-CN"),
  })
  .strict()
  .refine((b) => (b.email ?? null) !== null || (b.phone ?? null) !== null, {
    path: ["email"],
    message: "give an email address or a phone number",
  });
export type InquiryCreate = z.infer<typeof InquiryCreateSchema>;

/** Query of the staff list `GET /api/staff/inquiries`. */
export const InquiryListQuerySchema = z.object({
  status: InquiryStatusSchema.optional(),
  zone: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** An inquiry as the staff list (`GET /api/staff/inquiries`) returns it; the web app reads the same type. */
export interface InquiryRow {
  id: number;
  plotId: number | null;
  plotCode: string | null;
  parkId: number | null;
  parkName: string | null;
  parkNameEn: string | null;
  contactName: string;
  organisation: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  industry: string | null;
  areaMu: number | null;
  investmentWan: number | null;
  message: string;
  lang: "zh-CN" | "en";
  status: "new" | "contacted" | "closed";
  createdAt: string;
  isDemo: boolean;
}
