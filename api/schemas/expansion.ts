import { z } from "zod";
import { DEFAULT_EXPANSION_WEIGHTS } from "../../geo/expansion_score.ts";
import { EXPANSION_MAX_DISTANCE_M, EXPANSION_MIN_AREA_MU } from "../../geo/thresholds.ts";
import { ConstraintTypeSchema } from "./enums.ts";
import { ArealGeometrySchema } from "./geojson.ts";

const weight = z.number().finite().min(0);

/** Weights of the candidate score (normalised by their sum; see geo/expansion_score.ts). */
export const ExpansionWeightsSchema = z
  .object({ proximity: weight, adjacency: weight, compactness: weight, size: weight })
  .refine((w) => w.proximity + w.adjacency + w.compactness + w.size > 0, "weights must have a positive sum");

/** Body of `POST /api/expansion/candidates`. Defaults are [configurable default]s (issue 7, domain.md §10). */
export const CandidatesRequestSchema = z
  .object({
    parkId: z.number().int().positive(),
    maxDistanceM: z.number().finite().positive().max(20_000).default(EXPANSION_MAX_DISTANCE_M),
    minAreaMu: z.number().finite().min(0).max(1_000_000).default(EXPANSION_MIN_AREA_MU),
    excludeTypes: z.array(ConstraintTypeSchema).max(6).default(["permanent_farmland", "ecological_redline"]),
    requireInsideTypes: z.array(ConstraintTypeSchema).max(6).default(["development_boundary"]),
    weights: ExpansionWeightsSchema.default(DEFAULT_EXPANSION_WEIGHTS),
  })
  .refine((b) => !b.excludeTypes.some((t) => b.requireInsideTypes.includes(t)), {
    message: "a constraint type cannot be both excluded and required",
    path: ["excludeTypes"],
  });
export type CandidatesRequest = z.infer<typeof CandidatesRequestSchema>;

/** Body of `POST /api/expansion/check`. */
export const CheckRequestSchema = z.object({
  geometry: ArealGeometrySchema,
  /** Zone whose constraint layers apply; default: the zone of the park nearest the geometry. */
  zoneId: z.number().int().positive().optional(),
  /** Repair a self-intersecting polygon (ST_MakeValid) instead of rejecting it. */
  repair: z.boolean().default(false),
});
export type CheckRequest = z.infer<typeof CheckRequestSchema>;

/** Where a part of a proposal came from. */
export const ProposalSourceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("candidate"),
    rank: z.number().int().positive(),
    areaMu: z.number().optional(),
  }),
  z.object({ kind: z.literal("drawn") }),
]);

/** Body of `POST /api/expansion/proposals`. */
export const ProposalCreateSchema = z.object({
  parkId: z.number().int().positive(),
  name: z.string().trim().min(1).max(200),
  rationale: z.string().max(20_000).default(""),
  geometry: ArealGeometrySchema,
  sources: z.array(ProposalSourceSchema).max(1000).default([]),
  repair: z.boolean().default(false),
});
export type ProposalCreate = z.infer<typeof ProposalCreateSchema>;

/**
 * Body of `PUT /api/expansion/proposals/:id`: a new version (fields left out keep their value). `version` is
 * the current version the editor saw (optimistic concurrency: another version in between → 409).
 */
export const ProposalUpdateSchema = z.object({
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(200).optional(),
  rationale: z.string().max(20_000).optional(),
  geometry: ArealGeometrySchema.optional(),
  sources: z.array(ProposalSourceSchema).max(1000).optional(),
  repair: z.boolean().default(false),
});
export type ProposalUpdate = z.infer<typeof ProposalUpdateSchema>;

/** Query of `GET /api/expansion/proposals`. */
export const ProposalListQuerySchema = z.object({ park: z.coerce.number().int().positive().optional() });

/** Path of one proposal version. */
export const ProposalVersionParamSchema = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
});

/** Query of `GET /api/expansion/eligibility`: park, optional year and threshold overrides. */
export const EligibilityQuerySchema = z.object({
  park: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  minDevelopmentRate: z.coerce.number().min(0).max(1).optional(),
  minSupplyRate: z.coerce.number().min(0).max(1).optional(),
  minBuiltRate: z.coerce.number().min(0).max(1).optional(),
  maxIdleRate: z.coerce.number().min(0).max(1).optional(),
  minOutputPerMuWan: z.coerce.number().min(0).optional(),
});
export type EligibilityQuery = z.infer<typeof EligibilityQuerySchema>;
