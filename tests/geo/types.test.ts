import { describe, expect, test } from "vitest";
import {
  DelayCauseSchema,
  IndustryEditionSchema,
  LandUseEditionSchema,
  PlotStatusSchema,
} from "../../api/schemas/enums.ts";
import { DELAY_CAUSES, INDUSTRY_EDITIONS, LAND_USE_EDITIONS, PLOT_STATUSES } from "../../geo/index.ts";

describe("geo/ value lists match the API's zod enums (one definition in spirit until enums.ts imports geo)", () => {
  test("plot statuses, delay causes and editions", () => {
    expect(PlotStatusSchema.options).toEqual([...PLOT_STATUSES]);
    expect(DelayCauseSchema.options).toEqual([...DELAY_CAUSES]);
    expect(IndustryEditionSchema.options).toEqual([...INDUSTRY_EDITIONS]);
    expect(LandUseEditionSchema.options).toEqual([...LAND_USE_EDITIONS]);
  });
});
