/**
 * Related papers, ranked locally from title + abstract (architecture.md: "a ranking we can explain").
 *
 * Ranking: BM25F over two fields, the title weighted above the abstract, each with its own length
 * normalisation; the query is a paper's own title + abstract, cut to its most telling terms. Each
 * hit names the shared terms that weigh most in its score.
 *
 * Storage: an inverted index in typed arrays (CSR: per term, a run of document slots and their
 * packed field term frequencies), built in one pass, changed in place on add/remove, persisted as a
 * snapshot whose slot lists are delta + varint coded. Runs in a service worker: no Node APIs here.
 */
import { DEFAULT_PARAMS, type RelatedParams, stopStemsFor } from './params';
import { decodePostings, encodePostings } from './postings-codec';
import { termOf, terms as termsOf, words } from './tokenize';

export type { RelatedParams } from './params';

export interface RelatedDoc {
  id: string;
  title: string;
  abstract: string;
}

export interface RelatedHit {
  id: string;
  score: number;
  /** 0..1, comparable across queries: how strongly related (used to show a faint "related to your digests" marker when high) */
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

/** Structured-cloneable (plain data and typed arrays, each on its own buffer), to keep in IndexedDB. */
export interface RelatedSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** Bumped whenever tokenizing or the layout changes: an older snapshot is refused, the caller rebuilds. */
  version: number;
  params: RelatedParams;
  /** Document ids by slot. */
  ids: string[];
  titleLengths: Uint16Array;
  abstractLengths: Uint16Array;
  /** Terms (stems) joined by "\n", by term id. */
  terms: string;
  /** Postings per term id, in term id order. */
  df: Uint32Array;
  /** Per term, its slots ascending as varint gaps (the first from 0). */
  slotGaps: Uint8Array;
  /** Per posting, title tf << 5 | abstract tf (capped at 7 and 31). */
  tf: Uint8Array;
}

const SNAPSHOT_FORMAT = 'digestlens-related';
const SNAPSHOT_VERSION = 1;
const MAX_TITLE_TF = 7;
const MAX_ABSTRACT_TF = 31;
const MAX_LENGTH = 0xffff;
const MAX_TERMS_SHOWN = 5;

export class RelatedIndex {
  private readonly params: RelatedParams;
  private readonly stopStems: ReadonlySet<string>;

  private ids: string[] = [];
  private slotOf = new Map<string, number>();
  private titleLengths = new Uint16Array(0);
  private abstractLengths = new Uint16Array(0);
  private titleLengthSum = 0;
  private abstractLengthSum = 0;

  private terms: string[] = [];
  private termIds = new Map<string, number>();
  /** Postings of term t are [offsets[t], offsets[t + 1]). */
  private offsets = new Uint32Array(1);
  private slots = new Uint32Array(0);
  private tfs = new Uint8Array(0);

  /** Per slot, 1 / BM25 length normalisation of each field; kept in step with the lengths. */
  private titleNorm = new Float64Array(0);
  private abstractNorm = new Float64Array(0);
  private scratch = new Float64Array(0);
  private touched = new Uint32Array(0);

  private constructor(params: RelatedParams) {
    this.params = params;
    this.stopStems = stopStemsFor(params.stopWords);
  }

  /** `params` is for tuning (scripts/eval-related.ts); the app uses the defaults. */
  static build(docs: RelatedDoc[], params: Partial<RelatedParams> = {}): RelatedIndex {
    const index = new RelatedIndex({ ...DEFAULT_PARAMS, ...params });
    index.add(docs);
    return index;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Adds documents; one whose id is already indexed replaces it (as does a later one in the same batch). */
  add(docs: RelatedDoc[]): void {
    const latest = new Map<string, RelatedDoc>();
    for (const doc of docs) {
      latest.delete(doc.id);
      latest.set(doc.id, doc);
    }
    if (latest.size === 0) return;
    const replaced = [...latest.keys()].filter((id) => this.slotOf.has(id));
    if (replaced.length > 0) this.removeSlots(replaced);

    // Each new document as (term id, packed tf) pairs, new terms taking the next ids.
    const firstSlot = this.ids.length;
    const newTitleLengths: number[] = [];
    const newAbstractLengths: number[] = [];
    const docTerms: number[] = [];
    const docPacked: number[] = [];
    const docEnds: number[] = [];
    const termCounts = new Map<number, number>();
    for (const doc of latest.values()) {
      const titleTerms = termsOf(doc.title, this.stopStems);
      const abstractTerms = termsOf(doc.abstract, this.stopStems);
      const tf = new Map<number, number>();
      for (const term of titleTerms) {
        const id = this.termId(term);
        tf.set(id, (tf.get(id) ?? 0) + (1 << 16));
      }
      for (const term of abstractTerms) {
        const id = this.termId(term);
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      for (const [id, counts] of tf) {
        docTerms.push(id);
        docPacked.push(packTf(counts >>> 16, counts & 0xffff));
        termCounts.set(id, (termCounts.get(id) ?? 0) + 1);
      }
      docEnds.push(docTerms.length);
      newTitleLengths.push(Math.min(titleTerms.length, MAX_LENGTH));
      newAbstractLengths.push(Math.min(abstractTerms.length, MAX_LENGTH));
      this.slotOf.set(doc.id, this.ids.length);
      this.ids.push(doc.id);
    }

    // Merge into the CSR arrays: each term's old run, then its new slots (larger, so still ascending).
    const termCount = this.terms.length;
    const oldOffsets = this.offsets;
    const offsets = new Uint32Array(termCount + 1);
    const cursor = new Uint32Array(termCount);
    for (let t = 0; t < termCount; t++) {
      const old = t + 1 < oldOffsets.length ? (oldOffsets[t + 1] as number) - (oldOffsets[t] as number) : 0;
      cursor[t] = (offsets[t] as number) + old;
      offsets[t + 1] = (offsets[t] as number) + old + (termCounts.get(t) ?? 0);
    }
    const total = offsets[termCount] as number;
    const slots = new Uint32Array(total);
    const tfs = new Uint8Array(total);
    for (let t = 0; t + 1 < oldOffsets.length; t++) {
      const from = oldOffsets[t] as number;
      const to = oldOffsets[t + 1] as number;
      if (to > from) {
        slots.set(this.slots.subarray(from, to), offsets[t] as number);
        tfs.set(this.tfs.subarray(from, to), offsets[t] as number);
      }
    }
    let start = 0;
    for (let d = 0; d < docEnds.length; d++) {
      const end = docEnds[d] as number;
      for (let i = start; i < end; i++) {
        const t = docTerms[i] as number;
        const at = cursor[t] as number;
        slots[at] = firstSlot + d;
        tfs[at] = docPacked[i] as number;
        cursor[t] = at + 1;
      }
      start = end;
    }
    this.offsets = offsets;
    this.slots = slots;
    this.tfs = tfs;

    const titleLengths = new Uint16Array(this.ids.length);
    titleLengths.set(this.titleLengths);
    titleLengths.set(newTitleLengths, firstSlot);
    const abstractLengths = new Uint16Array(this.ids.length);
    abstractLengths.set(this.abstractLengths);
    abstractLengths.set(newAbstractLengths, firstSlot);
    this.titleLengths = titleLengths;
    this.abstractLengths = abstractLengths;
    this.refreshNorms();
  }

  /** Removes documents by id; unknown ids are ignored. */
  remove(ids: string[]): void {
    const known = ids.filter((id) => this.slotOf.has(id));
    if (known.length > 0) {
      this.removeSlots(known);
      this.refreshNorms();
    }
  }

  query(q: RelatedQuery, opts: RelatedQueryOptions): RelatedHit[] {
    const k = Math.floor(opts.k);
    const docCount = this.ids.length;
    if (!(k > 0) || docCount === 0) return [];
    const { k1, titleWeight, bTitle, bAbstract } = this.params;

    const picked = this.pickQueryTerms(q);
    if (picked.terms.length === 0) return [];

    // Accumulate BM25F over the picked terms' postings.
    const scores = this.scratch;
    const touched = this.touched;
    let touchedCount = 0;
    const titleNorm = this.titleNorm;
    const abstractNorm = this.abstractNorm;
    for (const term of picked.terms) {
      const weight = term.weight;
      const end = this.offsets[term.id + 1] as number;
      for (let p = this.offsets[term.id] as number; p < end; p++) {
        const slot = this.slots[p] as number;
        const packed = this.tfs[p] as number;
        const tf = titleWeight * (packed >> 5) * (titleNorm[slot] as number) + (packed & 31) * (abstractNorm[slot] as number);
        const before = scores[slot] as number;
        if (before === 0) touched[touchedCount++] = slot;
        scores[slot] = before + (weight * tf) / (k1 + tf);
      }
    }

    // Best k, ties by id so the order never depends on slot numbers.
    const excluded = new Set<number>();
    for (const id of opts.excludeIds ?? []) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) excluded.add(slot);
    }
    const best: { slot: number; score: number }[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const slot = touched[i] as number;
      const score = scores[slot] as number;
      scores[slot] = 0;
      if (best.length === k) {
        const worst = best[k - 1] as { slot: number; score: number };
        if (score < worst.score || (score === worst.score && (this.ids[slot] as string) > (this.ids[worst.slot] as string))) continue;
      }
      if (excluded.has(slot)) continue;
      let at = best.length;
      while (at > 0) {
        const prev = best[at - 1] as { slot: number; score: number };
        if (prev.score > score || (prev.score === score && (this.ids[prev.slot] as string) < (this.ids[slot] as string))) break;
        at--;
      }
      best.splice(at, 0, { slot, score });
      if (best.length > k) best.pop();
    }

    // Self score: the query read as a document of the index, its best possible match; the ratio is the strength.
    const avgTitle = this.titleLengthSum / docCount || 1;
    const avgAbstract = this.abstractLengthSum / docCount || 1;
    const queryTitleNorm = 1 / (1 - bTitle + (bTitle * picked.titleLength) / avgTitle);
    const queryAbstractNorm = 1 / (1 - bAbstract + (bAbstract * picked.abstractLength) / avgAbstract);
    let selfScore = 0;
    for (const term of picked.terms) {
      const tf = titleWeight * term.titleTf * queryTitleNorm + term.abstractTf * queryAbstractNorm;
      selfScore += (term.weight * tf) / (k1 + tf);
    }

    return best.map(({ slot, score }) => ({
      id: this.ids[slot] as string,
      score,
      strength: selfScore > 0 ? Math.min(1, score / selfScore) : 0,
      terms: this.explain(slot, picked.terms).map((id) => picked.display.get(this.terms[id] as string) ?? (this.terms[id] as string)),
    }));
  }

  toSnapshot(): RelatedSnapshot {
    const df = new Uint32Array(this.terms.length);
    for (let t = 0; t < df.length; t++) df[t] = (this.offsets[t + 1] as number) - (this.offsets[t] as number);
    return {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      params: { ...this.params },
      ids: [...this.ids],
      titleLengths: this.titleLengths.slice(),
      abstractLengths: this.abstractLengths.slice(),
      terms: this.terms.join('\n'),
      df,
      slotGaps: encodePostings(this.offsets, this.slots),
      tf: this.tfs.slice(),
    };
  }

  /** Throws on a snapshot of another format or version: the caller then rebuilds from its documents. */
  static fromSnapshot(s: RelatedSnapshot): RelatedIndex {
    if (s.format !== SNAPSHOT_FORMAT || s.version !== SNAPSHOT_VERSION) {
      throw new Error(`related index snapshot ${String(s.format)} v${String(s.version)} is not ${SNAPSHOT_FORMAT} v${SNAPSHOT_VERSION}`);
    }
    const index = new RelatedIndex({ ...DEFAULT_PARAMS, ...s.params });
    const docCount = s.ids.length;
    const terms = s.terms === '' ? [] : s.terms.split('\n');
    if (terms.length !== s.df.length || s.titleLengths.length !== docCount || s.abstractLengths.length !== docCount) {
      throw new Error('related index snapshot is inconsistent');
    }
    index.ids = [...s.ids];
    for (let slot = 0; slot < docCount; slot++) index.slotOf.set(s.ids[slot] as string, slot);
    index.titleLengths = s.titleLengths.slice();
    index.abstractLengths = s.abstractLengths.slice();
    index.terms = terms;
    for (let t = 0; t < terms.length; t++) index.termIds.set(terms[t] as string, t);
    const offsets = new Uint32Array(terms.length + 1);
    for (let t = 0; t < terms.length; t++) offsets[t + 1] = (offsets[t] as number) + (s.df[t] as number);
    if (offsets[terms.length] !== s.tf.length) throw new Error('related index snapshot is inconsistent');
    index.offsets = offsets;
    index.slots = decodePostings(offsets, s.slotGaps);
    index.tfs = s.tf.slice();
    index.refreshNorms();
    return index;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
    }
    return id;
  }

  /** The query's terms known to the index, weighted query tf × idf, the heaviest `maxQueryTerms` of them. */
  private pickQueryTerms(q: RelatedQuery): PickedTerms {
    const { titleWeight, k3, maxQueryTerms } = this.params;
    const counts = new Map<string, { titleTf: number; abstractTf: number }>();
    const display = new Map<string, Map<string, number>>();
    const lengths = [0, 0];
    const fields = [q.title, q.abstract ?? ''];
    for (let field = 0; field < 2; field++) {
      for (const word of words(fields[field] as string)) {
        const term = termOf(word, this.stopStems);
        if (term === null) continue;
        lengths[field] = (lengths[field] as number) + 1;
        let count = counts.get(term);
        if (count === undefined) {
          count = { titleTf: 0, abstractTf: 0 };
          counts.set(term, count);
        }
        if (field === 0) count.titleTf++;
        else count.abstractTf++;
        let forms = display.get(term);
        if (forms === undefined) {
          forms = new Map();
          display.set(term, forms);
        }
        forms.set(word, (forms.get(word) ?? 0) + 1);
      }
    }

    const docCount = this.ids.length;
    const picked: QueryTerm[] = [];
    for (const [term, count] of counts) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const df = (this.offsets[id + 1] as number) - (this.offsets[id] as number);
      if (df === 0) continue;
      const idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
      const qtf = titleWeight * count.titleTf + count.abstractTf;
      const weight = ((k3 + 1) * qtf * idf) / (k3 + qtf);
      picked.push({ id, term, weight, titleTf: count.titleTf, abstractTf: count.abstractTf });
    }
    picked.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    picked.length = Math.min(picked.length, maxQueryTerms);

    const shown = new Map<string, string>();
    for (const term of picked) shown.set(term.term, readableForm(display.get(term.term)));
    return { terms: picked, display: shown, titleLength: lengths[0] as number, abstractLength: lengths[1] as number };
  }

  /** The picked terms the document at `slot` has, heaviest contribution first, at most five (as term ids). */
  private explain(slot: number, picked: QueryTerm[]): number[] {
    const { k1, titleWeight } = this.params;
    const found: { id: number; contribution: number }[] = [];
    for (const term of picked) {
      let lo = this.offsets[term.id] as number;
      let hi = (this.offsets[term.id + 1] as number) - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const at = this.slots[mid] as number;
        if (at < slot) lo = mid + 1;
        else if (at > slot) hi = mid - 1;
        else {
          const packed = this.tfs[mid] as number;
          const tf =
            titleWeight * (packed >> 5) * (this.titleNorm[slot] as number) + (packed & 31) * (this.abstractNorm[slot] as number);
          found.push({ id: term.id, contribution: (term.weight * tf) / (k1 + tf) });
          break;
        }
      }
    }
    found.sort((a, b) => b.contribution - a.contribution);
    return found.slice(0, MAX_TERMS_SHOWN).map((f) => f.id);
  }

  /** Drops the documents, renumbering slots (order kept) and dropping terms no document has any more. */
  private removeSlots(ids: string[]): void {
    const docCount = this.ids.length;
    const newSlot = new Int32Array(docCount);
    for (const id of ids) newSlot[this.slotOf.get(id) as number] = -1;
    const keptIds: string[] = [];
    for (let slot = 0; slot < docCount; slot++) {
      if (newSlot[slot] === -1) continue;
      newSlot[slot] = keptIds.length;
      keptIds.push(this.ids[slot] as string);
    }
    const titleLengths = new Uint16Array(keptIds.length);
    const abstractLengths = new Uint16Array(keptIds.length);
    for (let slot = 0; slot < docCount; slot++) {
      const to = newSlot[slot] as number;
      if (to < 0) continue;
      titleLengths[to] = this.titleLengths[slot] as number;
      abstractLengths[to] = this.abstractLengths[slot] as number;
    }

    const keptTerms: string[] = [];
    const offsets: number[] = [0];
    let write = 0;
    for (let t = 0; t < this.terms.length; t++) {
      const end = this.offsets[t + 1] as number;
      const runStart = write;
      for (let p = this.offsets[t] as number; p < end; p++) {
        const to = newSlot[this.slots[p] as number] as number;
        if (to < 0) continue;
        this.slots[write] = to;
        this.tfs[write] = this.tfs[p] as number;
        write++;
      }
      if (write > runStart) {
        keptTerms.push(this.terms[t] as string);
        offsets.push(write);
      }
    }

    this.ids = keptIds;
    this.slotOf = new Map(keptIds.map((id, slot) => [id, slot]));
    this.titleLengths = titleLengths;
    this.abstractLengths = abstractLengths;
    this.terms = keptTerms;
    this.termIds = new Map(keptTerms.map((term, id) => [term, id]));
    this.offsets = Uint32Array.from(offsets);
    this.slots = this.slots.slice(0, write);
    this.tfs = this.tfs.slice(0, write);
  }

  private refreshNorms(): void {
    const docCount = this.ids.length;
    const { bTitle, bAbstract } = this.params;
    let titleSum = 0;
    let abstractSum = 0;
    for (let slot = 0; slot < docCount; slot++) {
      titleSum += this.titleLengths[slot] as number;
      abstractSum += this.abstractLengths[slot] as number;
    }
    this.titleLengthSum = titleSum;
    this.abstractLengthSum = abstractSum;
    const avgTitle = titleSum / docCount || 1;
    const avgAbstract = abstractSum / docCount || 1;
    this.titleNorm = new Float64Array(docCount);
    this.abstractNorm = new Float64Array(docCount);
    for (let slot = 0; slot < docCount; slot++) {
      this.titleNorm[slot] = 1 / (1 - bTitle + (bTitle * (this.titleLengths[slot] as number)) / avgTitle);
      this.abstractNorm[slot] = 1 / (1 - bAbstract + (bAbstract * (this.abstractLengths[slot] as number)) / avgAbstract);
    }
    this.scratch = new Float64Array(docCount);
    this.touched = new Uint32Array(docCount);
  }
}

interface QueryTerm {
  id: number;
  term: string;
  weight: number;
  titleTf: number;
  abstractTf: number;
}

interface PickedTerms {
  terms: QueryTerm[];
  /** Stem → the word the query wrote it as most often. */
  display: Map<string, string>;
  titleLength: number;
  abstractLength: number;
}

function packTf(titleTf: number, abstractTf: number): number {
  return (Math.min(titleTf, MAX_TITLE_TF) << 5) | Math.min(abstractTf, MAX_ABSTRACT_TF);
}

/** The form written most often; on a tie, the lowercase one (a capital that only starts the title loses). */
function readableForm(forms: Map<string, number> | undefined): string {
  let best = '';
  let bestCount = -1;
  for (const [form, count] of forms ?? []) {
    const score = count + (form === form.toLowerCase() ? 0.5 : 0);
    if (score > bestCount) {
      best = form;
      bestCount = score;
    }
  }
  return best;
}
