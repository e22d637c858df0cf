import type { AggregateKey } from "../../geo/aggregate.ts";

/** How an aggregate is presented: unit and wording (the formula itself lives in geo/aggregate.ts). */
export interface IndicatorInfo {
  unit: string;
  name: { zh: string; en: string };
  definition: { zh: string; en: string };
}

const info = (unit: string, zh: string, en: string, defZh: string, defEn: string): IndicatorInfo => ({
  unit,
  name: { zh, en },
  definition: { zh: defZh, en: defEn },
});

/**
 * Units and definitions of every park/zone figure, after TD/T 1029 (codes A, A2, B21, D, E, G as in
 * docs/decisions/0003). Rates are fractions (1 = 100 %).
 */
export const INDICATOR_CATALOGUE: Record<AggregateKey, IndicatorInfo> = {
  areaMu: info("亩", "宗地总面积", "total plot area", "登记宗地面积之和", "sum of registered plot areas"),
  supplyReadyMu: info("亩", "具备供地条件面积", "supply-ready land", "A + B21", "A + B21"),
  suppliedMu: info(
    "亩",
    "已供应面积",
    "supplied land",
    "D：已供、在建、已建成宗地",
    "D: supplied, under construction and built plots",
  ),
  builtMu: info("亩", "已建成面积", "built-up land", "A：已建成宗地", "A: built plots"),
  idleMu: info(
    "亩",
    "闲置土地面积",
    "idle land",
    "G：按2012年办法认定的闲置宗地",
    "G: plots idle under the 2012 measures",
  ),
  approvedUnsuppliedMu: info(
    "亩",
    "批而未供面积",
    "approved but unsupplied",
    "已批准未供应宗地",
    "approved plots not yet supplied",
  ),
  availableMu: info("亩", "可供地面积", "available land", "状态为可供的宗地", "plots with status available"),
  suppliableMu: info(
    "亩",
    "尚可供应面积",
    "suppliable land",
    "E：可供及收回宗地",
    "E: available and reclaimed plots",
  ),
  industrialMu: info(
    "亩",
    "工业用地面积",
    "industrial land",
    "A2：已建成工业及仓储宗地",
    "A2: built industrial and storage plots",
  ),
  developmentRate: info("", "土地开发率", "development rate", "(A+B21)/(A+B)", "(A+B21)/(A+B)"),
  supplyRate: info("", "土地供应率", "supply rate", "D/(A+B21)", "D/(A+B21)"),
  builtRate: info("", "土地建成率", "built rate", "A/D", "A/D"),
  industrialLandRate: info("", "工业用地率", "industrial land rate", "A2/A", "A2/A"),
  far: info("", "综合容积率", "floor area ratio", "建筑面积/A", "floor area / A"),
  buildingDensity: info("", "建筑密度", "building density", "建筑基底面积/A", "footprint / A"),
  industrialFar: info(
    "",
    "工业用地综合容积率",
    "industrial FAR",
    "工业建筑面积/A2",
    "industrial floor area / A2",
  ),
  industrialCoverage: info(
    "",
    "工业用地建筑系数",
    "industrial coverage",
    "(建筑物+构筑物+堆场)/A2",
    "(buildings + structures + yards) / A2",
  ),
  investmentPerMuWan: info(
    "万元/亩",
    "工业用地固定资产投入强度",
    "fixed-asset investment per mu",
    "累计工业固定资产投资/A2",
    "cumulative industrial fixed-asset investment / A2",
  ),
  investmentPerHaWan: info(
    "万元/公顷",
    "工业用地固定资产投入强度",
    "fixed-asset investment per ha",
    "累计工业固定资产投资/A2",
    "cumulative industrial fixed-asset investment / A2",
  ),
  taxPerMuWan: info("万元/亩", "工业用地地均税收", "tax per mu", "工业税收/A2", "industrial tax / A2"),
  taxPerHaWan: info("万元/公顷", "工业用地地均税收", "tax per ha", "工业税收/A2", "industrial tax / A2"),
  outputPerMuWan: info(
    "万元/亩",
    "工业用地产出强度",
    "output per mu",
    "工业总产值/A2",
    "industrial output value / A2",
  ),
  highTechLandRate: info(
    "",
    "高新技术产业用地率",
    "high-tech land rate",
    "高新技术企业用地/A",
    "land of high-tech firms / A",
  ),
  idleRate: info("", "土地闲置率", "idle rate", "G/D", "G/D"),
};
