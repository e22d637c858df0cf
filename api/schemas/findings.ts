import { z } from "zod";
import { DISPOSALS, FINDING_KINDS, FINDING_STATUSES } from "../../geo/finding_workflow.ts";

/** Finding kind: `idle` (闲置土地), `low_efficiency` (低效用地), `data_error` (数据错误). */
export const FindingKindSchema = z.enum(FINDING_KINDS);
/** Workflow status: identified → verified → disposal_decided → closed. */
export const FindingStatusSchema = z.enum(FINDING_STATUSES);
export type FindingStatus = z.infer<typeof FindingStatusSchema>;
/** Disposal decided at `disposal_decided`. */
export const DisposalSchema = z.enum(DISPOSALS);
export type Disposal = z.infer<typeof DisposalSchema>;

const id = z.coerce.number().int().positive();

/** Query of `GET /api/findings`: every filter optional; `plot` gives one plot's findings. */
export const FindingListQuerySchema = z.strictObject({
  zone: id.optional(),
  park: id.optional(),
  plot: id.optional(),
  status: FindingStatusSchema.optional(),
  kind: FindingKindSchema.optional(),
});
export type FindingListQuery = z.infer<typeof FindingListQuerySchema>;

/** Body of `POST /api/findings`: open a finding on a plot (status `identified`). */
export const FindingCreateSchema = z.strictObject({
  plotId: z.number().int().positive(),
  kind: FindingKindSchema,
  /** Evidence in words: what was seen, where, when (≤ 4,000 characters). */
  note: z.string().trim().max(4000).default(""),
});
export type FindingCreate = z.infer<typeof FindingCreateSchema>;

/**
 * Body of `POST /api/findings/:id/transitions`. `version` is the finding's version the reviewer saw (a stale
 * one → 409 `version_conflict`); `disposal` is required exactly when `to` is `disposal_decided`; a dismissal
 * (identified | verified → closed) requires a `note`. `asOf` dates the idle-land assessment of a `fee`
 * disposal (default today).
 */
export const FindingTransitionSchema = z.strictObject({
  to: FindingStatusSchema,
  version: z.number().int().positive(),
  note: z.string().trim().max(4000).default(""),
  disposal: DisposalSchema.optional(),
  asOf: z.iso.date().optional(),
});
export type FindingTransitionBody = z.infer<typeof FindingTransitionSchema>;

/** `:id` and `:photoId` of a finding's photo. */
export const FindingPhotoParamSchema = z.object({ id, photoId: id });

/** One recorded transition (the opening has `from: null`). */
export interface FindingTransition {
  from: z.infer<typeof FindingStatusSchema> | null;
  to: z.infer<typeof FindingStatusSchema>;
  note: string;
  userId: number | null;
  username: string;
  /** ISO 8601 UTC. */
  at: string;
}

/** A photo's metadata (the bytes are at `url`). */
export interface FindingPhoto {
  id: number;
  mediaType: "image/jpeg" | "image/png" | "image/webp";
  sizeBytes: number;
  caption: string;
  userId: number | null;
  createdAt: string;
  url: string;
}

/** A finding as the list returns it. */
export interface Finding {
  id: number;
  plotId: number;
  plotCode: string;
  parkId: number;
  zoneId: number;
  kind: z.infer<typeof FindingKindSchema>;
  status: z.infer<typeof FindingStatusSchema>;
  note: string;
  disposal: z.infer<typeof DisposalSchema> | null;
  /** Idle-land fee fixed by a `fee` disposal, 万元; null otherwise. */
  feeWan: number | null;
  /** The as-of date of the fee's idle-land assessment. */
  feeAsOf: string | null;
  version: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  /** Legal next statuses (geo/finding_workflow.ts). */
  next: z.infer<typeof FindingStatusSchema>[];
}

/** A finding with its history and photos (`GET /api/findings/:id` and every write). */
export interface FindingDetail extends Finding {
  transitions: FindingTransition[];
  photos: FindingPhoto[];
}
