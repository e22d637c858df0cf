import type { FeatureCollection, Geometry } from "geojson";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import {
  type LandPlot,
  type LandProperties,
  LandPropertiesSchema,
  type LandZone,
  type ParkProfile,
} from "../../api/schemas/land.ts";
import { type ErrorBody, getJson, sendJson } from "../helpers/api.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

type Land = FeatureCollection<Geometry, LandProperties>;
interface Ranked {
  rank: number;
  plotId: number;
  parkId: number;
  score: number;
  reasons: Array<{ code: string; criterion: string; fit: number | null; zh: string; en: string }>;
  recommendedToAnotherPark: { fromParkId: number; toParkId: number } | null;
}
interface MatchBody {
  zoneId: number;
  candidates: number;
  ranked: Ranked[];
  recommendations: Ranked[];
  excluded: Array<{ plotId: number; reasons: Array<{ code: string }> }>;
}

describe.each(ADAPTERS)("investor portal API on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  /** The investment office: the staff routes need an officer session. */
  let staff: ReturnType<typeof createApp>;
  let zones: LandZone[];
  const park = (zoneIdx: number, nameEnPart: string) => {
    const p = zones[zoneIdx]?.parks.find((x) => x.nameEn.includes(nameEnPart));
    if (!p) throw new Error(`no park ${nameEnPart}`);
    return p;
  };

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = createApp({ db: t.db, log: () => {} });
    staff = await signIn(app, t.db, { role: "investment_officer" });
    zones = (await getJson<LandZone[]>(app, "/api/land/zones")).body;
  });
  afterAll(async () => t.cleanup());

  describe("GET /api/land", () => {
    test("a zone's offered land: available and reclaimed plots only, public properties, every park offering", async () => {
      const zone = zones[0];
      const { status, body } = await getJson<Land>(app, `/api/land?zone=${zone?.id}`);
      expect(status).toBe(200);
      expect(body.features.length).toBe(zone?.parks.reduce((n, p) => n + p.offeredPlots, 0));
      const statuses = await t.db.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM plots pl JOIN parks p ON p.id = pl.park_id
          WHERE p.zone_id = $1 AND status IN ('available', 'reclaimed') GROUP BY status`,
        [zone?.id],
      );
      expect(body.features.length).toBe(statuses.reduce((n, s) => n + s.n, 0));
      for (const f of body.features) {
        LandPropertiesSchema.strict().parse(f.properties);
        expect(["available", "reclaimed"]).toContain(f.properties.status);
        expect(f.properties.floorPricePerMuWan).toBeGreaterThan(0);
        expect(f.properties.floorPriceWan).toBeCloseTo(
          (f.properties.floorPricePerMuWan ?? 0) * f.properties.areaMu,
          6,
        );
      }
      expect(new Set(body.features.map((f) => f.properties.parkId)).size).toBe(zone?.parks.length);
    });

    test("filters combine: park, area range, 标准地, industry keyword, price, investment intensity", async () => {
      const matang = park(0, "Matang");
      const all = (await getJson<Land>(app, `/api/land?park=${matang.id}`)).body.features;
      const q = (s: string) =>
        getJson<Land>(app, `/api/land?park=${matang.id}&${s}`).then((r) => r.body.features);
      const mus = all.map((f) => f.properties.areaMu).sort((a, b) => a - b);
      const mid = mus[Math.floor(mus.length / 2)] ?? 0;
      const big = await q(`minMu=${mid}`);
      expect(big.length).toBe(all.filter((f) => f.properties.areaMu >= mid).length);
      const std = await q("standard=true");
      expect(std.length).toBeGreaterThan(0);
      expect(std.every((f) => f.properties.isStandardLand)).toBe(true);
      expect((await q("standard=false")).length).toBe(all.length - std.length);
      expect((await q("industry=C3252")).length).toBe(all.length); // C32 is a Matang leading industry
      expect((await q("industry=%E9%93%9D")).length).toBe(all.length); // 铝
      expect(await q("industry=C27")).toEqual([]);
      const prices = all.map((f) => f.properties.floorPricePerMuWan ?? 0).sort((a, b) => a - b);
      const cap = prices[2] ?? 0;
      expect((await q(`maxPricePerMuWan=${cap}`)).length).toBe(prices.filter((p) => p <= cap).length);
      const low = await q("investmentPerMuWan=1");
      expect(low.every((f) => (f.properties.standard.minInvestmentPerMuWan ?? 0) <= 1)).toBe(true);
      expect(low.length).toBe(all.length - std.length);
    });

    test("bad filters → 400 naming the field; unknown zone → 404", async () => {
      const r = await getJson<ErrorBody>(app, "/api/land?minMu=50&maxMu=10", "en");
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe("invalid_request");
      expect(r.body.error.message).toContain("minMu");
      expect((await getJson<ErrorBody>(app, "/api/land?standard=yes")).status).toBe(400);
      expect((await getJson<ErrorBody>(app, "/api/land?zone=999999")).body.error.code).toBe("zone_not_found");
    });

    test("pages: limit and offset window the list in its order; total counts every match", async () => {
      type Page = Land & { total: number; limit: number; offset: number };
      const all = (await getJson<Page>(app, "/api/land")).body;
      expect(all.total).toBe(all.features.length);
      expect(all.total).toBeGreaterThan(4);
      expect([all.limit, all.offset]).toEqual([1000, 0]);
      const page = (await getJson<Page>(app, "/api/land?limit=2&offset=3")).body;
      expect(page.features.map((f) => f.id)).toEqual(all.features.slice(3, 5).map((f) => f.id));
      expect([page.total, page.limit, page.offset]).toEqual([all.total, 2, 3]);
      const past = (await getJson<Page>(app, `/api/land?offset=${all.total + 10}`)).body;
      expect([past.features.length, past.total]).toEqual([0, all.total]);
      for (const bad of ["limit=0", "limit=5001", "offset=-1", "limit=2.5"])
        expect((await getJson<ErrorBody>(app, `/api/land?${bad}`)).status, bad).toBe(400);
    });
  });

  test("GET /api/land/:id: 标准地 terms and floor price; a built plot is not on offer (404)", async () => {
    const zone = zones[0];
    const std = (await getJson<Land>(app, `/api/land?zone=${zone?.id}&standard=true`)).body.features[0];
    const { status, body } = await getJson<LandPlot>(app, `/api/land/${std?.id}`);
    expect(status).toBe(200);
    expect(body.standard.minInvestmentPerMuWan).toBeGreaterThan(0);
    expect(body.standard.minFar).toBeLessThanOrEqual(body.standard.maxFar ?? 0);
    expect(body.areaMu).toBeCloseTo(body.areaM2 / (10_000 / 15), 6);
    expect(body.park.transport.highway?.distanceM).toBeGreaterThan(0);
    expect(body.infrastructureNote).toContain("示意");
    const [built] = await t.db.query<{ id: number }>("SELECT id FROM plots WHERE status = 'built' LIMIT 1");
    const miss = await getJson<ErrorBody>(app, `/api/land/${built?.id}`, "en");
    expect(miss.status).toBe(404);
    expect(miss.body.error).toEqual({ code: "land_not_found", message: `Plot ${built?.id} is not on offer` });
  });

  test("GET /api/land/parks/:id: profile with transport; aggregates shown with ≥ 3 firms, suppressed below", async () => {
    const yanshan = park(0, "Yanshan");
    const { body } = await getJson<ParkProfile>(app, `/api/land/parks/${yanshan.id}`);
    expect(body.industryCodes).toContain("C32");
    expect(body.transport.railway?.name).toBeTruthy();
    expect(body.aggregates.suppressed).toBe(false);
    expect(body.aggregates.contributingEnterprises).toBeGreaterThanOrEqual(3);
    expect(body.aggregates.parkOutputPerMuWan).toBeGreaterThan(0);
    expect(body.publicEnterprises.length).toBe(1);
    const cangyuan = park(1, "Cangyuan");
    expect(
      (await getJson<ParkProfile>(app, `/api/land/parks/${cangyuan.id}`)).body.transport.railway,
    ).toBeNull();
    // Leave two firms with land in the park: its aggregates must disappear.
    await t.db.query(
      `UPDATE plots SET enterprise_id = NULL WHERE park_id = $1 AND enterprise_id NOT IN (
         SELECT DISTINCT enterprise_id FROM plots pl JOIN enterprise_stats es USING (enterprise_id)
          WHERE pl.park_id = $1 ORDER BY enterprise_id LIMIT 2)`,
      [cangyuan.id],
    );
    const after = (await getJson<ParkProfile>(app, `/api/land/parks/${cangyuan.id}`)).body.aggregates;
    expect(after).toMatchObject({ suppressed: true, parkOutputPerMuWan: null, parkTaxPerMuWan: null });
    expect(after.contributingEnterprises).toBeLessThanOrEqual(2);
  });

  describe("POST /api/match", () => {
    test("aluminium wanted in the 三七 park: ranked across all parks, aluminium parks recommended instead", async () => {
      const sanqi = park(0, "Sanqi");
      const project = { industry: "C3216", areaMu: 40, investmentWan: 20_000, preferredParkId: sanqi.id };
      const { status, body } = await sendJson<MatchBody>(app, "/api/match", { ...project, limit: 200 });
      expect(status).toBe(200);
      expect(body.zoneId).toBe(zones[0]?.id);
      expect(body.ranked.map((r) => r.rank)).toEqual(body.ranked.map((_, i) => i + 1));
      const scores = body.ranked.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const top = body.ranked[0];
      expect(top?.parkId).not.toBe(sanqi.id);
      expect(top?.reasons.find((r) => r.criterion === "industry")?.code).toBe("industry_leading");
      expect(top?.recommendedToAnotherPark).toEqual({ fromParkId: sanqi.id, toParkId: top?.parkId });
      expect(body.recommendations.length).toBeGreaterThan(0);
      const firstSanqi = body.ranked.findIndex((r) => r.parkId === sanqi.id);
      expect(body.recommendations).toHaveLength(firstSanqi === -1 ? body.ranked.length : firstSanqi);
      expect(
        body.ranked.filter((r) => r.parkId === sanqi.id).every((r) => r.recommendedToAnotherPark === null),
      ).toBe(true);
      // Plots smaller than 0.9 × 40 亩 are excluded, with the reason.
      expect(
        body.excluded.every((e) =>
          e.reasons.some((r) => r.code.startsWith("area_too_small") || r.code === "constraint_overlap"),
        ),
      ).toBe(true);
      expect(body.ranked.length + body.excluded.length).toBe(body.candidates);
    });

    test("tea in 临沧 without a preferred park: the tea park ranks first and nothing is marked as a referral", async () => {
      const body = (
        await sendJson<MatchBody>(app, "/api/match", {
          industry: "tea",
          areaMu: 20,
          investmentWan: 3000,
          zoneId: zones[1]?.id,
          limit: 200,
        })
      ).body;
      const fengqing = park(1, "Fengqing");
      expect(body.ranked[0]?.parkId).toBe(fengqing.id);
      expect(body.ranked.every((r) => r.recommendedToAnotherPark === null)).toBe(true);
      expect(body.ranked[0]?.reasons.find((r) => r.criterion === "industry")?.code).toBe("industry_leading");
    });

    test("invalid bodies → 400; unknown preferred park → 404", async () => {
      const bad = await sendJson<ErrorBody>(
        app,
        "/api/match",
        { industry: "C32", areaMu: -1, investmentWan: 1 },
        { lang: "en" },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain("areaMu");
      expect(
        (await sendJson<ErrorBody>(app, "/api/match", { industry: "C32", areaMu: 1, investmentWan: 1, x: 1 }))
          .status,
      ).toBe(400);
      expect((await sendJson<ErrorBody>(app, "/api/match", "{", { raw: true })).body.error.code).toBe(
        "invalid_json",
      );
      const nf = await sendJson<ErrorBody>(app, "/api/match", {
        industry: "C32",
        areaMu: 1,
        investmentWan: 1,
        preferredParkId: 99999,
      });
      expect(nf.body.error.code).toBe("park_not_found");
    });
  });

  describe("inquiries", () => {
    test("a valid inquiry is stored (201) and the staff list shows it", async () => {
      const offered = (await getJson<Land>(app, `/api/land?zone=${zones[0]?.id}`)).body.features[0];
      const { status, body } = await sendJson<{ id: number; status: string }>(app, "/api/inquiries", {
        plotId: offered?.id,
        contactName: "Nguyen Van A",
        email: "a@example.com",
        country: "Viet Nam",
        message: "We need 30 mu for aluminium profiles.",
        lang: "en",
        areaMu: 30,
      });
      expect(status).toBe(201);
      expect(body.status).toBe("new");
      const list = await getJson<{
        total: number;
        items: Array<{ id: number; parkId: number; plotCode: string }>;
      }>(staff, "/api/staff/inquiries");
      const item = list.body.items.find((i) => i.id === body.id);
      expect(item?.parkId).toBe(offered?.properties.parkId);
      expect(item?.plotCode).toBe(offered?.properties.code);
    });

    test("validation: contact needed, sizes limited, body ≤ 16 kB, only offered plots", async () => {
      const base = { contactName: "张三", message: "想了解标准地", phone: "+86 871 1234567" };
      expect((await sendJson(app, "/api/inquiries", base)).status).toBe(201);
      const noContact = await sendJson<ErrorBody>(
        app,
        "/api/inquiries",
        { ...base, phone: "" },
        { lang: "en" },
      );
      expect(noContact.status).toBe(400);
      expect(noContact.body.error.message).toContain("email");
      const long = await sendJson<ErrorBody>(app, "/api/inquiries", { ...base, message: "x".repeat(4001) });
      expect(long.body.error.code).toBe("invalid_request");
      const huge = await sendJson<ErrorBody>(app, "/api/inquiries", {
        ...base,
        organisation: "y".repeat(20_000),
      });
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe("payload_too_large");
      const [built] = await t.db.query<{ id: number }>("SELECT id FROM plots WHERE status = 'built' LIMIT 1");
      expect(
        (await sendJson<ErrorBody>(app, "/api/inquiries", { ...base, plotId: built?.id })).body.error.code,
      ).toBe("land_not_found");
      expect(
        (await sendJson<ErrorBody>(app, "/api/inquiries", { ...base, email: "not-an-email" })).status,
      ).toBe(400);
    });
  });

  describe("referral ledger and benefit sharing", () => {
    interface Totals {
      parks: Array<{ parkId: number; creditedYuan: number }>;
      zoneTotalYuan: number;
      parkCreditSumYuan: number;
      reconciled: boolean;
    }
    test("2025 credits of the demo ledger, by the agreed 30/70 split, reconcile with the zone total", async () => {
      const zone = zones[0];
      const { body } = await getJson<Totals>(staff, `/api/staff/referrals/totals?zone=${zone?.id}&year=2025`);
      const credited = Object.fromEntries(body.parks.map((p) => [p.parkId, p.creditedYuan]));
      // 38,000 万元 三七 → 马塘 at 0.3; 12,500.55 万元 砚山 → 三七 at 0.3 (demo ledger).
      expect(credited[park(0, "Sanqi").id]).toBe(114_000_000 + 87_503_850);
      expect(credited[park(0, "Matang").id]).toBe(266_000_000);
      expect(credited[park(0, "Yanshan").id]).toBe(37_501_650);
      expect(body.zoneTotalYuan).toBe(380_000_000 + 125_005_500);
      expect(body.parkCreditSumYuan).toBe(body.zoneTotalYuan);
      expect(body.reconciled).toBe(true);
    });

    test("recording a referral uses the zone's default split; parts add up; totals follow", async () => {
      const zone = zones[0];
      const [from, to] = [park(0, "Matang"), park(0, "Sanqi")];
      const created = await sendJson<{
        fromShareRatio: number;
        credit: { totalYuan: number; from: { creditedYuan: number }; to: { creditedYuan: number } };
      }>(staff, "/api/staff/referrals", {
        projectName: "测试项目",
        fromParkId: from.id,
        toParkId: to.id,
        investmentWan: 1000.00005,
        creditYear: 2030,
        referredOn: "2030-01-02",
      });
      expect(created.status).toBe(201);
      expect(created.body.fromShareRatio).toBe(0.3);
      expect(created.body.credit.totalYuan).toBe(10_000_001);
      expect(created.body.credit.from.creditedYuan).toBe(3_000_000);
      expect(created.body.credit.to.creditedYuan).toBe(7_000_001);
      const totals = (await getJson<Totals>(staff, `/api/staff/referrals/totals?zone=${zone?.id}&year=2030`))
        .body;
      expect(totals.zoneTotalYuan).toBe(10_000_001);
      expect(totals.reconciled).toBe(true);
      const list = (await getJson<unknown[]>(staff, `/api/staff/referrals?zone=${zone?.id}&year=2030`)).body;
      expect(list).toHaveLength(1);
    });

    test("referral errors: same park, parks of two zones, unknown park", async () => {
      const a = park(0, "Matang");
      const other = park(1, "Cangyuan");
      const body = { projectName: "x", investmentWan: 1, creditYear: 2025, referredOn: "2025-01-01" };
      const same = await sendJson<ErrorBody>(staff, "/api/staff/referrals", {
        ...body,
        fromParkId: a.id,
        toParkId: a.id,
      });
      expect(same.body.error.code).toBe("invalid_request");
      expect(same.body.error.message).toContain("toParkId");
      const two = await sendJson<ErrorBody>(staff, "/api/staff/referrals", {
        ...body,
        fromParkId: a.id,
        toParkId: other.id,
      });
      expect(two.status).toBe(400);
      expect(two.body.error.code).toBe("parks_not_in_one_zone");
      const nf = await sendJson<ErrorBody>(staff, "/api/staff/referrals", {
        ...body,
        fromParkId: a.id,
        toParkId: 99999,
      });
      expect(nf.body.error.code).toBe("park_not_found");
    });

    test("enclave benefit sharing: host 60 % / partner 40 % of tax and output, in yuan that add up", async () => {
      interface Share {
        enclaves: Array<{
          parkId: number;
          enterprises: number;
          taxWan: number;
          agreement: { hostShareRatio: number } | null;
          tax: { totalYuan: number; host: { creditedYuan: number }; partner: { creditedYuan: number } };
          output: { totalYuan: number; host: { creditedYuan: number }; partner: { creditedYuan: number } };
          reconciled: boolean;
        }>;
        totals: { taxTotalYuan: number; taxHostYuan: number; taxPartnerYuan: number; reconciled: boolean };
      }
      const { status, body } = await getJson<Share>(
        staff,
        `/api/staff/benefit-sharing?zone=${zones[1]?.id}&year=2024`,
      );
      expect(status).toBe(200);
      expect(body.enclaves).toHaveLength(4);
      for (const e of body.enclaves) {
        expect(e.agreement?.hostShareRatio).toBeCloseTo(0.6, 12);
        expect(e.enterprises).toBeGreaterThan(0);
        expect(e.tax.totalYuan).toBe(Math.round(e.taxWan * 10_000));
        expect(e.tax.host.creditedYuan + e.tax.partner.creditedYuan).toBe(e.tax.totalYuan);
        expect(e.output.host.creditedYuan + e.output.partner.creditedYuan).toBe(e.output.totalYuan);
        expect(Math.abs(e.tax.host.creditedYuan - 0.6 * e.tax.totalYuan)).toBeLessThanOrEqual(1);
        expect(e.reconciled).toBe(true);
      }
      expect(body.totals.taxHostYuan + body.totals.taxPartnerYuan).toBe(body.totals.taxTotalYuan);
      expect(body.totals.reconciled).toBe(true);
    });
  });
});
