import { ENGLISH_STOP_STEMS, STOP_STEMS } from './stop-words';

/** The ranking's knobs. Plain data: a snapshot carries the ones it was built with. */
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
  /** The query keeps only its heaviest terms (by query tf × idf): long abstracts stay fast and on topic. */
  maxQueryTerms: number;
  /** `english`: function words only; `paper`: also the words every abstract uses ("propose", "results"). */
  stopWords: 'english' | 'paper';
}

export const DEFAULT_PARAMS: RelatedParams = {
  k1: 1.2,
  titleWeight: 2,
  bTitle: 0.5,
  bAbstract: 0.75,
  k3: 8,
  maxQueryTerms: 1000,
  stopWords: 'paper',
};

export function stopStemsFor(stopWords: RelatedParams['stopWords']): ReadonlySet<string> {
  return stopWords === 'english' ? ENGLISH_STOP_STEMS : STOP_STEMS;
}
