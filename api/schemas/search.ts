import { z } from "zod";

/** Longest search text accepted, characters. */
export const SEARCH_MAX_CHARS = 100;

/**
 * Query of `GET /api/search?q=&zone=&limit=`: `q` is matched case-insensitively as a substring of plot codes,
 * enterprise names (Chinese or English) and park names or codes; `%`, `_` and `\` are literal.
 */
export const SearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(SEARCH_MAX_CHARS, `must be at most ${SEARCH_MAX_CHARS} characters`),
  zone: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** What a search hit is. */
export const SearchKindSchema = z.enum(["park", "plot", "enterprise"]);

/**
 * One hit. `plotId` is the plot to open: the plot itself, or an enterprise's largest plot in the zone;
 * null for parks. `label` is the plot code, the enterprise's or the park's Chinese name; `labelEn` the
 * English name when there is one.
 */
export const SearchResultSchema = z.object({
  kind: SearchKindSchema,
  id: z.number().int(),
  label: z.string(),
  labelEn: z.string().nullable(),
  zoneId: z.number().int(),
  parkId: z.number().int(),
  plotId: z.number().int().nullable(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

/** `GET /api/search` answer: exact matches first, then prefixes, then substrings; parks, plots, enterprises. */
export const SearchResponseSchema = z.object({ q: z.string(), results: z.array(SearchResultSchema) });
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
