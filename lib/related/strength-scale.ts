/**
 * How a reader is shown a related paper's strength (lib/related's 0..1, comparable across queries),
 * and the threshold below which a match is not shown at all.
 */

/**
 * Below this strength a related paper is filler: the panel says "no strong matches in your
 * digests" instead. Calibrated by `npm run calibrate:related` (scripts/calibrate-related.ts) on
 * the arXiv dataset (a 3,000-paper corpus, 1,000 other papers as queries, top 10 each): at 0.23,
 * 75.4% of the papers shown share the query's primary arXiv category (a plain top 10: 67.7%; a
 * random pair: 32.3%), and 72% of queries still get at least one; precision flattens near 0.77
 * above 0.26, so a higher bar would only hide papers.
 */
export const RELATED_STRENGTH_THRESHOLD = 0.23;

export type StrengthWord = 'strong' | 'good' | 'fair';

/** The word shown for a match at or above the threshold: fair just above it, strong for the closest. */
export function strengthWord(strength: number): StrengthWord {
  if (strength >= 0.4) return 'strong';
  if (strength >= 0.3) return 'good';
  return 'fair';
}

/** The matches worth showing: those at or above the threshold, in the order given. */
export function strongMatches<T extends { strength: number }>(related: T[]): T[] {
  return related.filter((r) => r.strength >= RELATED_STRENGTH_THRESHOLD);
}
