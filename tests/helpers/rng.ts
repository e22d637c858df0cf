import { createRng, type Rng } from "../../data/demo/rng.ts";

/**
 * Seeded RNG for invariant loops (CONVENTIONS §8): the demo generator's mulberry32 stream, plus its
 * seed so tests can print it on failure and a case can be replayed.
 */
export interface TestRng extends Rng {
  readonly seed: number;
}

/** A mulberry32 stream from a 32-bit seed. */
export function mulberry32(seed: number): TestRng {
  return { ...createRng(seed), seed };
}
