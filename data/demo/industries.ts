/**
 * Industry catalogue of the demo: codes after GB/T 4754-2017 (with a 2002 crosswalk where the
 * 2002 code is known), the minimum FAR of the 2008 land-control indicators by 2002 division, and
 * rough per-industry intensities that shape the illustrative statistics. All numbers are
 * illustrative defaults, not official figures.
 * @see ../../../shared/domain.md §9 (FAR minima by GB/T 4754-2002 division), §11 (land-use codes)
 */

/** One industry the demo's firms can belong to. */
export interface Industry {
  readonly key: string;
  /** GB/T 4754-2017 (and -2011, identical for these classes) class code. */
  readonly code: string;
  /** GB/T 4754-2002 class code, or null when no clean 1:1 crosswalk is known. */
  readonly code2002: string | null;
  /** GB/T 21010-2017 land use: 0601 industry, 0604 warehousing, 0809 utilities, 0505 business. */
  readonly landUse: "0601" | "0604" | "0809" | "0505";
  /** 2023 用地用海 class, or null when plots of this industry keep the 2017 code. */
  readonly landUse2023: "100101" | "100102" | "100103" | "110101" | null;
  /** Words for the firm name (zh / en), chosen pairwise. */
  readonly nounZh: readonly string[];
  readonly nounEn: readonly string[];
  /** Minimum FAR of 国土资发〔2008〕24号 for the 2002 division (0.8 for warehouses: local default). */
  readonly minFar: number;
  /** Median output per 亩 of a running plot, 万元/亩. */
  readonly outputPerMuWan: number;
  /** Fixed-asset investment excluding land, 万元/亩. */
  readonly investPerMuWan: number;
  /** Energy use per 万元 of output, tce. */
  readonly energyTcePerWan: number;
  /** Share of energy bought as electricity (1 tce = 8,137 kWh at 0.1229 kgce/kWh). */
  readonly elecShare: number;
  /** Value added per tonne of main pollutants, 万元/t. */
  readonly vaPerEmissionTWan: number;
  /** Output per employee, 万元/person. */
  readonly outputPerEmployeeWan: number;
  /** Probability that a firm is a certified high-tech enterprise. */
  readonly highTechP: number;
}

type Row = [
  key: string,
  code: string,
  code2002: string | null,
  landUse: Industry["landUse"],
  landUse2023: Industry["landUse2023"],
  nounZh: string,
  nounEn: string,
  minFar: number,
  outputPerMuWan: number,
  investPerMuWan: number,
  energyTcePerWan: number,
  elecShare: number,
  vaPerEmissionTWan: number,
  outputPerEmployeeWan: number,
  highTechP: number,
];

// biome-ignore format: one industry per line reads as a table
const ROWS: Row[] = [
  ["tcm", "2740", "2740", "0601", "100101", "三七药业|中药|制药", "Sanqi Pharmaceutical|Traditional Medicine|Pharmaceutical", 0.7, 260, 300, 0.03, 0.5, 6000, 120, 0.35],
  ["tcm_pieces", "2730", "2730", "0601", "100101", "中药饮片|药材加工", "TCM Decoction Pieces|Herb Processing", 0.7, 200, 220, 0.04, 0.5, 5000, 90, 0.15],
  ["health_food", "1492", "1491", "0601", "100101", "生物科技|健康产品", "Biotechnology|Health Products", 1.0, 220, 250, 0.04, 0.5, 5000, 100, 0.2],
  ["chem_pharma", "2710", "2710", "0601", "100102", "生物制药|药业", "Biopharmaceutical|Pharmaceutical", 0.7, 300, 350, 0.08, 0.5, 3000, 150, 0.3],
  ["food", "1499", "1499", "0601", "100101", "食品|绿色食品", "Foods|Green Foods", 1.0, 180, 200, 0.06, 0.4, 4000, 70, 0.05],
  ["herb_storage", "5960", "5890", "0604", "110101", "药材物流|药材仓储", "Herbal Logistics|Herbal Warehousing", 0.8, 110, 150, 0.01, 0.8, 20000, 90, 0],
  ["al_smelter", "3216", "3316", "0601", "100103", "铝业|电解铝", "Aluminium|Electrolytic Aluminium", 0.6, 2200, 900, 0.9, 0.95, 300, 900, 0],
  ["al_rolling", "3252", "3352", "0601", "100102", "铝材|铝箔|铝业科技", "Aluminium Products|Aluminium Foil|Aluminium Technology", 0.6, 420, 400, 0.12, 0.6, 2500, 350, 0.2],
  ["al_alloy", "3240", "3340", "0601", "100102", "新材料|合金材料", "New Materials|Alloy Materials", 0.6, 450, 400, 0.15, 0.6, 1500, 400, 0.25],
  ["metal_struct", "3311", "3411", "0601", "100102", "金属结构|钢结构", "Metal Structures|Steel Structures", 0.7, 260, 250, 0.05, 0.5, 4000, 150, 0.05],
  ["carbon", "3091", "3191", "0601", "100103", "炭素|碳材料", "Carbon|Carbon Materials", 0.7, 600, 500, 0.8, 0.3, 250, 400, 0.1],
  ["germanium", "3239", "3339", "0601", "100102", "锗材料科技|稀散金属", "Germanium Materials Technology|Rare Metals", 0.6, 380, 400, 0.35, 0.7, 1200, 250, 0.6],
  ["kaolin", "3099", "3199", "0601", "100102", "高岭土新材料|矿物材料", "Kaolin New Materials|Mineral Materials", 0.7, 200, 250, 0.45, 0.4, 900, 150, 0.2],
  ["electronic_materials", "3985", null, "0601", "100101", "电子材料|半导体材料", "Electronic Materials|Semiconductor Materials", 1.0, 350, 450, 0.08, 0.8, 5000, 200, 0.4],
  ["pv", "3825", null, "0601", "100101", "光伏科技|新能源", "Photovoltaic Technology|New Energy", 0.7, 400, 500, 0.07, 0.85, 4000, 300, 0.35],
  ["tea", "1530", "1530", "0601", "100101", "茶业|滇红茶业", "Tea|Dianhong Tea", 1.0, 110, 150, 0.05, 0.5, 5000, 40, 0.08],
  ["tea_drinks", "1529", "1529", "0601", "100101", "茶饮品|饮品", "Tea Beverages|Beverages", 1.0, 150, 180, 0.05, 0.5, 4000, 60, 0.05],
  ["nuts", "1373", "1370", "0601", "100101", "坚果食品|农产品开发", "Nut Foods|Agricultural Products", 1.0, 130, 150, 0.05, 0.5, 4000, 50, 0.08],
  ["sugar", "1340", "1340", "0601", "100102", "糖业|蔗糖", "Sugar|Cane Sugar", 1.0, 160, 200, 0.25, 0.3, 800, 90, 0.02],
  ["wood", "2011", "2011", "0601", "100102", "木业|林产品", "Wood Products|Forest Products", 0.8, 120, 120, 0.08, 0.6, 3000, 60, 0],
  ["cement_products", "3021", "3131", "0601", "100102", "建材|新型建材", "Building Materials|New Building Materials", 0.7, 150, 150, 0.3, 0.4, 800, 80, 0],
  ["logistics", "5990", "5890", "0604", "110101", "物流|仓储|供应链管理", "Logistics|Warehousing|Supply Chain Management", 0.8, 100, 150, 0.01, 0.8, 20000, 90, 0.02],
  ["utility_water", "4610", "4610", "0809", null, "水务|供水", "Water|Water Supply", 0.5, 60, 300, 0.15, 0.9, 3000, 100, 0],
  ["park_services", "7221", null, "0505", null, "园区运营管理|园区服务", "Park Operation and Management|Park Services", 1.0, 80, 300, 0.01, 0.8, 20000, 60, 0],
];

const split = (s: string) => s.split("|");

/** All industries of the demo, by key. */
export const INDUSTRIES: ReadonlyMap<string, Industry> = new Map(
  ROWS.map((r) => [
    r[0],
    {
      key: r[0],
      code: r[1],
      code2002: r[2],
      landUse: r[3],
      landUse2023: r[4],
      nounZh: split(r[5]),
      nounEn: split(r[6]),
      minFar: r[7],
      outputPerMuWan: r[8],
      investPerMuWan: r[9],
      energyTcePerWan: r[10],
      elecShare: r[11],
      vaPerEmissionTWan: r[12],
      outputPerEmployeeWan: r[13],
      highTechP: r[14],
    },
  ]),
);

/** Looks an industry up by key; throws on an unknown key (a programming error in the specs). */
export function industry(key: string): Industry {
  const i = INDUSTRIES.get(key);
  if (i === undefined) throw new Error(`unknown industry ${key}`);
  return i;
}
