/**
 * The investor-portal part of the demo (示意数据): published offers for every available and reclaimed
 * plot, park profiles, referral defaults, a few referrals and one share agreement per enclave park.
 * Uses its own RNG stream (`deriveSeed(seed, "invest")`), so the rest of the dataset is unchanged.
 */
import type { DemoEnterprise, DemoPlotFeature, DemoZone } from "../../api/schemas/demo_dataset.ts";
import type { DemoInvest, DemoLandOffer, Servicing } from "../../api/schemas/demo_invest.ts";
import { PARK_PROFILES } from "./invest_profiles.ts";
import { createRng, deriveSeed, type Rng } from "./rng.ts";

/** Zone defaults of the referring park's share of credited investment [configurable default]. */
const REFERRAL_FROM_SHARE: Readonly<Record<string, number>> = {
  "wenshan-hitech": 0.3,
  "lincang-hitech": 0.5,
};

/** Floor price ranges, 万元/亩, per zone (invented; of the order of Yunnan industrial land prices). */
const PRICE_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  "wenshan-hitech": [14, 26],
  "lincang-hitech": [9, 18],
};

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

const SERVICING_ALL: readonly Servicing[] = ["road", "water", "power", "gas", "telecom", "sewer", "levelled"];

function offerFor(
  rng: Rng,
  f: DemoPlotFeature,
  zoneCode: string,
  parkCodes: readonly string[],
): DemoLandOffer {
  const p = f.properties;
  const [lo, hi] = PRICE_RANGE[zoneCode] ?? [10, 20];
  const standard = p.isStandardLand;
  const servicing = standard
    ? [...SERVICING_ALL]
    : SERVICING_ALL.filter((s) => s === "road" || s === "power" || s === "levelled" || rng.chance(0.6));
  const substationKm = round(rng.range(0.4, 3.5), 1);
  const waterMm = rng.pick([200, 300, 400, 600]);
  const reclaimed = p.status === "reclaimed";
  return {
    plotCode: p.code,
    floorPricePerMuWan: round(rng.range(lo, hi) * (standard ? 1.1 : 1), 1),
    publishedOn: `2025-${String(rng.int(3, 11)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
    servicing,
    permittedIndustryCodes: standard ? parkCodes.slice(0, 2) : [],
    infrastructureNote: `${reclaimed ? "收回闲置土地，已完成清表；" : ""}110千伏变电站距宗地约 ${substationKm} 公里；市政供水管 DN${waterMm} 已接至红线（示意）`,
    infrastructureNoteEn: `${reclaimed ? "Reclaimed idle land, site cleared; " : ""}110 kV substation about ${substationKm} km away; DN${waterMm} water main at the plot boundary (illustrative)`,
  };
}

/**
 * Builds the investor part from the generated zones, plots and firms. Pure and deterministic.
 */
export function investDemo(
  seed: number,
  zones: readonly DemoZone[],
  plots: readonly DemoPlotFeature[],
  enterprises: readonly DemoEnterprise[],
): DemoInvest {
  const rng = createRng(deriveSeed(seed, "invest"));
  const zoneOfPark = new Map(zones.flatMap((z) => z.parks.map((p) => [p.code, z.code] as const)));
  const codesOfPark = new Map(PARK_PROFILES.map((p) => [p.parkCode, p.leadingIndustryCodes]));
  const landOffers = plots
    .filter((f) => f.properties.status === "available" || f.properties.status === "reclaimed")
    .map((f) =>
      offerFor(
        rng,
        f,
        zoneOfPark.get(f.properties.parkCode) ?? "",
        codesOfPark.get(f.properties.parkCode) ?? [],
      ),
    );

  // One share agreement per enclave: host input 35–50 %, tilted up to the park's host share.
  const shareAgreements = zones.flatMap((z) =>
    z.parks
      .filter((p) => p.role === "enclave" && p.partnerParkCode !== null)
      .map((p) => {
        const host = p.hostBenefitShareRatio ?? 0.6;
        const input = Math.min(host, round(rng.pick([0.35, 0.4, 0.45, 0.5]), 2));
        return {
          enclaveParkCode: p.code,
          partnerParkCode: p.partnerParkCode ?? "",
          hostInputRatio: input,
          hostTiltRatio: round(host - input, 4),
          validFrom: "2019-03-01",
          validTo: null,
          source: "示意：按临办发〔2019〕5号“按投入比例分成、向属地倾斜”原则拟定 / illustrative",
        };
      }),
  );

  const referrals = [
    {
      zoneCode: "wenshan-hitech",
      projectName: "铝箔精深加工项目（示意）",
      projectNameEn: "Aluminium foil processing project (illustrative)",
      industryCode: "C3252",
      fromParkCode: "wenshan-sanqi",
      toParkCode: "wenshan-matang",
      investmentWan: 38_000,
      fromShareRatio: REFERRAL_FROM_SHARE["wenshan-hitech"] ?? 0.5,
      creditYear: 2025,
      referredOn: "2025-03-18",
      note: "不符合三七园区定位，推荐至马塘园区",
    },
    {
      zoneCode: "wenshan-hitech",
      projectName: "三七提取物GMP车间（示意）",
      projectNameEn: "Sanqi extract GMP workshop (illustrative)",
      industryCode: "C2740",
      fromParkCode: "wenshan-yanshan",
      toParkCode: "wenshan-sanqi",
      investmentWan: 12_500.55,
      fromShareRatio: REFERRAL_FROM_SHARE["wenshan-hitech"] ?? 0.5,
      creditYear: 2025,
      referredOn: "2025-06-02",
      note: null,
    },
    {
      zoneCode: "wenshan-hitech",
      projectName: "再生铝项目（示意）",
      projectNameEn: "Recycled aluminium project (illustrative)",
      industryCode: "C3216",
      fromParkCode: "wenshan-matang",
      toParkCode: "wenshan-yanshan",
      investmentWan: 61_234.5678,
      fromShareRatio: 1 / 3,
      creditYear: 2024,
      referredOn: "2024-09-12",
      note: "约定分成比例 1:2",
    },
    {
      zoneCode: "lincang-hitech",
      projectName: "锗晶片项目（示意）",
      projectNameEn: "Germanium wafer project (illustrative)",
      industryCode: "C3239",
      fromParkCode: "lincang-fengqing",
      toParkCode: "lincang-core",
      investmentWan: 9_876.54321,
      fromShareRatio: REFERRAL_FROM_SHARE["lincang-hitech"] ?? 0.5,
      creditYear: 2025,
      referredOn: "2025-05-20",
      note: null,
    },
  ];

  // The firm on each zone's largest built plot agreed to be named (an anchor tenant).
  const firmCodes = new Set(enterprises.map((e) => e.creditCode));
  const publicEnterprises = zones.flatMap((z) => {
    const parks = new Set(z.parks.map((p) => p.code));
    const built = plots
      .filter((f) => parks.has(f.properties.parkCode) && f.properties.status === "built")
      .filter((f) => f.properties.enterpriseCreditCode !== null)
      .sort((a, b) => (b.properties.declaredAreaM2 ?? 0) - (a.properties.declaredAreaM2 ?? 0));
    const code = built[0]?.properties.enterpriseCreditCode;
    return code && firmCodes.has(code) ? [code] : [];
  });

  return {
    zoneSettings: zones.map((z) => ({
      zoneCode: z.code,
      referralFromShareRatio: REFERRAL_FROM_SHARE[z.code] ?? 0.5,
    })),
    parkProfiles: [...PARK_PROFILES],
    landOffers,
    referrals,
    shareAgreements,
    publicEnterprises,
  };
}
