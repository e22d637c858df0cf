import type { AggregateInput } from "../../geo/index.ts";
import { makeEnterprise, makePlot, makeStats } from "./factories.ts";

/**
 * A 10-plot fixture park for 2024 (as of 2024-12-31) whose aggregates are computed by hand in
 * aggregate.test.ts. Areas are chosen so that 亩 are whole: m² × 15 / 10,000.
 *
 * | plot | status | use | m² | 亩 | firm | notes |
 * |---|---|---|---|---|---|---|
 * | 1 | built | 0601 | 20,000 | 30 | E101 HT | floor 16,000, footprint 9,000, yards 3,000 |
 * | 2 | built | 0601 | 40,000 | 60 | E102 | floor 28,000, footprint 14,000, yards 6,000 |
 * | 3 | built | 100101 (2023 ed.) | 10,000 | 15 | E103 HT | floor 12,000, footprint 5,000, yards 1,000 |
 * | 4 | built | 0505 (commerce) | 6,000 | 9 | — | floor *missing*, footprint 2,400, yards 0 |
 * | 5 | under_construction | 0601 | 30,000 | 45 | E105 | started 2023-05-01, not suspended |
 * | 6 | supplied | 0604 | 8,000 | 12 | E102 | agreed start 2023-06-30 → idle 1 year, fee 24 |
 * | 7 | available | 0601 | 50,000 | 75 | — | |
 * | 8 | approved_unsupplied | 0601 | 100,000 | 150 | — | approved 2021-01-01 |
 * | 9 | reclaimed | 0601 | 12,000 | 18 | — | supplied 2019 |
 * | 10 | supplied | 0601 | 4,000 | 6 | — | no agreed start date → idle undetermined |
 *
 * E102 holds plots 2 and 6 (48,000 m²): plot 2 gets 40,000/48,000 = 5/6 of its statistics.
 * E103 reported no 2024 statistics (only 2023 investment).
 */
export const FIXTURE_PARK: AggregateInput = {
  year: 2024,
  plots: [
    makePlot({
      id: 1,
      status: "built",
      areaM2: 20_000,
      enterpriseId: 101,
      builtFloorAreaM2: 16_000,
      buildingFootprintM2: 9_000,
      structuresYardM2: 3_000,
      supplyDate: "2015-05-01",
    }),
    makePlot({
      id: 2,
      status: "built",
      areaM2: 40_000,
      enterpriseId: 102,
      builtFloorAreaM2: 28_000,
      buildingFootprintM2: 14_000,
      structuresYardM2: 6_000,
      supplyDate: "2016-03-01",
    }),
    makePlot({
      id: 3,
      status: "built",
      areaM2: 10_000,
      landUseCode: "100101",
      landUseEdition: "国土空间调查、规划、用途管制用地用海分类指南(2023)",
      enterpriseId: 103,
      builtFloorAreaM2: 12_000,
      buildingFootprintM2: 5_000,
      structuresYardM2: 1_000,
      supplyDate: "2022-07-01",
    }),
    makePlot({
      id: 4,
      status: "built",
      areaM2: 6_000,
      landUseCode: "0505",
      builtFloorAreaM2: null,
      buildingFootprintM2: 2_400,
      structuresYardM2: 0,
      supplyDate: "2018-01-01",
    }),
    makePlot({
      id: 5,
      status: "under_construction",
      areaM2: 30_000,
      enterpriseId: 105,
      agreedStartDate: "2023-04-01",
      actualStartDate: "2023-05-01",
      supplyDate: "2023-01-10",
    }),
    makePlot({
      id: 6,
      status: "supplied",
      areaM2: 8_000,
      landUseCode: "0604",
      enterpriseId: 102,
      agreedStartDate: "2023-06-30",
      landPriceWan: 120,
      supplyDate: "2022-12-20",
    }),
    makePlot({ id: 7, status: "available", areaM2: 50_000 }),
    makePlot({ id: 8, status: "approved_unsupplied", areaM2: 100_000, approvalDate: "2021-01-01" }),
    makePlot({ id: 9, status: "reclaimed", areaM2: 12_000, supplyDate: "2019-04-01" }),
    makePlot({ id: 10, status: "supplied", areaM2: 4_000, supplyDate: "2024-03-01" }),
  ],
  enterprises: [
    makeEnterprise(101, { isHighTech: true }),
    makeEnterprise(102, { industryCode: "2740" }),
    makeEnterprise(103, { isHighTech: true, isAboveScale: false, industryCode: "3982" }),
    makeEnterprise(105),
  ],
  stats: [
    makeStats(101, 2022, { fixedAssetInvestmentWan: 3_000 }),
    makeStats(101, 2023, { fixedAssetInvestmentWan: 1_500 }),
    makeStats(101, 2024, { outputWan: 30_000, taxWan: 900, fixedAssetInvestmentWan: 500 }),
    makeStats(101, 2025, { outputWan: 99_999, taxWan: 99_999, fixedAssetInvestmentWan: 99_999 }), // after the year: ignored
    makeStats(102, 2023, { fixedAssetInvestmentWan: 2_000 }),
    makeStats(102, 2024, { outputWan: 24_000, taxWan: 600, fixedAssetInvestmentWan: 1_000 }),
    makeStats(103, 2023, { fixedAssetInvestmentWan: 800 }),
    makeStats(105, 2024, { outputWan: 1_000, taxWan: 50, fixedAssetInvestmentWan: 9_000 }),
  ],
};
