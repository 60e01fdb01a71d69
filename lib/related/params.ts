/** The ranking's knobs, chosen on scripts/eval-related.ts. Plain data: a snapshot keeps the ones it was built with. */
export interface RelatedParams {
  /** BM25 term frequency saturation. */
  k1: number;
  /** A title occurrence counts as this many abstract ones (BM25F field weight). */
  titleWeight: number;
  /** Length normalisation of each field, 0 (none) to 1 (full). */
  bTitle: number;
  bAbstract: number;
  /** Query term frequency saturation (BM25's k3). */
  k3: number;
  /** idf is raised to this power: below 1 flattens it, so shared mid-frequency words count for more. */
  idfPower: number;
  /** The query keeps only its heaviest terms (query tf × idf): a very long text stays fast. */
  maxQueryTerms: number;
}

export const DEFAULT_PARAMS: RelatedParams = {
  k1: 1.2,
  titleWeight: 2,
  bTitle: 0.5,
  bAbstract: 0.75,
  k3: 8,
  idfPower: 0.5,
  maxQueryTerms: 128,
};
