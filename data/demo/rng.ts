/**
 * A small seeded pseudo-random number generator for the demo dataset.
 *
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, full period 2³², good enough for
 * illustrative data and, unlike `Math.random`, reproducible from a seed on every platform.
 */

/** A seeded random stream. All methods advance the same state. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Uniform float in [min, max). */
  range(min: number, max: number): number;
  /** One element of a non-empty array, uniformly. Throws on an empty array. */
  pick<T>(arr: readonly T[]): T;
  /** Normal deviate (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(arr: readonly T[]): T[];
}

/**
 * Creates a mulberry32 stream from a 32-bit integer seed.
 * @param seed any number; only its low 32 bits are used.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(arr: readonly T[]): T => {
    const v = arr[Math.floor(next() * arr.length)];
    if (v === undefined) throw new Error("pick: array must not be empty");
    return v;
  };
  return {
    next,
    int,
    range: (min, max) => min + next() * (max - min),
    pick,
    normal: (mean, sd) => {
      // 1 - next() lies in (0, 1], so the logarithm is finite.
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => next() < p,
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [item, w] of items) {
        x -= w;
        if (x < 0) return item;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new Error("weighted: items must not be empty");
      return last[0];
    },
    shuffle: <T>(arr: readonly T[]): T[] => {
      const out = [...arr];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        const a = out[i] as T;
        out[i] = out[j] as T;
        out[j] = a;
      }
      return out;
    },
  };
}

/**
 * Derives an independent 32-bit seed from a base seed and a label (FNV-1a over the label),
 * so that each park draws from its own stream and editing one park leaves the others unchanged.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
