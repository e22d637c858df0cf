/**
 * Units of land area and money used across ZoneAtlas.
 *
 * Areas are computed and stored in square metres; 亩 (mu) and hectares are derived here only.
 * @see ../shared/domain.md §3 (1 亩 = 10000/15 m², 1 ha = 15 亩, 1 km² = 1500 亩)
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Area in square metres. */
export type SquareMeters = Brand<number, "SquareMeters">;
/** Area in 亩 (mu), 1 亩 = 10000/15 m². */
export type Mu = Brand<number, "Mu">;
/** Area in hectares. */
export type Hectares = Brand<number, "Hectares">;
/** Money in 万元 (10,000 yuan). */
export type Wan = Brand<number, "Wan">;

/** Square metres per 亩: exactly 10000/15 ≈ 666.667 m². Never type the rounded value. */
export const M2_PER_MU = 10_000 / 15;
/** Square metres per hectare. */
export const M2_PER_HA = 10_000;
/** 亩 per hectare. */
export const MU_PER_HA = 15;

/** Brands a raw number as square metres (use at trust boundaries: database rows, parsed files). */
export const squareMeters = (n: number): SquareMeters => n as SquareMeters;
/** Brands a raw number as 万元. */
export const wan = (n: number): Wan => n as Wan;

/** m² → 亩. */
export const m2ToMu = (m2: SquareMeters): Mu => (m2 / M2_PER_MU) as Mu;
/** 亩 → m². */
export const muToM2 = (mu: Mu): SquareMeters => (mu * M2_PER_MU) as SquareMeters;
/** m² → ha. */
export const m2ToHa = (m2: SquareMeters): Hectares => (m2 / M2_PER_HA) as Hectares;
/** 亩 → ha. */
export const muToHa = (mu: Mu): Hectares => (mu / MU_PER_HA) as Hectares;

/** Money per unit land in 万元/亩 (e.g. 亩均税收). */
export type WanPerMu = Brand<number, "WanPerMu">;
/** Money per unit land in 万元/ha (the TD/T 1029 unit). */
export type WanPerHa = Brand<number, "WanPerHa">;

/** 万元/亩 → 万元/ha (× 15). @see ../shared/domain.md §3 (万元/亩 = 万元/ha ÷ 15) */
export const wanPerMuToWanPerHa = (x: WanPerMu): WanPerHa => (x * MU_PER_HA) as WanPerHa;
/** 万元/ha → 万元/亩 (÷ 15). @see ../shared/domain.md §3 */
export const wanPerHaToWanPerMu = (x: WanPerHa): WanPerMu => (x / MU_PER_HA) as WanPerMu;
