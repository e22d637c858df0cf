/**
 * Fictional firms on the demo plots and their 2020–2024 statistics. Names are built from
 * syllable lists (any match with a real company is coincidental); figures are illustrative.
 */
import type { DemoEnterprise } from "../../api/schemas/demo_dataset.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import { randomCreditCode } from "./credit_code.ts";
import type { Industry } from "./industries.ts";
import type { ParkSpec } from "./park_specs.ts";
import type { PlotRecord } from "./plot_attributes.ts";
import type { Rng } from "./rng.ts";
import { firmStats } from "./stats.ts";
import type { PlotPlan } from "./status_plan.ts";

// biome-ignore format: syllable table
const FIRST: readonly (readonly [string, string])[] = [
  ["澜", "Lan"], ["岚", "Lan"], ["弘", "Hong"], ["嵘", "Rong"], ["璟", "Jing"], ["麓", "Lu"], ["澄", "Cheng"], ["朗", "Lang"],
  ["岑", "Cen"], ["霁", "Ji"], ["骁", "Xiao"], ["屹", "Yi"], ["翊", "Yi"], ["沅", "Yuan"], ["桐", "Tong"], ["峤", "Qiao"],
  ["珩", "Heng"], ["晞", "Xi"], ["煦", "Xu"], ["棠", "Tang"], ["芮", "Rui"], ["泓", "Hong"], ["钧", "Jun"], ["攸", "You"],
];
// biome-ignore format: syllable table
const SECOND: readonly (readonly [string, string])[] = [
  ["禾", "he"], ["川", "chuan"], ["衡", "heng"], ["澈", "che"], ["岱", "dai"], ["杉", "shan"], ["原", "yuan"], ["谷", "gu"],
  ["峰", "feng"], ["石", "shi"], ["湾", "wan"], ["坪", "ping"], ["然", "ran"], ["境", "jing"], ["序", "xu"], ["辰", "chen"],
  ["穗", "sui"], ["宁", "ning"], ["屿", "yu"], ["野", "ye"],
];

/** Keeps names and credit codes unique across the whole dataset. */
export interface FirmRegistry {
  readonly names: Set<string>;
  readonly creditCodes: Set<string>;
}

/** An empty registry. */
export const createFirmRegistry = (): FirmRegistry => ({ names: new Set(), creditCodes: new Set() });

function firmName(rng: Rng, spec: ParkSpec, ind: Industry, reg: FirmRegistry): [string, string] {
  for (;;) {
    const [a, aEn] = rng.pick(FIRST);
    const [b, bEn] = rng.pick(SECOND);
    const k = rng.int(0, ind.nounZh.length - 1);
    const noun = ind.nounZh[k] ?? "";
    const nounEn = ind.nounEn[k] ?? "";
    const [place, placeEn] = rng.chance(0.2) ? ["云南", "Yunnan"] : spec.firmPrefix;
    const joint = rng.chance(0.08);
    const zh = `${place}${a}${b}${noun}${joint ? "股份" : ""}有限公司`;
    if (reg.names.has(zh)) continue;
    reg.names.add(zh);
    return [zh, `${placeEn} ${aEn}${bEn} ${nounEn} ${joint ? "Joint-stock " : ""}Co., Ltd.`];
  }
}

function industryCoding(
  rng: Rng,
  ind: Industry,
  startYear: number,
): Pick<DemoEnterprise, "industryCode" | "industryEdition"> {
  if (ind.code2002 !== null && rng.chance(startYear < 2012 ? 0.3 : 0.02)) {
    return { industryCode: ind.code2002, industryEdition: "GB/T 4754-2002" };
  }
  if (startYear >= 2012 && startYear < 2018 && rng.chance(0.12)) {
    return { industryCode: ind.code, industryEdition: "GB/T 4754-2011" };
  }
  // Some registers keep only the division (大类), e.g. "27" for pharmaceuticals.
  return {
    industryCode: rng.chance(0.08) ? ind.code.slice(0, 2) : ind.code,
    industryEdition: "GB/T 4754-2017",
  };
}

/**
 * Creates the firms of one park and returns them with the credit code of each plot's firm.
 * @param missingStatsFirm local firm number whose statistics are left out on purpose, or null
 */
export function parkEnterprises(
  rng: Rng,
  spec: ParkSpec,
  plans: readonly PlotPlan[],
  records: readonly PlotRecord[],
  reg: FirmRegistry,
  missingStatsFirm: number | null,
): { enterprises: DemoEnterprise[]; creditCodeOfPlot: (string | null)[] } {
  const byFirm = new Map<number, number[]>();
  plans.forEach((p, i) => {
    if (p.firm === null) return;
    byFirm.set(p.firm, [...(byFirm.get(p.firm) ?? []), i]);
  });
  const enterprises: DemoEnterprise[] = [];
  const creditCodeOfPlot: (string | null)[] = plans.map(() => null);
  for (const [firm, plotIdx] of [...byFirm.entries()].sort((a, b) => a[0] - b[0])) {
    const first = plotIdx[0];
    const plan = first === undefined ? undefined : plans[first];
    const rec = first === undefined ? undefined : records[first];
    if (plan === undefined || rec === undefined) continue;
    const ind = plan.industry;
    const start = rec.timeline.startYear ?? rec.timeline.suspendedYear ?? 2024;
    let code = randomCreditCode(rng, spec.hostAdcode, (rec.props.supplyDate ?? "2025") >= "2015");
    while (reg.creditCodes.has(code)) code = randomCreditCode(rng, spec.hostAdcode, true);
    reg.creditCodes.add(code);
    const [name, nameEn] = firmName(rng, spec, ind, reg);
    const mu = plotIdx.reduce((s, i) => s + (plans[i]?.shape.areaM2 ?? 0), 0) / M2_PER_MU;
    const isHighTech = rng.chance(plan.status === "built" ? ind.highTechP : ind.highTechP * 0.4);
    const stats = firm === missingStatsFirm ? [] : firmStats(rng, spec, plan, rec.timeline, mu, isHighTech);
    const latest = stats.find((s) => s.year === 2024);
    enterprises.push({
      creditCode: code,
      name,
      nameEn,
      ...industryCoding(rng, ind, start),
      isHighTech,
      // 规上: annual revenue ≥ 2000万元 (the common threshold, a configurable default).
      isAboveScale: (latest?.revenueWan ?? 0) >= 2000,
      stats,
    });
    for (const i of plotIdx) creditCodeOfPlot[i] = code;
  }
  return { enterprises, creditCodeOfPlot };
}
