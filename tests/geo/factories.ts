import type { AnnualStats, EnterpriseRecord, PlotRecord } from "../../geo/index.ts";

/** A plot with every optional field null; override what a test needs. Frozen, so mutation fails. */
export function makePlot(overrides: Partial<PlotRecord> = {}): PlotRecord {
  return Object.freeze({
    id: 1,
    status: "supplied",
    areaM2: 10_000,
    landUseCode: "0601",
    landUseEdition: "GB/T 21010-2017",
    enterpriseId: null,
    landPriceWan: null,
    approvalDate: null,
    supplyDate: null,
    agreedStartDate: null,
    extendedStartDate: null,
    actualStartDate: null,
    developedAreaRatio: null,
    investedExclLandWan: null,
    totalInvestmentExclLandWan: null,
    suspendedSince: null,
    delayCause: null,
    plannedMinFar: null,
    plannedMaxFar: null,
    plannedMinCoverageRatio: null,
    builtFloorAreaM2: null,
    buildingFootprintM2: null,
    structuresYardM2: null,
    ...overrides,
  });
}

/** Statistics with every figure null; override what a test needs. */
export function makeStats(
  enterpriseId: number,
  year: number,
  overrides: Partial<AnnualStats> = {},
): AnnualStats {
  return Object.freeze({
    enterpriseId,
    year,
    outputWan: null,
    valueAddedWan: null,
    taxWan: null,
    revenueWan: null,
    fixedAssetInvestmentWan: null,
    energyTce: null,
    emissionsT: null,
    electricityKwh: null,
    employees: null,
    rndWan: null,
    ...overrides,
  });
}

/** An enterprise (2017 edition, not high-tech, above scale) with overrides. */
export function makeEnterprise(id: number, overrides: Partial<EnterpriseRecord> = {}): EnterpriseRecord {
  return Object.freeze({
    id,
    industryCode: "3216",
    industryEdition: "GB/T 4754-2017",
    isHighTech: false,
    isAboveScale: true,
    ...overrides,
  });
}
