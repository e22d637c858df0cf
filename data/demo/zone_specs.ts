/**
 * The two demo zones, their targets and the host counties whose rough outlines the demo draws.
 * Targets quote the policy documents of domain.md §2; values marked "configurable default" are not law.
 */
import type { ZoneTarget } from "../../api/schemas/demo_dataset.ts";
import type { LngLat } from "./local_frame.ts";

/** Zone-level facts of the demo. */
export interface ZoneSpec {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly province: string;
  readonly level: "national" | "provincial";
  readonly policyProfile: string;
  readonly targets: readonly ZoneTarget[];
}

const WENSHAN_SRC = "文政发〔2022〕34号 (Wenshan implementation opinion, 2022)";
const LINCANG_SRC = "临办发〔2019〕5号 (Lincang implementation opinion, 2019), 2020 goals";
const OUTPUT_PER_MU_SRC =
  "黔科领发〔2021〕1号 (Guizhou plan: 300万元/亩 for provincial zones by 2025); configurable default here";

/** The demo zones, in display order. */
export const ZONE_SPECS: readonly ZoneSpec[] = [
  {
    code: "wenshan-hitech",
    name: "文山高新区",
    nameEn: "Wenshan High-tech Zone",
    province: "云南省",
    level: "provincial",
    policyProfile: "wenshan_2022",
    targets: [
      {
        indicator: "industrialOutputWan",
        target: 25_000_000,
        unit: "万元",
        year: 2025,
        direction: "min",
        source: `${WENSHAN_SRC}: 工业总产值2500亿元`,
      },
      {
        indicator: "highTechEnterprises",
        target: 50,
        unit: "count",
        year: 2025,
        direction: "min",
        source: `${WENSHAN_SRC}: 高新技术企业≥50家`,
      },
      {
        indicator: "aboveScaleRevenueWan",
        target: 19_000_000,
        unit: "万元",
        year: 2025,
        direction: "min",
        source: `${WENSHAN_SRC}: 规上营业收入≥1900亿元`,
      },
      {
        indicator: "highTechOutputShare",
        target: 0.4,
        unit: "ratio",
        year: 2025,
        direction: "min",
        source: `${WENSHAN_SRC}: 高新技术产业产值占规上工业≥40%`,
      },
      {
        indicator: "newInnovationCarriers",
        target: 10,
        unit: "count",
        year: 2025,
        direction: "min",
        source: `${WENSHAN_SRC}: 新增创新载体≥10个`,
      },
      {
        indicator: "rndGrowthRate",
        target: 0.167,
        unit: "ratio",
        year: 2025,
        direction: "min",
        source: `${WENSHAN_SRC}: 研发投入年均增长≥16.7%`,
      },
      {
        indicator: "outputPerMuWan",
        target: 300,
        unit: "万元/亩",
        year: 2025,
        direction: "min",
        source: OUTPUT_PER_MU_SRC,
      },
    ],
  },
  {
    code: "lincang-hitech",
    name: "临沧高新区",
    nameEn: "Lincang High-tech Zone",
    province: "云南省",
    level: "provincial",
    policyProfile: "lincang_2019",
    targets: [
      {
        indicator: "highTechEnterprises",
        target: 30,
        unit: "count",
        year: 2020,
        direction: "min",
        source: `${LINCANG_SRC}: 高新技术企业≥30家`,
      },
      {
        indicator: "leadingIndustryConcentration",
        target: 0.8,
        unit: "ratio",
        year: 2020,
        direction: "min",
        source: `${LINCANG_SRC}: 主导产业集聚度≥80%`,
      },
      {
        indicator: "outputGrowthRate",
        target: 0.15,
        unit: "ratio",
        year: 2020,
        direction: "min",
        source: `${LINCANG_SRC}: 主要经济指标年均增长≥15%`,
      },
      {
        indicator: "highTechValueAddedShareOfCity",
        target: 0.5,
        unit: "ratio",
        year: 2020,
        direction: "min",
        source: `${LINCANG_SRC}: 高新技术产业增加值占全市≥50%`,
      },
      {
        indicator: "rndShareOfGdp",
        target: 0.02,
        unit: "ratio",
        year: 2020,
        direction: "min",
        source: `${LINCANG_SRC}: 研发投入占GDP≥2%`,
      },
      {
        indicator: "outputPerMuWan",
        target: 300,
        unit: "万元/亩",
        year: 2025,
        direction: "min",
        source: OUTPUT_PER_MU_SRC,
      },
    ],
  },
];

/** A host county whose rough outline the demo draws as map context. */
export interface CountySpec {
  readonly zoneCode: string;
  readonly name: string;
  readonly nameEn: string;
  readonly adcode: string;
  /** Centre of the drawn blob (not the seat: border counties are shifted away from the border). */
  readonly outlineCenter: LngLat;
  /** Area of the blob before neighbours clip it, km² (roughly county-sized). */
  readonly areaKm2: number;
}

/** Host counties, approximate. The outlines drawn from these are illustrative blobs, not boundaries. */
// biome-ignore format: one county per line reads as a table
export const COUNTY_SPECS: readonly CountySpec[] = [
  { zoneCode: "wenshan-hitech", name: "文山市", nameEn: "Wenshan City", adcode: "532601", outlineCenter: [104.2, 23.35], areaKm2: 3000 },
  { zoneCode: "wenshan-hitech", name: "砚山县", nameEn: "Yanshan County", adcode: "532622", outlineCenter: [104.35, 23.72], areaKm2: 3800 },
  { zoneCode: "lincang-hitech", name: "临翔区", nameEn: "Linxiang District", adcode: "530902", outlineCenter: [100.1, 23.85], areaKm2: 2650 },
  { zoneCode: "lincang-hitech", name: "云县", nameEn: "Yun County", adcode: "530922", outlineCenter: [100.3, 24.4], areaKm2: 3750 },
  { zoneCode: "lincang-hitech", name: "凤庆县", nameEn: "Fengqing County", adcode: "530921", outlineCenter: [99.85, 24.65], areaKm2: 3450 },
  { zoneCode: "lincang-hitech", name: "镇康县", nameEn: "Zhenkang County", adcode: "530924", outlineCenter: [98.98, 23.85], areaKm2: 2500 },
  { zoneCode: "lincang-hitech", name: "沧源佤族自治县", nameEn: "Cangyuan Va Autonomous County", adcode: "530927", outlineCenter: [99.35, 23.25], areaKm2: 2500 },
];
