import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import { loadMetricsInputs } from "../../api/db/metrics_inputs.ts";
import type { LandZone } from "../../api/schemas/land.ts";
import { shareEnclaveTotals } from "../../geo/benefit_sharing.ts";
import { scaleStats } from "../../geo/economic_indicators.ts";
import { getJson } from "../helpers/api.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

interface Sharing {
  enclaves: Array<{
    parkId: number;
    taxWan: number;
    outputWan: number;
    enterprises: number;
    hostInputRatio: number;
    hostTiltRatio: number;
    tax: { host: { creditedYuan: number }; partner: { creditedYuan: number } };
    output: { host: { creditedYuan: number }; partner: { creditedYuan: number } };
  }>;
}

/**
 * The enclave totals of `GET /api/staff/benefit-sharing` are summed in SQL (api/db/share_agreements.ts);
 * they must equal geo/'s rule — each firm's statistics split over its plots by area (`scaleStats`) — and the
 * shares must equal geo `shareEnclaveTotals` on those totals.
 */
describe.each(ADAPTERS)("benefit-sharing totals: SQL = geo on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
  });
  afterAll(async () => t.cleanup());

  test.each([2020, 2022, 2024])("every Lincang enclave park, %i", async (year) => {
    const zones = (await getJson<LandZone[]>(app, "/api/land/zones")).body;
    const lincang = zones.find((z) => z.parks.some((p) => p.role === "enclave"));
    const { body } = await getJson<Sharing>(
      app,
      `/api/staff/benefit-sharing?zone=${lincang?.id}&year=${year}`,
    );
    expect(body.enclaves).toHaveLength(4);
    for (const e of body.enclaves) {
      const inputs = await loadMetricsInputs(t.db, { park: e.parkId });
      let tax = 0;
      let output = 0;
      const firms = new Set<number>();
      for (const plot of inputs.plots) {
        if (plot.enterpriseId === null) continue;
        const stats = inputs.stats.find((s) => s.enterpriseId === plot.enterpriseId && s.year === year);
        const land = inputs.enterpriseLandAreaM2[plot.enterpriseId];
        if (!stats || !land) continue;
        const share = scaleStats(stats, plot.areaM2 / land);
        tax += share.taxWan ?? 0;
        output += share.outputWan ?? 0;
        firms.add(plot.enterpriseId);
      }
      expect(e.taxWan).toBeCloseTo(tax, 6);
      expect(Math.abs(e.outputWan - output) / output).toBeLessThan(1e-9);
      expect(e.enterprises).toBe(firms.size);
      const geo = shareEnclaveTotals(
        { taxWan: e.taxWan, outputWan: e.outputWan },
        { hostInputRatio: e.hostInputRatio, hostTiltRatio: e.hostTiltRatio },
      );
      expect(e.tax.host.creditedYuan).toBe(geo.tax.host.creditedYuan);
      expect(e.output.partner.creditedYuan).toBe(geo.output.partner.creditedYuan);
    }
  });
});
