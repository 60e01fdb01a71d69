/**
 * The one seeded random generator of the tests and scripts, so that a run can be repeated
 * exactly: the same seed gives the same sequence on every machine. (Property tests use
 * fast-check, which has its own replayable seeds.)
 *
 * mulberry32 (Tommy Ettinger, public domain): 32 bits of state, uniform in [0, 1), period 2^32;
 * plenty for picking samples and edits, and not for anything that must be unpredictable. Seeds
 * are written where they are used (`mulberry32(2026)`), so every figure names the sequence it came from.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
