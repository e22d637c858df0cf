import { expect, test } from "vitest";
import { assignGrades } from "../../geo/mu_jun.ts";
import { ZHEJIANG_MU_JUN_PROFILE } from "../../geo/mu_jun_profiles.ts";
import { mulberry32 } from "../helpers/rng.ts";

/** The definition spelled out: share of known scores strictly ahead, first class whose cumulative share exceeds it. */
function naiveGrades(scores: readonly (number | null)[]): (string | null)[] {
  const grading = ZHEJIANG_MU_JUN_PROFILE.grading;
  if (grading.method !== "percentile") throw new Error("expected percentile grading");
  const order = ["A", "B", "C", "D"] as const;
  const known = scores.filter((s): s is number => s !== null);
  return scores.map((s) => {
    if (s === null) return null;
    const ahead = known.filter((o) => o > s).length / known.length;
    let cum = 0;
    for (const g of order) {
      cum += grading.shares[g];
      if (ahead < cum - 1e-12) return g;
    }
    return "D";
  });
}

test.each([1, 2, 3, 4, 5])(
  "percentile grades equal the naive definition on 2,000 scores with ties and gaps (seed %i)",
  (seed) => {
    const rng = mulberry32(seed);
    const scores = Array.from({ length: 2_000 }, () =>
      rng.next() < 0.1 ? null : rng.next() < 0.2 ? rng.int(0, 20) * 5 : rng.next() * 150,
    );
    expect(assignGrades(scores, ZHEJIANG_MU_JUN_PROFILE.grading), `seed ${seed}`).toEqual(
      naiveGrades(scores),
    );
  },
);
