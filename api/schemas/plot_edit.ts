import { z } from "zod";
import { DelayCauseSchema, PlotStatusSchema } from "./enums.ts";

const isoDate = z.iso.date();

/**
 * The plot attributes `PATCH /api/plots/:id` may change (geometry and area are not among them: imports and
 * the drawing tool own those). Keys are the API's; SQL columns in api/db/plot_edit.ts.
 */
export const PlotEditFieldsSchema = z.strictObject({
  status: PlotStatusSchema,
  /** Land-use code in the plot's classification edition, e.g. `0601` or `100101`. */
  landUseCode: z
    .string()
    .trim()
    .regex(/^\d{2,6}$/, "expected a land-use code of 2–6 digits"),
  /** Transfer or allocation price, 万元. */
  landPriceWan: z.number().finite().min(0).nullable(),
  /** Area declared in the land-use right certificate, m². */
  declaredAreaM2: z.number().finite().positive().nullable(),
  agreedStartDate: isoDate.nullable(),
  extendedStartDate: isoDate.nullable(),
  actualStartDate: isoDate.nullable(),
  suspendedSince: isoDate.nullable(),
  delayCause: DelayCauseSchema.nullable(),
});
export type PlotEditFields = z.infer<typeof PlotEditFieldsSchema>;
export type PlotEditField = keyof PlotEditFields;

/** Body of `PATCH /api/plots/:id`: the version the editor saw, and at least one field to change. */
export const PlotPatchSchema = PlotEditFieldsSchema.partial()
  .extend({ version: z.number().int().positive() })
  .refine((b) => Object.keys(b).some((k) => k !== "version"), {
    path: ["version"],
    message: "send at least one field to change besides version",
  });
export type PlotPatch = z.infer<typeof PlotPatchSchema>;

/** The editable attributes of a plot with its version: the 409 `version_conflict`'s `details.current`. */
export type PlotEditable = PlotEditFields & { id: number; version: number; zoneId: number; parkId: number };

/** One audit-log row (`GET /api/plots/:id/audit`). */
export interface AuditEntry {
  id: number;
  /** ISO 8601 UTC. */
  at: string;
  userId: number | null;
  username: string;
  /** `import`: an import that created or updated the plot (entityId = the import's id, in the history). */
  entity: "plot" | "finding" | "finding_photo" | "import";
  entityId: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
