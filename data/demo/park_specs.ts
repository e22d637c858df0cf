/**
 * The eight demo parks: real names and approximate town locations (domain.md §12), invented layouts.
 * Sizes follow §12 where a public figure exists (三七 23.4 km², 砚山 8,043 亩); the rest are guesses.
 */
import { M2_PER_MU } from "../../geo/units.ts";
import type { LngLat, Xy } from "./local_frame.ts";

/** Street-grid parameters of a park's developed area, metres. */
export interface GridSpec {
  /** Rotation of the grid, degrees counter-clockwise from east. */
  readonly angleDeg: number;
  readonly blockMinM: number;
  readonly blockMaxM: number;
  readonly roadMinM: number;
  readonly roadMaxM: number;
  /** Every n-th road is a 40 m trunk road. */
  readonly trunkEvery: number;
  /** Blocks keep at least this distance from the park boundary. */
  readonly marginM: number;
}

/** Share of plots per status; the remainder goes to `built`. */
export interface StatusMix {
  readonly under_construction: number;
  readonly supplied: number;
  readonly approved_unsupplied: number;
  readonly available: number;
  readonly reclaimed: number;
}

/** Everything the generator needs to lay out one park. */
export interface ParkSpec {
  readonly code: string;
  readonly zoneCode: string;
  readonly name: string;
  readonly nameEn: string;
  readonly role: "core" | "park" | "enclave";
  readonly hostCounty: string;
  readonly hostCountyEn: string;
  readonly hostAdcode: string;
  /** 地籍区 + 地籍子区 (3 + 3 digits) of the plot codes. */
  readonly cadastralDistrict: string;
  /** Company-name prefix (place) zh / en. */
  readonly firmPrefix: readonly [string, string];
  readonly leadingIndustries: readonly string[];
  readonly leadingIndustriesEn: readonly string[];
  readonly approvedAreaM2: number | null;
  readonly gkEpsg: number;
  readonly partnerParkCode: string | null;
  readonly partnerName: string | null;
  readonly hostBenefitShareRatio: number | null;
  /** Approximate centre of the park, `[lng, lat]`. */
  readonly center: LngLat;
  readonly boundaryAreaM2: number;
  /** Irregularity of the boundary (sum of harmonic amplitudes). */
  readonly wobble: number;
  readonly grid: GridSpec;
  /** Plot sizes in 亩: the subdivision aims at `target` and keeps within [min, max] where it can. */
  readonly plotMu: { readonly min: number; readonly target: number; readonly max: number };
  readonly targetPlots: number;
  /** Where development started, metres from the centre: blocks nearest to it are plotted first. */
  readonly devOrigin: Xy;
  /** Industry keys with weights (see industries.ts). */
  readonly industries: readonly (readonly [string, number])[];
  /** Multiplier on each industry's median output per 亩. */
  readonly outputFactor: number;
  /** Number of electrolytic-aluminium smelter plots (merged blocks of ≥ 1,000 亩). */
  readonly smelters: number;
  readonly statusMix: StatusMix;
  /** One supplied plot whose start is delayed for this exempting cause (闲置土地处置办法 art. 8), or null. */
  readonly exemptCause: "government" | "force_majeure" | null;
  /** Industries given to one built plot each besides the weighted mix (utilities, park services). */
  readonly specialIndustries: readonly string[];
  /** When set, unsupplied statuses go to the smallest outer plots so that about this share of plotted area stays unsupplied. */
  readonly unsuppliedAreaShare: number | null;
}

const DEFAULT_MIX: StatusMix = {
  under_construction: 0.1,
  supplied: 0.11,
  approved_unsupplied: 0.08,
  available: 0.1,
  reclaimed: 0.03,
};
const ENCLAVE = {
  role: "enclave" as const,
  zoneCode: "lincang-hitech",
  gkEpsg: 4521,
  approvedAreaM2: null,
  partnerParkCode: "lincang-core",
  partnerName: "临沧高新区管委会",
  // Tilted toward the host county (临办发〔2019〕5号 asks for a host tilt; 0.6 is a configurable default).
  hostBenefitShareRatio: 0.6,
  wobble: 0.3,
  plotMu: { min: 20, target: 38, max: 100 },
  targetPlots: 46,
  smelters: 0,
  statusMix: DEFAULT_MIX,
  unsuppliedAreaShare: null,
  outputFactor: 0.85,
  exemptCause: null,
  specialIndustries: [],
};
const grid = (angleDeg: number, blockMinM: number, blockMaxM: number): GridSpec => ({
  angleDeg,
  blockMinM,
  blockMaxM,
  roadMinM: 20,
  roadMaxM: 30,
  trunkEvery: 3,
  marginM: 30,
});

/** The demo parks, in display order. */
export const PARK_SPECS: readonly ParkSpec[] = [
  {
    code: "wenshan-sanqi",
    zoneCode: "wenshan-hitech",
    name: "文山三七药物产业园区",
    nameEn: "Wenshan Sanqi (Panax notoginseng) Pharmaceutical Industrial Park",
    role: "park",
    hostCounty: "文山市",
    hostCountyEn: "Wenshan City",
    hostAdcode: "532601",
    cadastralDistrict: "003001",
    firmPrefix: ["文山", "Wenshan"],
    leadingIndustries: ["三七生物医药", "大健康产品", "中药饮片"],
    leadingIndustriesEn: ["Sanqi biomedicine", "Health products", "TCM decoction pieces"],
    approvedAreaM2: 23.4e6,
    gkEpsg: 4523,
    partnerParkCode: null,
    partnerName: null,
    hostBenefitShareRatio: null,
    center: [104.212, 23.346],
    boundaryAreaM2: 23.4e6,
    wobble: 0.35,
    grid: grid(12, 220, 420),
    plotMu: { min: 20, target: 60, max: 150 },
    targetPlots: 150,
    devOrigin: [1500, 1300],
    industries: [
      ["tcm", 0.32],
      ["tcm_pieces", 0.18],
      ["health_food", 0.15],
      ["chem_pharma", 0.07],
      ["food", 0.1],
      ["herb_storage", 0.1],
      ["logistics", 0.08],
    ],
    outputFactor: 1,
    smelters: 0,
    statusMix: DEFAULT_MIX,
    unsuppliedAreaShare: null,
    exemptCause: "government",
    specialIndustries: ["utility_water", "park_services"],
  },
  {
    code: "wenshan-matang",
    zoneCode: "wenshan-hitech",
    name: "马塘工业园区",
    nameEn: "Matang Industrial Park",
    role: "park",
    hostCounty: "文山市",
    hostCountyEn: "Wenshan City",
    hostAdcode: "532601",
    cadastralDistrict: "011002",
    firmPrefix: ["文山", "Wenshan"],
    leadingIndustries: ["绿色铝材精深加工", "新材料", "现代物流"],
    leadingIndustriesEn: ["Green aluminium processing", "New materials", "Modern logistics"],
    approvedAreaM2: null,
    gkEpsg: 4523,
    partnerParkCode: null,
    partnerName: null,
    hostBenefitShareRatio: null,
    center: [104.4, 23.42],
    boundaryAreaM2: 12.5e6,
    wobble: 0.35,
    grid: grid(-8, 260, 560),
    plotMu: { min: 30, target: 100, max: 400 },
    targetPlots: 110,
    devOrigin: [-900, 300],
    industries: [
      ["al_rolling", 0.3],
      ["al_alloy", 0.15],
      ["metal_struct", 0.15],
      ["carbon", 0.05],
      ["cement_products", 0.05],
      ["logistics", 0.25],
      ["food", 0.05],
    ],
    outputFactor: 1,
    smelters: 0,
    statusMix: DEFAULT_MIX,
    unsuppliedAreaShare: null,
    exemptCause: null,
    specialIndustries: ["utility_water"],
  },
  {
    code: "wenshan-yanshan",
    zoneCode: "wenshan-hitech",
    name: "砚山工业园区",
    nameEn: "Yanshan Industrial Park",
    role: "park",
    hostCounty: "砚山县",
    hostCountyEn: "Yanshan County",
    hostAdcode: "532622",
    cadastralDistrict: "002004",
    firmPrefix: ["砚山", "Yanshan"],
    leadingIndustries: ["绿色铝(电解铝)", "铝精深加工"],
    leadingIndustriesEn: ["Green aluminium (electrolytic)", "Aluminium deep processing"],
    approvedAreaM2: 8043 * M2_PER_MU,
    gkEpsg: 4523,
    partnerParkCode: null,
    partnerName: null,
    hostBenefitShareRatio: null,
    center: [104.342, 23.604],
    boundaryAreaM2: 8043 * M2_PER_MU,
    wobble: 0.25,
    grid: grid(20, 190, 380),
    plotMu: { min: 30, target: 40, max: 300 },
    targetPlots: 90,
    devOrigin: [0, 0],
    industries: [
      ["al_rolling", 0.45],
      ["al_alloy", 0.2],
      ["carbon", 0.15],
      ["logistics", 0.15],
      ["metal_struct", 0.05],
    ],
    outputFactor: 1,
    smelters: 2,
    statusMix: {
      under_construction: 0.08,
      supplied: 0.1,
      approved_unsupplied: 0.05,
      available: 0.05,
      reclaimed: 0.02,
    },
    unsuppliedAreaShare: 0.07,
    exemptCause: null,
    specialIndustries: [],
  },
  {
    code: "lincang-core",
    zoneCode: "lincang-hitech",
    name: "临沧高新区核心区(含东拓片区)",
    nameEn: "Lincang High-tech Zone Core Area (incl. East Extension)",
    role: "core",
    hostCounty: "临翔区",
    hostCountyEn: "Linxiang District",
    hostAdcode: "530902",
    cadastralDistrict: "005002",
    firmPrefix: ["临沧", "Lincang"],
    leadingIndustries: ["锗材料", "高岭土新材料", "生物资源制药", "绿色食品", "电子商务与物流"],
    leadingIndustriesEn: [
      "Germanium materials",
      "Kaolin new materials",
      "Bio-resource pharmaceuticals",
      "Green food",
      "E-commerce and logistics",
    ],
    approvedAreaM2: null,
    gkEpsg: 4521,
    partnerParkCode: null,
    partnerName: null,
    hostBenefitShareRatio: null,
    center: [100.105, 23.874],
    boundaryAreaM2: 10e6,
    wobble: 0.3,
    grid: grid(5, 220, 440),
    plotMu: { min: 20, target: 55, max: 200 },
    targetPlots: 120,
    devOrigin: [-1300, 0],
    industries: [
      ["germanium", 0.13],
      ["kaolin", 0.12],
      ["electronic_materials", 0.05],
      ["tcm", 0.12],
      ["health_food", 0.08],
      ["food", 0.12],
      ["nuts", 0.08],
      ["tea", 0.05],
      ["logistics", 0.25],
    ],
    outputFactor: 1,
    smelters: 0,
    statusMix: DEFAULT_MIX,
    unsuppliedAreaShare: null,
    exemptCause: "force_majeure",
    specialIndustries: ["park_services", "utility_water"],
  },
  {
    ...ENCLAVE,
    code: "lincang-yunxian",
    name: "云县新材料光伏产业园",
    nameEn: "Yunxian New Materials and Photovoltaic Industrial Park",
    hostCounty: "云县",
    hostCountyEn: "Yun County",
    hostAdcode: "530922",
    cadastralDistrict: "004003",
    firmPrefix: ["云县", "Yunxian"],
    leadingIndustries: ["新材料", "光伏"],
    leadingIndustriesEn: ["New materials", "Photovoltaics"],
    center: [100.134, 24.436],
    boundaryAreaM2: 3.4e6,
    grid: grid(-15, 200, 380),
    devOrigin: [-500, 200],
    industries: [
      ["pv", 0.35],
      ["electronic_materials", 0.2],
      ["al_alloy", 0.1],
      ["cement_products", 0.1],
      ["food", 0.1],
      ["logistics", 0.15],
    ],
    outputFactor: 1,
    exemptCause: "government",
    specialIndustries: [],
  },
  {
    ...ENCLAVE,
    code: "lincang-fengqing",
    name: "凤庆滇红生态产业园",
    nameEn: "Fengqing Dianhong Tea Eco-industrial Park",
    hostCounty: "凤庆县",
    hostCountyEn: "Fengqing County",
    hostAdcode: "530921",
    cadastralDistrict: "006001",
    firmPrefix: ["凤庆", "Fengqing"],
    leadingIndustries: ["滇红茶", "生态食品"],
    leadingIndustriesEn: ["Dianhong black tea", "Ecological food"],
    center: [99.936, 24.574],
    boundaryAreaM2: 3.0e6,
    grid: grid(25, 200, 360),
    devOrigin: [-400, 300],
    industries: [
      ["tea", 0.45],
      ["tea_drinks", 0.15],
      ["nuts", 0.15],
      ["food", 0.1],
      ["logistics", 0.15],
    ],
    outputFactor: 0.8,
  },
  {
    ...ENCLAVE,
    code: "lincang-zhenkang",
    name: "镇康边境特色工业园",
    nameEn: "Zhenkang Border Specialty Industrial Park",
    hostCounty: "镇康县",
    hostCountyEn: "Zhenkang County",
    hostAdcode: "530924",
    cadastralDistrict: "001005",
    firmPrefix: ["镇康", "Zhenkang"],
    leadingIndustries: ["边贸加工", "农产品加工", "建材"],
    leadingIndustriesEn: ["Border-trade processing", "Farm-produce processing", "Building materials"],
    center: [98.842, 23.784],
    boundaryAreaM2: 2.9e6,
    grid: grid(-5, 200, 360),
    devOrigin: [-300, -200],
    industries: [
      ["sugar", 0.2],
      ["nuts", 0.2],
      ["wood", 0.15],
      ["cement_products", 0.1],
      ["logistics", 0.35],
    ],
  },
  {
    ...ENCLAVE,
    code: "lincang-cangyuan",
    name: "沧源边境工业园",
    nameEn: "Cangyuan Border Industrial Park",
    hostCounty: "沧源佤族自治县",
    hostCountyEn: "Cangyuan Va Autonomous County",
    hostAdcode: "530927",
    cadastralDistrict: "002002",
    firmPrefix: ["沧源", "Cangyuan"],
    leadingIndustries: ["边境特色加工", "制糖", "建材"],
    leadingIndustriesEn: ["Border specialty processing", "Sugar", "Building materials"],
    center: [99.258, 23.156],
    boundaryAreaM2: 2.8e6,
    grid: grid(10, 200, 360),
    devOrigin: [200, -300],
    industries: [
      ["sugar", 0.25],
      ["tea", 0.1],
      ["food", 0.15],
      ["cement_products", 0.15],
      ["wood", 0.1],
      ["logistics", 0.25],
    ],
  },
];
