/**
 * Relative tolerance between Turf's spherical area (geo/area.ts) and PostGIS's ellipsoidal
 * `ST_Area(geography)`. Turf reads ~0.32 % high at 18°N and ~0.43 % low at 54°N on plot-sized
 * shapes, so 0.5 % covers China. Unit: ratio.
 * @see ../shared/CONVENTIONS.md §5
 */
export const AREA_PARITY_REL_TOL = 0.005;

// ── Idle land (闲置土地处置办法 2012, 国土资源部令第53号) ───────────────────────────────────────

/**
 * Full years after the agreed (or extended) start date without starting development that make a
 * plot idle and trigger the idle-land fee. Unit: years (calendar anniversaries). [firm]
 * @see 闲置土地处置办法 (2012) art. 2, art. 14(1); ../shared/domain.md §5
 */
export const IDLE_UNSTARTED_FEE_YEARS = 1;

/**
 * Full years without starting development after which the land-use right is taken back without
 * compensation (无偿收回). Unit: years. [firm]
 * @see 闲置土地处置办法 (2012) art. 14(2); ../shared/domain.md §5
 */
export const IDLE_UNSTARTED_RECLAIM_YEARS = 2;

/**
 * Stalled-development trigger: developed area below this share of the area to develop.
 * Exactly 1/3 is *not* below. Unit: ratio. [firm]
 * @see 闲置土地处置办法 (2012) art. 2; ../shared/domain.md §5
 */
export const IDLE_STALLED_DEVELOPED_MIN_RATIO = 1 / 3;

/**
 * Stalled-development trigger: investment made below this share of the total investment (both
 * excluding the land price and state taxes and fees). Exactly 25 % is *not* below. Unit: ratio. [firm]
 * @see 闲置土地处置办法 (2012) art. 2; ../shared/domain.md §5
 */
export const IDLE_STALLED_INVESTED_MIN_RATIO = 0.25;

/**
 * Full years of suspended construction that make a stalled plot idle. Unit: years. [firm]
 * @see 闲置土地处置办法 (2012) art. 2; ../shared/domain.md §5
 */
export const IDLE_STALLED_SUSPENDED_YEARS = 1;

/**
 * Idle-land fee as a share of the transfer or allocation price. Unit: ratio. [firm]
 * @see 闲置土地处置办法 (2012) art. 14(1); ../shared/domain.md §5
 */
export const IDLE_FEE_RATE = 0.2;

/**
 * Whether a *stalled* plot can reach the reclaim stage after 2 years; the regulation's 2-year
 * forfeiture names only land "未动工开发". [configurable default: false]
 * @see 闲置土地处置办法 (2012) art. 14(2); ../shared/domain.md §5, §13 item 5
 */
export const IDLE_STALLED_CAN_RECLAIM = false;

// ── 批而未供 ─────────────────────────────────────────────────────────────────────────────────

/**
 * Age of an approval without supply from which a warning is raised: an approval lapses if the land
 * is not used within 2 years. Unit: years. [firm]
 * @see ../shared/domain.md §6 (Lapse)
 */
export const APPROVED_UNSUPPLIED_WARNING_YEARS = 2;

/**
 * Upper edge of the middle 批而未供 age bucket (`2-5`; older is `>=5`). Unit: years. [practice]
 * @see ../shared/domain.md §6
 */
export const APPROVED_UNSUPPLIED_OLD_YEARS = 5;

// ── Project land-control indicators (国土资发〔2008〕24号) ────────────────────────────────────

/**
 * Minimum building coverage (建筑系数) of an industrial project: (buildings + structures + yards)
 * ÷ project land ≥ 30 %. Unit: ratio. [firm]
 * @see 工业项目建设用地控制指标 (国土资发〔2008〕24号); ../shared/domain.md §9
 */
export const CONTROL_MIN_COVERAGE_RATIO_2008 = 0.3;

// ── Low-efficiency land (defaults; local standards set the numbers) ────────────────────────────

/**
 * Low-efficiency FAR floor when the industry is unknown or outside the 2008 table. Unit: ratio.
 * [configurable default]
 * @see ../shared/domain.md §7, §13 item 7
 */
export const LOW_EFFICIENCY_FALLBACK_MIN_FAR = 0.5;

/**
 * Low-efficiency coverage floor (40 % is used for newer contracts). Unit: ratio. [configurable default]
 * @see ../shared/domain.md §7, §9
 */
export const LOW_EFFICIENCY_MIN_COVERAGE_RATIO = 0.3;

/**
 * Low-efficiency tax rule: tax per 亩 below this fraction of the park average. Unit: ratio.
 * [configurable default: 1/2]
 * @see ../shared/domain.md §7
 */
export const LOW_EFFICIENCY_TAX_FRACTION_OF_PARK_AVG = 1 / 2;

/**
 * The stricter selectable tax fraction (1/3 of the park average). Unit: ratio. [configurable default]
 * @see ../shared/domain.md §7
 */
export const LOW_EFFICIENCY_TAX_FRACTION_STRICT = 1 / 3;

/**
 * Consecutive years of 亩均 grade D that flag a plot as low-efficiency. Unit: years.
 * [configurable default]
 * @see ../shared/domain.md §7
 */
export const LOW_EFFICIENCY_GRADE_D_YEARS = 2;

// ── Targets and size classes ───────────────────────────────────────────────────────────────

/**
 * 工业用地产出强度 target for national zones by 2025 (= 7,500 万元/ha). Unit: 万元/亩. [firm]
 * @see Guizhou implementation plan (黔科领发〔2021〕1号); ../shared/domain.md §2
 */
export const OUTPUT_INTENSITY_TARGET_NATIONAL_WAN_PER_MU = 500;

/**
 * 工业用地产出强度 target for provincial zones by 2025 (= 4,500 万元/ha). Unit: 万元/亩. [firm]
 * @see Guizhou implementation plan (黔科领发〔2021〕1号); ../shared/domain.md §2
 */
export const OUTPUT_INTENSITY_TARGET_PROVINCIAL_WAN_PER_MU = 300;

/**
 * 规上 (above designated size) threshold of annual revenue. Unit: 万元. [configurable default]
 * @see ../shared/domain.md §1, §13 item 13
 */
export const ABOVE_SCALE_REVENUE_THRESHOLD_WAN = 2000;

// ── TD/T 1029 scoring ──────────────────────────────────────────────────────────────────────

/**
 * Cap of a positive indicator's standardized score S = min(cap, 100·X/T). Unit: points.
 * [configurable default]
 * @see TD/T 1029; ../shared/domain.md §4 (Scoring)
 */
export const TDT_SCORE_CAP = 100;

/**
 * Relative tolerance when comparing a measured ratio with a threshold: values this close count as
 * *equal* to it, so a stored 0.333333333333333 is "exactly 1/3" and not below it. Unit: ratio.
 * @see geo/ratio.ts `isBelow`
 */
export const THRESHOLD_REL_TOL = 1e-9;

// ── Expansion (扩区) ─────────────────────────────────────────────────────────────────────────────

/**
 * Candidate area at which the size criterion of `candidateScore` reaches 1. Unit: 亩.
 * [configurable default]: no published value; 500 亩 (≈ 33 ha) is a modest block for one park.
 * @see ../shared/domain.md §10, §13 item 11
 */
export const EXPANSION_SIZE_REFERENCE_MU = 500;

/** Default search radius around the park for expansion candidates. Unit: m. [configurable default] (issue 7) */
export const EXPANSION_MAX_DISTANCE_M = 2000;

/** Default smallest candidate piece. Unit: 亩. [configurable default] (issue 7) */
export const EXPANSION_MIN_AREA_MU = 50;

/**
 * Constraint overlap below which a proposal counts as conflict-free (digitising noise). Unit: m².
 * [configurable default]
 */
export const EXPANSION_CONFLICT_TOLERANCE_M2 = 1;

/**
 * Share of a proposal that must lie inside the 城镇开发边界 to pass. Unit: ratio. [configurable default]:
 * the dossier asks for land inside the boundary; 0.999 leaves room for digitising noise only.
 * @see ../shared/domain.md §10
 */
export const EXPANSION_MIN_INSIDE_BOUNDARY_RATIO = 0.999;
// ── Import validation ───────────────────────────────────────────────────────────────────────

/**
 * A declared area (用地面积 in the source file) differing from the computed ellipsoidal area by more
 * than this share of the computed area is flagged in the import report. Unit: ratio. [configurable default]
 * @see issue 6 (import validation report)
 */
export const DECLARED_AREA_MISMATCH_RATIO = 0.01;
