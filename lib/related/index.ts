/**
 * Related papers, ranked locally from title + abstract (architecture.md: "a ranking we can explain").
 *
 * Ranking: BM25F over two fields, a title occurrence weighing as two abstract ones, each field with
 * its own length normalisation. The query is a paper's own title + abstract: its terms weigh by
 * query tf (saturated) × a flattened idf (idf^0.5: on the arXiv eval, papers sharing several
 * mid-frequency words are more often on the same subject than papers sharing one rare word), and
 * only the heaviest 128 are kept. A hit names the shared terms that add most to its score.
 *
 * Tuned on scripts/eval-related.ts, whose header lists what was tried and the figures. Runs in the MV3 service worker:
 * no Node APIs, no dependencies. The parts: bm25.ts (the formulas, each once), query.ts (a query's
 * weighted terms), postings.ts and lexicon.ts (the inverted index and its words), snapshot.ts (the
 * index as plain data), and here the index: scoring, the top k, the explanation, the strength.
 *
 * Why hand-written, not a search library (a measured decision, kept in issue 8): MiniSearch, Lunr
 * or FlexSearch score short queries with one BM25 field set and a plain idf; this ranking takes a
 * whole paper as the query (k3-saturated query tf, its top 128 terms), flattens idf (idf^0.5: DCG@10
 * 2.532 against 2.471), explains each hit by its shared terms, gives a strength comparable across
 * queries, and keeps a compact structured-cloneable snapshot. Its figures on the 38,246-paper arXiv
 * dataset: DCG@10 2.52 against 1.22 for a random ranking (`npm run eval:related`, 300 queries);
 * query p50 3.5 ms in Node (scripts/bench-related.ts), relatedP50 about 16 ms end to end in the
 * extension (`npm run bench:pages`); snapshot 6.0 MB, loaded in about 100 ms.
 */
import { idf, lengthNorm, queryTfWeight, termScore } from './bm25';
import { DEFAULT_PARAMS, type RelatedParams } from './params';
import { abstractTfOf, Postings, titleTfOf } from './postings';
import { type QueryTerm, type RelatedQuery, readQuery } from './query';
import { type RelatedSnapshot, readSnapshot, writeSnapshot } from './snapshot';

export type { RelatedParams } from './params';
export type { RelatedQuery } from './query';
export type { RelatedSnapshot } from './snapshot';

export interface RelatedDoc {
  id: string;
  title: string;
  abstract: string;
}

export interface RelatedHit {
  id: string;
  score: number;
  /**
   * 0..1, comparable across queries: how strongly related (used to show a faint "related to your
   * digests" marker when high). Like a cosine: the score over the geometric mean of the query's and
   * the paper's scores against themselves; 1 for the same text, 3 decimals. Among the 38k arXiv
   * papers, a paper's best match has a median of 0.31 (0.42 at the 90th percentile), its 10th 0.25,
   * its 100th 0.20, its 1000th 0.14; a title-only query's best match 0.25. So 0.35 and above is high.
   */
  strength: number;
  /** the few shared terms (stems shown as readable words) that explain the match, best first, at most 5 */
  terms: string[];
}

export interface RelatedQueryOptions {
  k: number;
  excludeIds?: string[];
}

const MAX_TERMS_SHOWN = 5;

interface Scored {
  slot: number;
  score: number;
}

export class RelatedIndex {
  private readonly params: RelatedParams;
  private postings = new Postings();
  /** Per slot, 1 / BM25 length normalisation of each field; refreshed on every change. */
  private titleNorm = new Float64Array(0);
  private abstractNorm = new Float64Array(0);
  private avgTitleLength = 1;
  private avgAbstractLength = 1;
  /** Per slot, the document's score as its own query (see `query`'s strength). */
  private selfScores = new Float64Array(0);
  /** Per-query work space, zero between queries. */
  private scores = new Float64Array(0);
  private touched = new Uint32Array(0);

  private constructor(params: RelatedParams) {
    this.params = params;
  }

  /** `params` is for tuning (scripts/eval-related.ts); the app keeps the defaults. */
  static build(docs: RelatedDoc[], params: Partial<RelatedParams> = {}): RelatedIndex {
    const index = new RelatedIndex({ ...DEFAULT_PARAMS, ...params });
    index.add(docs);
    return index;
  }

  get size(): number {
    return this.postings.ids.length;
  }

  /** Adds documents; one whose id is already indexed replaces it, as does the later of two in one batch. */
  add(docs: RelatedDoc[]): void {
    const latest = new Map<string, RelatedDoc>();
    for (const doc of docs) {
      latest.delete(doc.id);
      latest.set(doc.id, doc);
    }
    if (latest.size === 0) return;
    const replaced = [...latest.keys()].filter((id) => this.postings.slotOf.has(id));
    if (replaced.length > 0) this.postings.remove(replaced);
    this.postings.add(latest.values());
    this.refresh();
  }

  /** Removes documents by id; unknown ids are ignored. */
  remove(ids: string[]): void {
    const known = new Set(ids.filter((id) => this.postings.slotOf.has(id)));
    if (known.size === 0) return;
    this.postings.remove(known);
    this.refresh();
  }

  query(q: RelatedQuery, opts: RelatedQueryOptions): RelatedHit[] {
    const k = Math.floor(opts.k);
    if (!(k > 0) || this.size === 0) return [];
    const { terms, display, titleLength, abstractLength } = readQuery(q, this.postings, this.params);
    if (terms.length === 0) return [];

    const excluded = new Set<number>();
    for (const id of opts.excludeIds ?? []) {
      const slot = this.postings.slotOf.get(id);
      if (slot !== undefined) excluded.add(slot);
    }
    const best = this.topK(this.accumulate(terms), k, excluded);

    // Strength: the score over the geometric mean of the query's score against itself and the
    // hit's against itself, like a cosine: 1 for the same text, and a short query (a title alone)
    // scoring a long paper is not mistaken for a strong match.
    const { k1, titleWeight, bTitle, bAbstract } = this.params;
    const queryTitleNorm = lengthNorm(bTitle, titleLength, this.avgTitleLength);
    const queryAbstractNorm = lengthNorm(bAbstract, abstractLength, this.avgAbstractLength);
    let selfScore = 0;
    for (const term of terms) {
      selfScore += termScore(term.weight, term.titleTf, term.abstractTf, queryTitleNorm, queryAbstractNorm, k1, titleWeight);
    }

    return best.map(({ slot, score }) => ({
      id: this.postings.ids[slot] as string,
      score,
      strength: Math.min(1, Math.round((1000 * score) / Math.sqrt(selfScore * (this.selfScores[slot] as number))) / 1000),
      terms: this.explain(slot, terms).map((term) => display.get(term) ?? term),
    }));
  }

  toSnapshot(): RelatedSnapshot {
    return writeSnapshot(this.postings, this.params);
  }

  /** Throws on a snapshot of another format or version, or a damaged one: the caller then rebuilds from its documents. */
  static fromSnapshot(s: RelatedSnapshot): RelatedIndex {
    const { params, postings } = readSnapshot(s);
    const index = new RelatedIndex(params);
    index.postings = postings;
    index.refresh();
    return index;
  }

  /** Adds each term's BM25F contribution to its documents' scores; returns how many documents it touched. */
  private accumulate(terms: QueryTerm[]): number {
    const { k1, titleWeight } = this.params;
    const { offsets, slots, tfs } = this.postings;
    const scores = this.scores;
    const touched = this.touched;
    const titleNorm = this.titleNorm;
    const abstractNorm = this.abstractNorm;
    let touchedCount = 0;
    for (const term of terms) {
      const weight = term.weight;
      const end = offsets[term.id + 1] as number;
      for (let p = offsets[term.id] as number; p < end; p++) {
        const slot = slots[p] as number;
        const packed = tfs[p] as number;
        const before = scores[slot] as number;
        if (before === 0) touched[touchedCount++] = slot;
        scores[slot] =
          before +
          termScore(
            weight,
            titleTfOf(packed),
            abstractTfOf(packed),
            titleNorm[slot] as number,
            abstractNorm[slot] as number,
            k1,
            titleWeight,
          );
      }
    }
    return touchedCount;
  }

  /** The best k touched documents, best first, ties by id (never by slot, which depends on history); zeroes the scores. */
  private topK(touchedCount: number, k: number, excluded: ReadonlySet<number>): Scored[] {
    const ids = this.postings.ids;
    const scores = this.scores;
    const best: Scored[] = [];
    const beats = (a: Scored, b: Scored): boolean =>
      a.score > b.score || (a.score === b.score && (ids[a.slot] as string) < (ids[b.slot] as string));
    for (let i = 0; i < touchedCount; i++) {
      const slot = this.touched[i] as number;
      const candidate = { slot, score: scores[slot] as number };
      scores[slot] = 0;
      if (best.length === k && !beats(candidate, best[k - 1] as Scored)) continue;
      if (excluded.has(slot)) continue;
      let at = best.length;
      while (at > 0 && beats(candidate, best[at - 1] as Scored)) at--;
      best.splice(at, 0, candidate);
      if (best.length > k) best.pop();
    }
    return best;
  }

  /** The query terms the document has, by what they add to its score, at most five. */
  private explain(slot: number, terms: QueryTerm[]): string[] {
    const { k1, titleWeight } = this.params;
    const { offsets, slots, tfs } = this.postings;
    const found: { term: string; contribution: number }[] = [];
    for (const term of terms) {
      let lo = offsets[term.id] as number;
      let hi = (offsets[term.id + 1] as number) - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const at = slots[mid] as number;
        if (at < slot) lo = mid + 1;
        else if (at > slot) hi = mid - 1;
        else {
          const packed = tfs[mid] as number;
          const titleNorm = this.titleNorm[slot] as number;
          const abstractNorm = this.abstractNorm[slot] as number;
          const contribution = termScore(term.weight, titleTfOf(packed), abstractTfOf(packed), titleNorm, abstractNorm, k1, titleWeight);
          found.push({ term: term.term, contribution });
          break;
        }
      }
    }
    found.sort((a, b) => b.contribution - a.contribution || (a.term < b.term ? -1 : 1));
    return found.slice(0, MAX_TERMS_SHOWN).map((f) => f.term);
  }

  /** Recomputes what depends on the whole collection: average lengths and every document's normalisation. */
  private refresh(): void {
    const { bTitle, bAbstract } = this.params;
    const { titleLengths, abstractLengths } = this.postings;
    const docCount = this.size;
    let titleSum = 0;
    let abstractSum = 0;
    for (let slot = 0; slot < docCount; slot++) {
      titleSum += titleLengths[slot] as number;
      abstractSum += abstractLengths[slot] as number;
    }
    this.avgTitleLength = titleSum / docCount || 1;
    this.avgAbstractLength = abstractSum / docCount || 1;
    this.titleNorm = new Float64Array(docCount);
    this.abstractNorm = new Float64Array(docCount);
    for (let slot = 0; slot < docCount; slot++) {
      this.titleNorm[slot] = lengthNorm(bTitle, titleLengths[slot] as number, this.avgTitleLength);
      this.abstractNorm[slot] = lengthNorm(bAbstract, abstractLengths[slot] as number, this.avgAbstractLength);
    }
    this.scores = new Float64Array(docCount);
    this.touched = new Uint32Array(docCount);

    // Each document's score as its own query, as readQuery weighs a query (less its cut to the heaviest terms).
    const { k1, titleWeight, idfPower } = this.params;
    const { offsets, slots, tfs } = this.postings;
    // Query-side weights depend on the packed tf alone: a table of 256 instead of a division per posting.
    const queryTf = new Float64Array(256);
    for (let packed = 0; packed < 256; packed++) queryTf[packed] = queryTfWeight(titleTfOf(packed), abstractTfOf(packed), this.params);
    const titleNorm = this.titleNorm;
    const abstractNorm = this.abstractNorm;
    const selfScores = new Float64Array(docCount);
    for (let t = 0; t + 1 < offsets.length; t++) {
      const start = offsets[t] as number;
      const end = offsets[t + 1] as number;
      const termIdf = idf(docCount, end - start, idfPower);
      for (let p = start; p < end; p++) {
        const slot = slots[p] as number;
        const packed = tfs[p] as number;
        const weight = (queryTf[packed] as number) * termIdf;
        selfScores[slot] =
          (selfScores[slot] as number) +
          termScore(
            weight,
            titleTfOf(packed),
            abstractTfOf(packed),
            titleNorm[slot] as number,
            abstractNorm[slot] as number,
            k1,
            titleWeight,
          );
      }
    }
    this.selfScores = selfScores;
  }
}
