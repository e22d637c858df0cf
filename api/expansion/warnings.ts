import type { Lang } from "../errors.ts";

/** A loud, non-fatal problem with an analysis, in the request's language. */
export interface AnalysisWarning {
  code: "constraints_missing";
  /** Constraint types the zone has no features for. */
  types: string[];
  message: string;
}

/** The warning for constraint types the zone lacks, or none. */
export function missingConstraintsWarning(types: readonly string[], lang: Lang): AnalysisWarning[] {
  if (types.length === 0) return [];
  const list = types.join(lang === "en" ? ", " : "、");
  return [
    {
      code: "constraints_missing",
      types: [...types],
      message:
        lang === "en"
          ? `WARNING: this zone has no constraint layer of type ${list}; the analysis ran without it and may include land that layer would rule out. Import the layer before relying on the result.`
          : `警告：本高新区缺少约束图层（${list}），分析已在缺少该图层的情况下运行，结果可能包含本应排除的用地；请先导入该图层再使用结果。`,
    },
  ];
}
