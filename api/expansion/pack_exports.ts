import type { Feature, FeatureCollection, MultiPolygon } from "geojson";
import type { Queryable } from "../db/db.ts";
import { crsWkt, gkGeometry } from "../db/expansion_pack.ts";
import { PACK_INDICATORS, type PackData } from "./pack_data.ts";
import { CONSTRAINT_TYPE_ZH, landUseLabel } from "./pack_labels.ts";
import { shapefileZip } from "./shapefile.ts";
import { type Sheet, xlsx } from "./xlsx.ts";

/** The file name stem of a proposal's exports, e.g. `proposal-12-v3`. */
export const exportStem = (d: PackData) => `proposal-${d.proposal.id}-v${d.proposal.currentVersion}`;

/**
 * The boundary as a zipped Shapefile in the park's CGCS2000 3° Gauss-Krüger CRS (coordinates from
 * PostGIS ST_Transform; .prj from spatial_ref_sys; UTF-8 attributes with a .cpg).
 */
export async function boundaryShapefile(q: Queryable, d: PackData): Promise<Uint8Array> {
  const gk = await gkGeometry(q, d.proposal.geometry, d.gk.epsg);
  return shapefileZip(
    exportStem(d),
    [
      { name: "ID", type: "N", length: 10 },
      { name: "VERSION", type: "N", length: 6 },
      { name: "NAME", type: "C", length: 200 },
      { name: "PARK", type: "C", length: 100 },
      { name: "AREA_MU", type: "N", length: 19, decimals: 4 },
      { name: "EPSG", type: "N", length: 6 },
      { name: "IS_DEMO", type: "C", length: 1 },
    ],
    [
      {
        geometry: gk,
        values: {
          ID: d.proposal.id,
          VERSION: d.proposal.currentVersion,
          NAME: d.proposal.name,
          PARK: d.park.name,
          AREA_MU: d.proposal.areaMu,
          EPSG: d.gk.epsg,
          IS_DEMO: d.park.isDemo ? "Y" : "N",
        },
      },
    ],
    await crsWkt(q, d.gk.epsg),
  );
}

/** The boundary as GeoJSON (EPSG:4326, RFC 7946) with the proposal's attributes. */
export function boundaryGeoJson(d: PackData): FeatureCollection<MultiPolygon> {
  const f: Feature<MultiPolygon> = {
    type: "Feature",
    id: d.proposal.id,
    geometry: d.proposal.geometry,
    properties: {
      proposalId: d.proposal.id,
      version: d.proposal.currentVersion,
      name: d.proposal.name,
      parkId: d.park.id,
      parkName: d.park.name,
      areaMu: d.proposal.areaMu,
      isDemo: d.park.isDemo,
    },
  };
  return { type: "FeatureCollection", features: [f] };
}

/** The pack's tables as an XLSX workbook (indicators, checklist, areas, conflicts, vertex coordinates). */
export function packTablesXlsx(d: PackData): Uint8Array {
  const demo = d.park.isDemo ? "示意数据（非官方）" : "";
  const sheets: Sheet[] = [
    {
      name: "TD-T指标",
      rows: [
        ["指标", "键", "单位", d.park.name, d.zone.name, "目标", demo],
        ...PACK_INDICATORS.map((k) => [
          d.indicators.park[k].name.zh,
          k,
          d.indicators.park[k].unit,
          d.indicators.park[k].value,
          d.indicators.zone[k].value,
          d.indicators.zone[k].target?.target ?? null,
        ]),
      ],
    },
    {
      name: "扩区条件",
      rows: [
        ["范围", "条件", "现状值", "方向", "阈值", "结论"],
        ...(["park", "zone"] as const).flatMap((s) =>
          d.eligibility[s].checklist.items.map((i) => [
            d.eligibility[s].scope.name,
            i.indicator,
            i.value,
            i.direction === "min" ? "≥" : "≤",
            i.threshold,
            i.pass === null ? "无数据" : i.pass ? "达标" : "未达标",
          ]),
        ),
      ],
    },
    {
      name: "地类面积",
      rows: [
        ["现状地类", "面积（亩）"],
        ...Object.entries(d.check.landUseMu).map(([code, mu]) => [landUseLabel(code), mu]),
        ["合计", d.check.areaMu],
      ],
    },
    {
      name: "管控线冲突",
      rows: [
        ["管控线", "冲突面积（亩）"],
        ...Object.entries(d.check.conflictsMu).map(([t, mu]) => [CONSTRAINT_TYPE_ZH[t] ?? t, mu]),
        ["城镇开发边界内比例", d.check.insideBoundaryRatio],
      ],
    },
    {
      name: "界址点坐标",
      rows: [
        ["点号", "地块", "环", "X（北，米）", "Y（东，含带号，米）", `EPSG:${d.gk.epsg}`],
        ...d.gk.vertices.map((v, i) => [`J${i + 1}`, v.part, v.ring, v.xM, v.yM]),
      ],
    },
  ];
  return xlsx(sheets);
}
