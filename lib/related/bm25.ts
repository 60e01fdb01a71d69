/**
 * The ranking's formulas, each written once (BM25F, Robertson & Zaragoza 2009, "The Probabilistic
 * Relevance Framework"): a field's length normalisation, the flattened idf, the query-side term
 * weight, and what one term adds to one document's score. Small pure functions on numbers, so the
 * engine inlines them in the posting loops (index.ts), the hot path of every query.
 */
import type { RelatedParams } from './params';

/** 1 / BM25 length normalisation of a field `length` terms long, against the collection's average. */
export function lengthNorm(b: number, length: number, avgLength: number): number {
  return 1 / (1 - b + (b * length) / avgLength);
}

/** A term's idf among `docCount` documents, `df` of which have it, raised to `power` (below 1: flattened). */
export function idf(docCount: number, df: number, power: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5)) ** power;
}

/** The query side of a term: its title and abstract counts in the query, saturated by k3 (times idf, its weight). */
export function queryTfWeight(titleTf: number, abstractTf: number, { titleWeight, k3 }: Pick<RelatedParams, 'titleWeight' | 'k3'>): number {
  const qtf = titleWeight * titleTf + abstractTf;
  return ((k3 + 1) * qtf) / (k3 + qtf);
}

/**
 * BM25F: what a term of query weight `weight` adds to the score of a document that has it `titleTf`
 * times in its title and `abstractTf` times in its abstract, whose fields' normalisations (see
 * `lengthNorm`) are `titleNorm` and `abstractNorm`. The fields' counts are summed first (a title
 * occurrence weighing `titleWeight`), then saturated by k1 once.
 */
export function termScore(
  weight: number,
  titleTf: number,
  abstractTf: number,
  titleNorm: number,
  abstractNorm: number,
  k1: number,
  titleWeight: number,
): number {
  const tf = titleWeight * titleTf * titleNorm + abstractTf * abstractNorm;
  return (weight * tf) / (k1 + tf);
}
