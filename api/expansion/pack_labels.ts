/** Chinese names of constraint types, for the application pack. */
export const CONSTRAINT_TYPE_ZH: Record<string, string> = {
  permanent_farmland: "永久基本农田",
  ecological_redline: "生态保护红线",
  development_boundary: "城镇开发边界",
  flood: "洪涝风险区",
  steep_slope: "陡坡地",
  other: "其他约束",
};

/** Chinese names of the land-use codes the demo and imports use (GB/T 21010-2017; 2023 用地用海分类). */
const LAND_USE_ZH: Record<string, string> = {
  "05": "商服用地",
  "0601": "工业用地",
  "0602": "采矿用地",
  "0604": "仓储用地",
  "07": "住宅用地",
  "08": "公共管理与公共服务用地",
  "09": "商业服务业用地",
  "10": "交通运输用地",
  "1001": "工业用地",
  "1101": "物流仓储用地",
  none: "未登记宗地（现状地类待调查）",
};

/** A land-use code with its name, by the longest known prefix. */
export function landUseLabel(code: string): string {
  for (let n = code.length; n >= 2; n--) {
    const name = LAND_USE_ZH[code.slice(0, n)];
    if (name) return code === "none" ? name : `${code} ${name}`;
  }
  return LAND_USE_ZH[code] ?? code;
}

/** Chinese names of the pack's indicators. */
export const VERDICT_ZH = { pass: "通过", warn: "需复核", fail: "不通过" } as const;
