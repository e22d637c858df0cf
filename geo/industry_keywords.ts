/**
 * Keywords an investor may type instead of a GB/T 4754-2017 code, mapped to the 2017 divisions
 * (门类 letter + 2-digit 大类) the demo parks position themselves on. A working list for matching,
 * not a classification: a keyword that is not listed simply matches no code. [configurable default]
 * @see GB/T 4754-2017 国民经济行业分类; ../shared/domain.md §2 (the parks' industries), §9 (editions)
 */
export const INDUSTRY_KEYWORD_DIVISIONS: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [["铝", "aluminium", "aluminum", "有色", "nonferrous", "锗", "germanium"], ["C32"]],
  [
    ["铝材", "aluminium processing", "金属制品", "metal products"],
    ["C33", "C32"],
  ],
  [["三七", "sanqi", "医药", "pharma", "medicine", "biomedicine", "生物"], ["C27"]],
  [
    ["光伏", "photovoltaic", "solar", "pv"],
    ["C38", "C39"],
  ],
  [["茶", "tea", "饮料", "beverage"], ["C15"]],
  [
    ["食品", "food", "农产品", "farm produce", "糖", "sugar"],
    ["C13", "C14"],
  ],
  [["高岭土", "kaolin", "建材", "building materials", "非金属", "non-metallic"], ["C30"]],
  [
    ["新材料", "new materials", "化工", "chemical"],
    ["C26", "C30", "C32"],
  ],
  [
    ["物流", "logistics", "仓储", "warehousing"],
    ["G59", "G54"],
  ],
  [["电子", "electronics", "数字", "digital"], ["C39"]],
  [["电气", "electrical", "电池", "battery"], ["C38"]],
];

/**
 * The 2017 division of an industry code: `"C3216"`, `"3216"`, `"c32"` → `"C32"`; a section letter
 * alone or garbage → null. Codes without a letter get the letter of their division
 * (13–43 manufacturing C, 51–52 wholesale/retail F, 53–60 transport G, 63–65 information I).
 */
export function industryDivision(code: string): string | null {
  const m = /^([A-Ta-t])?(\d{2})\d{0,3}$/.exec(code.trim());
  if (!m?.[2]) return null;
  const digits = m[2];
  const n = Number(digits);
  const letter =
    m[1]?.toUpperCase() ??
    (n >= 13 && n <= 43
      ? "C"
      : n >= 51 && n <= 52
        ? "F"
        : n >= 53 && n <= 60
          ? "G"
          : n >= 63 && n <= 65
            ? "I"
            : null);
  return letter ? `${letter}${digits}` : null;
}

/** Divisions for a code or keyword: the code's division, else every division whose keyword occurs in it. */
export function industryDivisionsOf(codeOrKeyword: string): string[] {
  const division = industryDivision(codeOrKeyword);
  if (division) return [division];
  const text = codeOrKeyword.trim().toLowerCase();
  if (text.length === 0) return [];
  const out = new Set<string>();
  for (const [words, divisions] of INDUSTRY_KEYWORD_DIVISIONS) {
    if (words.some((w) => text.includes(w) || (text.length >= 2 && w.includes(text))))
      for (const d of divisions) out.add(d);
  }
  return [...out];
}
