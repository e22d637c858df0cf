import type { IndustryEdition } from "./types.ts";

/**
 * Minimum FAR of industrial projects by GB/T 4754-2002 manufacturing division (两位数大类), from the
 * 2008 control indicators. Unit: ratio. [firm]
 * @see 工业项目建设用地控制指标 (国土资发〔2008〕24号); ../shared/domain.md §9
 */
export const MIN_FAR_2008_BY_DIVISION_2002: Readonly<Record<string, number>> = {
  "13": 1.0, // 农副食品加工
  "14": 1.0, // 食品制造
  "15": 1.0, // 饮料制造
  "16": 1.0, // 烟草制品
  "17": 0.8, // 纺织
  "18": 1.0, // 纺织服装、鞋、帽
  "19": 1.0, // 皮革、毛皮、羽毛(绒)及其制品
  "20": 0.8, // 木材加工
  "21": 0.8, // 家具
  "22": 0.8, // 造纸
  "23": 0.8, // 印刷
  "24": 1.0, // 文教体育用品
  "25": 0.5, // 石油加工、炼焦及核燃料加工
  "26": 0.6, // 化学原料及化学制品
  "27": 0.7, // 医药
  "28": 0.8, // 化学纤维
  "29": 0.8, // 橡胶制品
  "30": 1.0, // 塑料制品
  "31": 0.7, // 非金属矿物制品
  "32": 0.6, // 黑色金属冶炼及压延加工
  "33": 0.6, // 有色金属冶炼及压延加工
  "34": 0.7, // 金属制品
  "35": 0.7, // 通用设备
  "36": 0.7, // 专用设备
  "37": 0.7, // 交通运输设备
  "39": 0.7, // 电气机械及器材
  "40": 1.0, // 通信设备、计算机及其他电子设备
  "41": 1.0, // 仪器仪表及文化、办公用机械
  "42": 1.0, // 工艺品及其他制造业
  "43": 0.7, // 废弃资源和废旧材料回收加工
};

/**
 * Working crosswalk of GB/T 4754-2011 / -2017 manufacturing divisions to GB/T 4754-2002 divisions,
 * so the 2008 FAR table can be applied. The 2011 and 2017 editions share these division numbers.
 * [practice: a working crosswalk, not an official concordance; review against the NBS tables]
 * - 13–28 keep their numbers (2011 C24 also absorbs 2002's 工艺美术, 42; both have FAR 1.0);
 * - C29 橡胶和塑料 splits: group 291 → 29 (rubber), 292 → 30 (plastics); see `industryMinFar`;
 * - C30 → 31, C31 → 32, C32 → 33 (有色: aluminium, germanium), C33 → 34, C34 → 35, C35 → 36;
 * - C36 汽车 and C37 other transport → 37; C38 电气 → 39; C39 电子 → 40; C40 仪器仪表 → 41;
 * - C41 其他制造业 → 42; C42 废弃资源综合利用 → 43;
 * - C43 金属制品、机械和设备修理 has no 2002 division (repairs sat inside each division): absent.
 * @see ../shared/domain.md §9 (Editions)
 */
export const DIVISION_2011_TO_2002: Readonly<Record<string, readonly string[]>> = {
  "13": ["13"],
  "14": ["14"],
  "15": ["15"],
  "16": ["16"],
  "17": ["17"],
  "18": ["18"],
  "19": ["19"],
  "20": ["20"],
  "21": ["21"],
  "22": ["22"],
  "23": ["23"],
  "24": ["24"],
  "25": ["25"],
  "26": ["26"],
  "27": ["27"],
  "28": ["28"],
  "29": ["29", "30"],
  "30": ["31"],
  "31": ["32"],
  "32": ["33"],
  "33": ["34"],
  "34": ["35"],
  "35": ["36"],
  "36": ["37"],
  "37": ["37"],
  "38": ["39"],
  "39": ["40"],
  "40": ["41"],
  "41": ["42"],
  "42": ["43"],
};

/** Within 2011/2017 C29, the group (three digits) that decides rubber (29) versus plastics (30). */
const C29_GROUP_TO_2002: Readonly<Record<string, string>> = { "291": "29", "292": "30" };

/** The 2008 minimum FAR that applies to an industry, with where it came from. */
export interface IndustryMinFar {
  /** Minimum FAR, ratio. */
  readonly minFar: number;
  /** GB/T 4754-2002 division the table was read at, e.g. `"33"`. */
  readonly division2002: string;
  /** Citation of the table row, e.g. `国土资发〔2008〕24号 … GB/T 4754-2002 大类 33`. */
  readonly source: string;
  /** How a 2011/2017 code was mapped, or null for a 2002 code. */
  readonly crosswalk: string | null;
  /**
   * True when the code did not decide between several 2002 divisions (a bare C29): the *lowest*
   * of their minimums is returned, so no plot is flagged on a guess.
   */
  readonly ambiguous: boolean;
}

/**
 * The division digits of an industry code: strips one optional section letter (`C3216` → `3216`)
 * and returns the digits, or null when there are fewer than two.
 */
export function industryCodeDigits(code: string): string | null {
  const m = /^\s*[A-Ta-t]?(\d{2,4})\s*$/.exec(code);
  return m?.[1] ?? null;
}

/**
 * The 2008 minimum FAR for an enterprise's industry, crosswalking 2011/2017 codes to 2002 first.
 * Null when the code is not a manufacturing division of the table (mining, warehousing,
 * services, C43 repair) or is malformed; callers then use a fallback such as
 * `LOW_EFFICIENCY_FALLBACK_MIN_FAR`.
 * @param code - division, group, class or subclass code, with or without section letter (`C3216`, `3216`, `32`)
 * @param edition - the edition the code comes from
 * @see 国土资发〔2008〕24号; ../shared/domain.md §9
 */
export function industryMinFar(code: string, edition: IndustryEdition): IndustryMinFar | null {
  const digits = industryCodeDigits(code);
  if (digits === null) return null;
  const division = digits.slice(0, 2);
  let candidates: readonly string[];
  let crosswalk: string | null = null;
  if (edition === "GB/T 4754-2002") {
    candidates = [division];
  } else {
    const byGroup =
      division === "29" && digits.length >= 3 ? C29_GROUP_TO_2002[digits.slice(0, 3)] : undefined;
    candidates = byGroup !== undefined ? [byGroup] : (DIVISION_2011_TO_2002[division] ?? []);
    if (candidates.length === 0) return null;
    crosswalk = `${edition} ${division}${byGroup !== undefined ? ` (${digits.slice(0, 3)})` : ""} → GB/T 4754-2002 ${candidates.join("/")} (working crosswalk)`;
  }
  const rows = candidates.flatMap((d) => {
    const minFar = MIN_FAR_2008_BY_DIVISION_2002[d];
    return minFar === undefined ? [] : [{ d, minFar }];
  });
  const lowest = rows.reduce<(typeof rows)[number] | undefined>(
    (best, r) => (best === undefined || r.minFar < best.minFar ? r : best),
    undefined,
  );
  if (lowest === undefined) return null;
  return {
    minFar: lowest.minFar,
    division2002: lowest.d,
    source: `国土资发〔2008〕24号《工业项目建设用地控制指标》容积率, GB/T 4754-2002 大类 ${lowest.d}`,
    crosswalk,
    ambiguous: rows.length > 1,
  };
}
