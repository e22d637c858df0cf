/**
 * Relative tolerance between Turf's spherical area (geo/area.ts) and PostGIS's ellipsoidal
 * `ST_Area(geography)`. Turf reads ~0.32 % high at 18°N and ~0.43 % low at 54°N on plot-sized
 * shapes, so 0.5 % covers China. Unit: ratio.
 * @see ../shared/CONVENTIONS.md §5
 */
export const AREA_PARITY_REL_TOL = 0.005;
