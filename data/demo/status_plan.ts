/**
 * Status plan of a park: which plot is built, under construction, supplied (some idle),
 * approved but unsupplied, available or reclaimed; which industry it serves; and which plots
 * share a firm. Development spreads outward from the park's development origin, so inner plots
 * are older and the periphery is still unsupplied.
 */
import type { PlotStatus } from "../../api/schemas/enums.ts";
import { type Industry, industry } from "./industries.ts";
import type { ParkSpec } from "./park_specs.ts";
import type { PlotShape } from "./plot_grid.ts";
import type { Rng } from "./rng.ts";

/**
 * Idle-land role of a plot under the 2012 rules, as seeded:
 * `not_started` 1–2 years past the agreed start, `not_started_2y` more than 2 years,
 * `stalled` started then suspended > 1 year with < 1/3 developed and < 25 % invested,
 * `exempt` not started for a government or force-majeure cause.
 */
export type IdleRole = "none" | "not_started" | "not_started_2y" | "stalled" | "exempt";

/** What the generator decided for one plot before filling in its attributes. */
export interface PlotPlan {
  readonly shape: PlotShape;
  readonly status: PlotStatus;
  readonly idle: IdleRole;
  readonly industry: Industry;
  /** Local firm number within the park (plots of one firm share it), or null when unoccupied. */
  readonly firm: number | null;
  /** Rank in development order among the park's built plots (0 = oldest), else null. */
  readonly builtRank: number | null;
}

const OCCUPIED: readonly PlotStatus[] = ["supplied", "under_construction", "built"];

function statusCounts(spec: ParkSpec, n: number) {
  const m = spec.statusMix;
  const c = (share: number) => Math.max(1, Math.round(share * n));
  const counts = {
    under_construction: c(m.under_construction),
    supplied: c(m.supplied),
    approved_unsupplied: c(m.approved_unsupplied),
    available: c(m.available),
    reclaimed: c(m.reclaimed),
  };
  const built = n - Object.values(counts).reduce((a, b) => a + b, 0);
  return { ...counts, built };
}

/** Plans statuses, idle roles, industries and firms for the plots of one park. */
export function planStatuses(rng: Rng, spec: ParkSpec, shapes: readonly PlotShape[]): PlotPlan[] {
  const n = shapes.length;
  const counts = statusCounts(spec, n);
  const order = shapes.map((s, i) => ({ i, k: s.kind === "smelter" ? -1 : s.distM + rng.normal(0, 250) }));
  order.sort((a, b) => a.k - b.k);
  const seq = order.map((o) => o.i);
  const status = new Map<number, PlotStatus>();
  const take = (pool: number[], k: number, s: PlotStatus) => {
    for (const i of pool.slice(0, k)) status.set(i, s);
  };
  const isFree = (i: number) => !status.has(i) && shapes[i]?.kind !== "smelter";

  // Reclaimed land was taken back from older, inner development.
  const middle = seq.slice(Math.floor(n * 0.25), Math.floor(n * 0.7)).filter(isFree);
  take(rng.shuffle(middle), counts.reclaimed, "reclaimed");
  // Unsupplied land lies at the periphery; where a supplied-area share is calibrated, the smallest outer plots.
  let outer = seq.filter(isFree).slice(-(counts.approved_unsupplied + counts.available) * 2);
  if (spec.unsuppliedAreaShare !== null) {
    outer = [...outer].sort((a, b) => (shapes[a]?.areaM2 ?? 0) - (shapes[b]?.areaM2 ?? 0));
  } else {
    outer = outer.slice(-(counts.approved_unsupplied + counts.available));
  }
  const unsupplied = rng.shuffle(outer.slice(0, counts.approved_unsupplied + counts.available));
  take(unsupplied, counts.approved_unsupplied, "approved_unsupplied");
  take(unsupplied.slice(counts.approved_unsupplied), counts.available, "available");
  // The newest occupied band is under construction or supplied; the rest is built.
  const recent = rng.shuffle(seq.filter(isFree).slice(-(counts.under_construction + counts.supplied)));
  take(recent, counts.under_construction, "under_construction");
  take(recent.slice(counts.under_construction), counts.supplied, "supplied");
  for (const i of seq) if (!status.has(i)) status.set(i, "built");

  const idle = planIdle(rng, spec, n, shapes, status);
  const industries = planIndustries(rng, spec, seq, shapes, status);
  const builtSeq = seq.filter((i) => status.get(i) === "built");
  const builtRank = new Map(builtSeq.map((i, r) => [i, r]));

  // One firm per occupied plot, except that now and then a firm holds two neighbouring built plots.
  const firms = new Map<number, number>();
  let nextFirm = 0;
  shapes.forEach((s, i) => {
    const st = status.get(i);
    if (st === undefined || !OCCUPIED.includes(st)) return;
    const prev = i - 1;
    const prevFirm = firms.get(prev);
    const shareable =
      st === "built" &&
      status.get(prev) === "built" &&
      shapes[prev]?.blockIndex === s.blockIndex &&
      s.kind === "normal" &&
      prevFirm !== undefined &&
      industries.get(prev)?.key === industries.get(i)?.key &&
      ![...firms.entries()].some(([j, f]) => f === prevFirm && j !== prev);
    if (shareable && rng.chance(0.25)) firms.set(i, prevFirm);
    else firms.set(i, nextFirm++);
  });

  return shapes.map((shape, i) => ({
    shape,
    status: status.get(i) ?? "built",
    idle: idle.get(i) ?? "none",
    industry: industries.get(i) ?? industry("logistics"),
    firm: firms.get(i) ?? null,
    builtRank: builtRank.get(i) ?? null,
  }));
}

function planIdle(
  rng: Rng,
  spec: ParkSpec,
  n: number,
  shapes: readonly PlotShape[],
  status: ReadonlyMap<number, PlotStatus>,
): Map<number, IdleRole> {
  const idle = new Map<number, IdleRole>();
  const of = (s: PlotStatus) => rng.shuffle(shapes.map((_, i) => i).filter((i) => status.get(i) === s));
  const supplied = of("supplied");
  const building = of("under_construction");
  const total = Math.max(2, Math.round(0.05 * n));
  const notStarted = Math.min(supplied.length - 1, Math.ceil(total / 2));
  const stalled = Math.min(building.length - 1, total - notStarted);
  supplied.slice(0, notStarted).forEach((i, k) => {
    const twoYears = notStarted === 1 ? rng.chance(0.5) : k % 2 === 0;
    idle.set(i, twoYears ? "not_started_2y" : "not_started");
  });
  const exempt = supplied[notStarted];
  if (spec.exemptCause !== null && exempt !== undefined && supplied.length - notStarted >= 2)
    idle.set(exempt, "exempt");
  for (const i of building.slice(0, stalled)) idle.set(i, "stalled");
  return idle;
}

function planIndustries(
  rng: Rng,
  spec: ParkSpec,
  seq: readonly number[],
  shapes: readonly PlotShape[],
  status: ReadonlyMap<number, PlotStatus>,
): Map<number, Industry> {
  const out = new Map<number, Industry>();
  shapes.forEach((s, i) => {
    out.set(i, s.kind === "smelter" ? industry("al_smelter") : industry(rng.weighted(spec.industries)));
  });
  // Utilities and park services sit on early, inner built plots.
  const inner = seq.filter((i) => status.get(i) === "built" && shapes[i]?.kind === "normal").slice(0, 20);
  rng.shuffle(inner).forEach((i, k) => {
    const key = spec.specialIndustries[k];
    if (key !== undefined) out.set(i, industry(key));
  });
  return out;
}
