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
 * no Node APIs, no dependencies.
 */
import { DEFAULT_PARAMS, type RelatedParams } from './params';
import { plainText } from './plain-text';
import { abstractTfOf, Postings, titleTfOf } from './postings';
import { decodePostings, encodePostings } from './postings-codec';

export type { RelatedParams } from './params';

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

export interface RelatedQuery {
  title: string;
  abstract?: string | null;
}

export interface RelatedQueryOptions {
  k: number;
  excludeIds?: string[];
}

/** Structured-cloneable (plain data, typed arrays each on its own buffer) and compact, to keep in IndexedDB. */
export interface RelatedSnapshot {
  format: 'digestlens-related';
  /** Bumped whenever reading text or the layout changes: an older snapshot is refused and the caller rebuilds. */
  version: number;
  params: RelatedParams;
  /** Document ids by slot. */
  ids: string[];
  /** Terms (stop words left out) in each document's title and abstract, by slot. */
  titleLengths: Uint16Array;
  abstractLengths: Uint16Array;
  /** The terms (stems) by term id, joined by "\n". */
  terms: string;
  /** Postings per term id. */
  df: Uint32Array;
  /** Each term's postings in turn: slots as varint gaps, with their field tfs (see postings-codec.ts). */
  postings: Uint8Array;
}

const SNAPSHOT_FORMAT = 'digestlens-related';
const SNAPSHOT_VERSION = 2;
const MAX_TERMS_SHOWN = 5;

interface QueryTerm {
  id: number;
  term: string;
  /** Query tf × idf: what one fully matching occurrence adds to a score. */
  weight: number;
  titleTf: number;
  abstractTf: number;
}

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
    const { terms, display, titleLength, abstractLength } = this.readQuery(q);
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
    const queryTitleNorm = 1 / (1 - bTitle + (bTitle * titleLength) / this.avgTitleLength);
    const queryAbstractNorm = 1 / (1 - bAbstract + (bAbstract * abstractLength) / this.avgAbstractLength);
    let selfScore = 0;
    for (const term of terms) {
      const tf = titleWeight * term.titleTf * queryTitleNorm + term.abstractTf * queryAbstractNorm;
      selfScore += (term.weight * tf) / (k1 + tf);
    }

    return best.map(({ slot, score }) => ({
      id: this.postings.ids[slot] as string,
      score,
      strength: Math.min(1, Math.round((1000 * score) / Math.sqrt(selfScore * (this.selfScores[slot] as number))) / 1000),
      terms: this.explain(slot, terms).map((term) => display.get(term) ?? term),
    }));
  }

  toSnapshot(): RelatedSnapshot {
    const p = this.postings;
    const df = new Uint32Array(p.terms.length);
    for (let t = 0; t < df.length; t++) df[t] = p.df(t);
    return {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      params: { ...this.params },
      ids: [...p.ids],
      titleLengths: p.titleLengths.slice(),
      abstractLengths: p.abstractLengths.slice(),
      terms: p.terms.join('\n'),
      df,
      postings: encodePostings(p.offsets, p.slots, p.tfs),
    };
  }

  /** Throws on a snapshot of another format or version, or a damaged one: the caller then rebuilds from its documents. */
  static fromSnapshot(s: RelatedSnapshot): RelatedIndex {
    if (s.format !== SNAPSHOT_FORMAT || s.version !== SNAPSHOT_VERSION) {
      throw new Error(`related index: snapshot ${String(s.format)} v${String(s.version)} is not ${SNAPSHOT_FORMAT} v${SNAPSHOT_VERSION}`);
    }
    if (
      !Array.isArray(s.ids) ||
      typeof s.terms !== 'string' ||
      !(isA('Uint16Array', s.titleLengths) && isA('Uint16Array', s.abstractLengths)) ||
      !(isA('Uint32Array', s.df) && isA('Uint8Array', s.postings))
    ) {
      throw new Error('related index: snapshot is not shaped as one');
    }
    const index = new RelatedIndex({ ...DEFAULT_PARAMS, ...s.params });
    const p = index.postings;
    const terms = s.terms === '' ? [] : s.terms.split('\n');
    const docCount = s.ids.length;
    if (terms.length !== s.df.length || s.titleLengths.length !== docCount || s.abstractLengths.length !== docCount) {
      throw new Error('related index: snapshot is inconsistent');
    }
    const offsets = new Uint32Array(terms.length + 1);
    for (let t = 0; t < terms.length; t++) offsets[t + 1] = (offsets[t] as number) + (s.df[t] as number);
    p.ids = [...s.ids];
    p.slotOf = new Map(s.ids.map((id, slot) => [id, slot]));
    p.titleLengths = s.titleLengths.slice();
    p.abstractLengths = s.abstractLengths.slice();
    p.terms = terms;
    p.termIds = new Map(terms.map((term, id) => [term, id]));
    p.offsets = offsets;
    const { slots, tfs } = decodePostings(offsets, s.postings, docCount);
    p.slots = slots;
    p.tfs = tfs;
    index.refresh();
    return index;
  }

  /** The query's terms known to the index, heaviest first, at most `maxQueryTerms`; and how to show each. */
  private readQuery(q: RelatedQuery): { terms: QueryTerm[]; display: Map<string, string>; titleLength: number; abstractLength: number } {
    const { titleWeight, k3, idfPower, maxQueryTerms } = this.params;
    const p = this.postings;
    const lexicon = p.lexicon;
    const counts = new Map<string, { titleTf: number; abstractTf: number; forms: Map<string, number> }>();
    const lengths = [0, 0];
    const fields = [q.title, q.abstract ?? ''];
    for (let field = 0; field < 2; field++) {
      const plain = plainText(fields[field] as string);
      lexicon.scan(plain, (entry, start, end) => {
        const term = lexicon.stemOf(entry);
        if (term === null) return;
        lengths[field] = (lengths[field] as number) + 1;
        let count = counts.get(term);
        if (count === undefined) {
          count = { titleTf: 0, abstractTf: 0, forms: new Map() };
          counts.set(term, count);
        }
        if (field === 0) count.titleTf++;
        else count.abstractTf++;
        const form = plain.slice(start, end);
        count.forms.set(form, (count.forms.get(form) ?? 0) + 1);
      });
    }

    const docCount = this.size;
    const terms: QueryTerm[] = [];
    for (const [term, count] of counts) {
      const id = p.termIds.get(term);
      if (id === undefined) continue;
      const df = p.df(id);
      const idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5)) ** idfPower;
      const qtf = titleWeight * count.titleTf + count.abstractTf;
      terms.push({ id, term, weight: (((k3 + 1) * qtf) / (k3 + qtf)) * idf, titleTf: count.titleTf, abstractTf: count.abstractTf });
    }
    terms.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
    terms.length = Math.min(terms.length, maxQueryTerms);

    const display = new Map<string, string>();
    for (const { term } of terms) display.set(term, readableForm((counts.get(term) as { forms: Map<string, number> }).forms));
    return { terms, display, titleLength: lengths[0] as number, abstractLength: lengths[1] as number };
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
        const tf = titleWeight * titleTfOf(packed) * (titleNorm[slot] as number) + abstractTfOf(packed) * (abstractNorm[slot] as number);
        const before = scores[slot] as number;
        if (before === 0) touched[touchedCount++] = slot;
        scores[slot] = before + (weight * tf) / (k1 + tf);
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
          const tf =
            titleWeight * titleTfOf(packed) * (this.titleNorm[slot] as number) + abstractTfOf(packed) * (this.abstractNorm[slot] as number);
          found.push({ term: term.term, contribution: (term.weight * tf) / (k1 + tf) });
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
      this.titleNorm[slot] = 1 / (1 - bTitle + (bTitle * (titleLengths[slot] as number)) / this.avgTitleLength);
      this.abstractNorm[slot] = 1 / (1 - bAbstract + (bAbstract * (abstractLengths[slot] as number)) / this.avgAbstractLength);
    }
    this.scores = new Float64Array(docCount);
    this.touched = new Uint32Array(docCount);

    // Each document's score as its own query, as readQuery weighs a query (less its cut to the heaviest terms).
    const { k1, titleWeight, k3, idfPower } = this.params;
    const { offsets, slots, tfs } = this.postings;
    // Query-side weights depend on the packed tf alone: a table of 256 instead of a division per posting.
    const queryTf = new Float64Array(256);
    for (let packed = 0; packed < 256; packed++) {
      const qtf = titleWeight * titleTfOf(packed) + abstractTfOf(packed);
      queryTf[packed] = ((k3 + 1) * qtf) / (k3 + qtf);
    }
    const titleNorm = this.titleNorm;
    const abstractNorm = this.abstractNorm;
    const selfScores = new Float64Array(docCount);
    for (let t = 0; t + 1 < offsets.length; t++) {
      const start = offsets[t] as number;
      const end = offsets[t + 1] as number;
      const df = end - start;
      const idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5)) ** idfPower;
      for (let p = start; p < end; p++) {
        const slot = slots[p] as number;
        const packed = tfs[p] as number;
        const tf = titleWeight * titleTfOf(packed) * (titleNorm[slot] as number) + abstractTfOf(packed) * (abstractNorm[slot] as number);
        selfScores[slot] = (selfScores[slot] as number) + (queryTf[packed] as number) * idf * (tf / (k1 + tf));
      }
    }
    this.selfScores = selfScores;
  }
}

/** A typed array of this kind, from any realm (a snapshot may come from IndexedDB or another context). */
function isA(kind: string, value: unknown): boolean {
  return Object.prototype.toString.call(value) === `[object ${kind}]`;
}

/**
 * How the query wrote a term most often. A capital that only starts a word ("Practical" in a
 * title) is lowered; acronyms and names with inner capitals ("RAG", "LLMs", "CLIP") stay.
 */
function readableForm(forms: Map<string, number>): string {
  let best = '';
  let bestScore = -1;
  for (const [form, count] of forms) {
    const score = count + (form === form.toLowerCase() ? 0.5 : 0);
    if (score > bestScore) {
      best = form;
      bestScore = score;
    }
  }
  return /^\p{Lu}[\p{Ll}\d]*$/u.test(best) && best.length > 1 ? best.toLowerCase() : best;
}
