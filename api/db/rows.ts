/** `[minLng, minLat, maxLng, maxLat]` selected as four float8 columns. */
export const BBOX_COLUMNS = (g: string) =>
  `ST_XMin(${g})::float8 AS xmin, ST_YMin(${g})::float8 AS ymin, ST_XMax(${g})::float8 AS xmax, ST_YMax(${g})::float8 AS ymax`;

export interface BboxRow {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

/** Maps the four bbox columns to a GeoJSON-style bbox array. */
export const toBbox = (r: BboxRow): [number, number, number, number] => [r.xmin, r.ymin, r.xmax, r.ymax];

/** GeoJSON geometry of a column with 7 decimals (≈ 1 cm), parsed by both drivers. */
export const GEOJSON = (g: string) => `ST_AsGeoJSON(${g}, 7)::json`;
