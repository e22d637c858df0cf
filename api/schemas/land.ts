import { z } from "zod";
import { ServicingSchema } from "./demo_invest.ts";
import { ParkRoleSchema } from "./enums.ts";
import { MultiPolygonSchema } from "./geojson.ts";

/**
 * The public investor portal's contract (`GET /api/land…`): offered plots and park profiles with public
 * fields only — never an enterprise's finances (tax, output, energy) or the name of a firm that did not
 * agree to be named. Park aggregates appear only when at least `MIN_PUBLIC_AGGREGATE_ENTERPRISES` firms
 * contribute.
 */

/** Statuses the portal lists: available land and reclaimed idle land ready to be supplied again. */
export const OfferStatusSchema = z.enum(["available", "reclaimed"]);
export type OfferStatus = z.infer<typeof OfferStatusSchema>;

/** A park aggregate is public only when at least this many enterprises contribute to it. */
export const MIN_PUBLIC_AGGREGATE_ENTERPRISES = 3;

const id = z.coerce.number().int().positive();
const mu = z.coerce.number().min(0).max(1_000_000);
const bool = z.enum(["true", "false"]).transform((v) => v === "true");

/** Query of `GET /api/land`. All filters optional and combinable. */
/** Default and largest page of `GET /api/land`: a province holds far more offered plots than a page. */
export const LAND_PAGE_DEFAULT = 1000;
export const LAND_PAGE_MAX = 5000;

export const LandQuerySchema = z
  .object({
    zone: id.optional(),
    park: id.optional(),
    status: OfferStatusSchema.optional(),
    minMu: mu.optional(),
    maxMu: mu.optional(),
    /** Land-use code prefix, e.g. `0601` or `1001`. */
    landUse: z
      .string()
      .regex(/^\d{2,6}$/, "expected a land-use code prefix such as 0601")
      .optional(),
    /** GB/T 4754 code or keyword (e.g. `C32`, `铝`, `tea`), matched against permitted/leading industries. */
    industry: z.string().trim().min(1).max(50).optional(),
    /** Highest acceptable floor price, 万元/亩. */
    maxPricePerMuWan: z.coerce.number().positive().max(100_000).optional(),
    /** `true`: 标准地 only; `false`: other land only. */
    standard: bool.optional(),
    /** The investor's planned investment intensity (万元/亩): keeps plots whose 标准地 minimum it meets. */
    investmentPerMuWan: z.coerce.number().min(0).max(1_000_000).optional(),
    /** Page size (default {@link LAND_PAGE_DEFAULT}, at most {@link LAND_PAGE_MAX}) and offset, in list order. */
    limit: z.coerce.number().int().min(1).max(LAND_PAGE_MAX).default(LAND_PAGE_DEFAULT),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .refine((q) => q.minMu === undefined || q.maxMu === undefined || q.minMu <= q.maxMu, {
    path: ["minMu"],
    message: "minMu must not exceed maxMu",
  });
export type LandQuery = z.infer<typeof LandQuerySchema>;

/** 标准地 conditions of a plot (null each when not set). */
export const StandardTermsSchema = z.object({
  minInvestmentPerMuWan: z.number().nullable(),
  minOutputPerMuWan: z.number().nullable(),
  minTaxPerMuWan: z.number().nullable(),
  minFar: z.number().nullable(),
  maxFar: z.number().nullable(),
  minCoverageRatio: z.number().nullable(),
  maxEnergyTcePerWan: z.number().nullable(),
  buildMonths: z.number().int().nullable(),
});
export type StandardTerms = z.infer<typeof StandardTermsSchema>;

/** Properties of one offered plot in `GET /api/land`. */
export const LandPropertiesSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  zoneId: z.number().int(),
  parkId: z.number().int(),
  parkName: z.string(),
  parkNameEn: z.string(),
  status: OfferStatusSchema,
  landUse: z.string(),
  landUseEdition: z.string(),
  areaMu: z.number(),
  isStandardLand: z.boolean(),
  standard: StandardTermsSchema,
  /** Published floor price, 万元/亩; null when no offer was published. */
  floorPricePerMuWan: z.number().nullable(),
  /** floorPricePerMuWan × areaMu, 万元. */
  floorPriceWan: z.number().nullable(),
  servicing: z.array(ServicingSchema),
  /** GB/T 4754-2017 divisions admitted: the offer's own, else the park's leading industries. */
  industryCodes: z.array(z.string()),
  isDemo: z.boolean(),
});
export type LandProperties = z.infer<typeof LandPropertiesSchema>;

const NamedDistanceSchema = z.object({
  name: z.string(),
  nameEn: z.string().nullable(),
  distanceM: z.number(),
});

/** Public park profile (`GET /api/land/parks/:id`). */
export const ParkProfileSchema = z.object({
  id: z.number().int(),
  zoneId: z.number().int(),
  zoneName: z.string(),
  zoneNameEn: z.string(),
  name: z.string(),
  nameEn: z.string(),
  role: ParkRoleSchema,
  county: z.string(),
  countyEn: z.string(),
  industries: z.array(z.string()),
  industriesEn: z.array(z.string()),
  industryCodes: z.array(z.string()),
  partnerParkId: z.number().int().nullable(),
  partnerName: z.string().nullable(),
  transport: z.object({
    port: NamedDistanceSchema.nullable(),
    railway: NamedDistanceSchema.nullable(),
    highway: NamedDistanceSchema.nullable(),
  }),
  offeredPlots: z.number().int(),
  offeredAreaMu: z.number(),
  /** Park-level figures, suppressed (values null, `suppressed` true) when fewer than 3 firms contribute. */
  aggregates: z.object({
    year: z.number().int().nullable(),
    contributingEnterprises: z.number().int(),
    minEnterprises: z.number().int(),
    suppressed: z.boolean(),
    parkOutputPerMuWan: z.number().nullable(),
    parkTaxPerMuWan: z.number().nullable(),
  }),
  /** Enterprises of the park that agreed to be named. */
  publicEnterprises: z.array(
    z.object({ name: z.string(), nameEn: z.string().nullable(), industryCode: z.string() }),
  ),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  boundary: MultiPolygonSchema,
  isDemo: z.boolean(),
});
export type ParkProfile = z.infer<typeof ParkProfileSchema>;

/** One offered plot (`GET /api/land/:id`). */
export const LandPlotSchema = LandPropertiesSchema.extend({
  areaM2: z.number(),
  planned: z.object({
    minFar: z.number().nullable(),
    maxFar: z.number().nullable(),
    minCoverageRatio: z.number().nullable(),
  }),
  supplyType: z.string().nullable(),
  publishedOn: z.string().nullable(),
  infrastructureNote: z.string().nullable(),
  infrastructureNoteEn: z.string().nullable(),
  photoPaths: z.array(z.string()),
  centroid: z.tuple([z.number(), z.number()]),
  geometry: MultiPolygonSchema,
  park: ParkProfileSchema.pick({
    id: true,
    name: true,
    nameEn: true,
    role: true,
    county: true,
    countyEn: true,
    industries: true,
    industriesEn: true,
    transport: true,
  }),
  zoneName: z.string(),
  zoneNameEn: z.string(),
});
export type LandPlot = z.infer<typeof LandPlotSchema>;

/** `GET /api/land/zones`: zones and parks for the portal's filters. */
export const LandZoneSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  nameEn: z.string(),
  isDemo: z.boolean(),
  parks: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      nameEn: z.string(),
      role: ParkRoleSchema,
      offeredPlots: z.number().int(),
    }),
  ),
});
export type LandZone = z.infer<typeof LandZoneSchema>;
