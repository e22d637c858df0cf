import { z } from "zod";
import { PlotStatusSchema } from "./enums.ts";

/** Query of `GET /api/exports/plots`: which plots, which format, encoding and CRS. */
export const PlotExportQuerySchema = z.object({
  format: z.enum(["geojson", "shapefile", "csv", "xlsx"]),
  park: z.coerce.number().int().positive().optional(),
  zone: z.coerce.number().int().positive().optional(),
  status: PlotStatusSchema.optional(),
  /** Comma-separated plot ids. */
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .transform((s) => s.split(",").map(Number))
    .optional(),
  /** Text encoding of Shapefile and CSV output. */
  encoding: z.enum(["utf-8", "gbk"]).default("utf-8"),
  /** Shapefile CRS: `4490` CGCS2000 lon/lat (default), `gk` the park's Gauss-Krüger zone, or a GK EPSG code. */
  crs: z.union([z.literal("gk"), z.coerce.number().int().min(4490).max(4554)]).default(4490),
});
export type PlotExportQuery = z.infer<typeof PlotExportQuerySchema>;

/** The attributes every export carries, in this order (Shapefile column names in brackets ≤ 10 bytes). */
export const PLOT_EXPORT_COLUMNS = [
  ["code", "CODE", "C"],
  ["parkId", "PARK_ID", "N"],
  ["landUseCode", "LANDUSE", "C"],
  ["landUseEdition", "LU_EDITION", "C"],
  ["status", "STATUS", "C"],
  ["declaredAreaM2", "DECL_M2", "N"],
  ["areaM2", "AREA_M2", "N"],
  ["areaMu", "AREA_MU", "N"],
  ["approvalDate", "APPROVED", "C"],
  ["supplyDate", "SUPPLIED", "C"],
] as const;
