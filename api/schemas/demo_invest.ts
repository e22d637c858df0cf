import { z } from "zod";

/**
 * The investor-portal part of the demo dataset (data/demo/invest.json): zone referral defaults, park
 * profiles, published land offers, referrals, enclave share agreements and the enterprises whose names may
 * be shown publicly. Everything is illustrative (示意数据). Records point at zones, parks, plots and
 * enterprises by their codes.
 */
const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Ratio = z.number().min(0).max(1);
/** A GB/T 4754-2017 division: section letter + 2 digits, e.g. `C32`. */
export const DivisionCodeSchema = z.string().regex(/^[A-T]\d{2}$/);
/** What has been connected to a plot (三通一平 and more). */
export const ServicingSchema = z.enum(["road", "water", "power", "gas", "telecom", "sewer", "levelled"]);
export type Servicing = z.infer<typeof ServicingSchema>;

export const DemoParkProfileSchema = z.object({
  parkCode: z.string().min(1),
  leadingIndustryCodes: z.array(DivisionCodeSchema),
  nearestPortName: z.string().nullable(),
  nearestPortNameEn: z.string().nullable(),
  nearestPortDistanceM: z.number().nonnegative().nullable(),
  nearestRailwayName: z.string().nullable(),
  nearestRailwayNameEn: z.string().nullable(),
  nearestRailwayDistanceM: z.number().nonnegative().nullable(),
  nearestHighwayName: z.string().nullable(),
  nearestHighwayNameEn: z.string().nullable(),
  nearestHighwayDistanceM: z.number().nonnegative().nullable(),
});

export const DemoLandOfferSchema = z.object({
  plotCode: z.string().min(1),
  floorPricePerMuWan: z.number().positive(),
  publishedOn: DateSchema,
  servicing: z.array(ServicingSchema),
  permittedIndustryCodes: z.array(DivisionCodeSchema),
  infrastructureNote: z.string().nullable(),
  infrastructureNoteEn: z.string().nullable(),
});

export const DemoReferralSchema = z.object({
  zoneCode: z.string().min(1),
  projectName: z.string().min(1),
  projectNameEn: z.string().nullable(),
  industryCode: z.string().nullable(),
  fromParkCode: z.string().min(1),
  toParkCode: z.string().min(1),
  investmentWan: z.number().nonnegative(),
  fromShareRatio: Ratio,
  creditYear: z.number().int(),
  referredOn: DateSchema,
  note: z.string().nullable(),
});

export const DemoShareAgreementSchema = z.object({
  enclaveParkCode: z.string().min(1),
  partnerParkCode: z.string().min(1),
  hostInputRatio: Ratio,
  hostTiltRatio: Ratio,
  validFrom: DateSchema,
  validTo: DateSchema.nullable(),
  source: z.string().min(1),
});

export const DemoInvestSchema = z.object({
  zoneSettings: z.array(z.object({ zoneCode: z.string().min(1), referralFromShareRatio: Ratio })),
  parkProfiles: z.array(DemoParkProfileSchema),
  landOffers: z.array(DemoLandOfferSchema),
  referrals: z.array(DemoReferralSchema),
  shareAgreements: z.array(DemoShareAgreementSchema),
  /** Credit codes of enterprises that agreed to be named publicly. */
  publicEnterprises: z.array(z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/)),
});
export type DemoInvest = z.infer<typeof DemoInvestSchema>;
export type DemoParkProfile = z.infer<typeof DemoParkProfileSchema>;
export type DemoLandOffer = z.infer<typeof DemoLandOfferSchema>;
