/**
 * The inverted index proper, in typed arrays: for each term, a run of the document slots that have
 * it (ascending) and, per posting, the term's frequency in the title and in the abstract packed in
 * one byte. Documents are slots 0..n-1 in the order they were added; removing documents renumbers
 * the later ones (order kept), so postings stay ascending and dense.
 */
import { Lexicon } from './lexicon';
import { plainText } from './plain-text';
import { STOP_STEMS } from './stop-words';

export interface IndexedDoc {
  id: string;
  title: string;
  abstract: string;
}

/** Per posting: title tf in the top 3 bits, abstract tf in the low 5, each capped. */
export const titleTfOf = (packed: number): number => packed >> 5;
export const abstractTfOf = (packed: number): number => packed & 31;
const packTf = (title: number, abstract: number): number => (Math.min(title, 7) << 5) | Math.min(abstract, 31);

const MAX_LENGTH = 0xffff;
/** A lexicon entry's term id for a word that is no term (stop word, number). */
const NO_TERM = -2;

export class Postings {
  ids: string[] = [];
  slotOf = new Map<string, number>();
  /** Terms per field per slot, stop words not counted. */
  titleLengths = new Uint16Array(0);
  abstractLengths = new Uint16Array(0);
  terms: string[] = [];
  termIds = new Map<string, number>();
  /** Term t's postings are [offsets[t], offsets[t + 1]). */
  offsets = new Uint32Array(1);
  slots = new Uint32Array(0);
  tfs = new Uint8Array(0);
  readonly lexicon = new Lexicon(STOP_STEMS);

  df(term: number): number {
    return (this.offsets[term + 1] as number) - (this.offsets[term] as number);
  }

  /** Adds documents after the existing ones; the caller has removed any whose id is already here. */
  add(docs: Iterable<IndexedDoc>): void {
    const firstSlot = this.ids.length;
    const lexicon = this.lexicon;
    // The new documents' postings, document by document: term ids and packed tfs, and where each document ends.
    const docTerms: number[] = [];
    const docTfs: number[] = [];
    const docEnds: number[] = [];
    const titleLengths: number[] = [];
    const abstractLengths: number[] = [];
    // Per term id: the document it was last counted in, where, and how many new documents have it.
    let stamp = new Int32Array(this.terms.length + 4096).fill(-1);
    let at = new Int32Array(stamp.length);
    let added = new Int32Array(stamp.length);
    /** Per term of the current document: title count << 16 | abstract count. */
    const counts: number[] = [];
    let docStart = 0;
    let slot = 0;
    let increment = 0;
    let fieldLength = 0;

    const visit = (entry: number): void => {
      let id = lexicon.termIdOf(entry);
      if (id === NO_TERM) return;
      if (id < 0) {
        const term = lexicon.stemOf(entry);
        if (term === null) {
          lexicon.setTermId(entry, NO_TERM);
          return;
        }
        id = this.termId(term);
        lexicon.setTermId(entry, id);
        if (id >= stamp.length) {
          stamp = grown(stamp, -1);
          at = grown(at, 0);
          added = grown(added, 0);
        }
      }
      fieldLength++;
      if (stamp[id] === slot) {
        const i = at[id] as number;
        counts[i] = (counts[i] as number) + increment;
      } else {
        stamp[id] = slot;
        at[id] = counts.length;
        counts.push(increment);
        docTerms.push(id);
        added[id] = (added[id] as number) + 1;
      }
    };

    for (const doc of docs) {
      slot = this.ids.length;
      docStart = docTerms.length;
      counts.length = 0;
      increment = 1 << 16;
      fieldLength = 0;
      lexicon.scan(plainText(doc.title), visit);
      titleLengths.push(Math.min(fieldLength, MAX_LENGTH));
      increment = 1;
      fieldLength = 0;
      lexicon.scan(plainText(doc.abstract), visit);
      abstractLengths.push(Math.min(fieldLength, MAX_LENGTH));
      for (let i = 0; i < counts.length; i++) {
        const c = counts[i] as number;
        docTfs[docStart + i] = packTf(c >>> 16, c & 0xffff);
      }
      docEnds.push(docTerms.length);
      this.slotOf.set(doc.id, slot);
      this.ids.push(doc.id);
    }
    if (docEnds.length === 0) return;

    // Merge: each term's old run, then its new slots (all larger, so the run stays ascending).
    const termCount = this.terms.length;
    const old = { offsets: this.offsets, slots: this.slots, tfs: this.tfs };
    const oldTerms = old.offsets.length - 1;
    const offsets = new Uint32Array(termCount + 1);
    const cursor = new Uint32Array(termCount);
    for (let t = 0; t < termCount; t++) {
      const before = t < oldTerms ? (old.offsets[t + 1] as number) - (old.offsets[t] as number) : 0;
      cursor[t] = (offsets[t] as number) + before;
      offsets[t + 1] = (cursor[t] as number) + (t < added.length ? (added[t] as number) : 0);
    }
    const slots = new Uint32Array(offsets[termCount] as number);
    const tfs = new Uint8Array(slots.length);
    // Old runs move as blocks: terms [from, t] keep their old runs back to back up to the first one
    // that gains postings, so one copy per such term, not per term (a digest import touches few).
    const copyRuns = (from: number, to: number): void => {
      const start = old.offsets[from] as number;
      const end = old.offsets[to] as number;
      if (end > start) {
        slots.set(old.slots.subarray(start, end), offsets[from] as number);
        tfs.set(old.tfs.subarray(start, end), offsets[from] as number);
      }
    };
    let runFrom = 0;
    for (let t = 0; t < oldTerms; t++) {
      if ((added[t] as number) > 0) {
        copyRuns(runFrom, t + 1);
        runFrom = t + 1;
      }
    }
    if (runFrom < oldTerms) copyRuns(runFrom, oldTerms);
    let start = 0;
    for (let d = 0; d < docEnds.length; d++) {
      const end = docEnds[d] as number;
      for (let i = start; i < end; i++) {
        const t = docTerms[i] as number;
        const p = cursor[t] as number;
        slots[p] = firstSlot + d;
        tfs[p] = docTfs[i] as number;
        cursor[t] = p + 1;
      }
      start = end;
    }
    this.offsets = offsets;
    this.slots = slots;
    this.tfs = tfs;
    this.titleLengths = concatUint16(this.titleLengths, titleLengths);
    this.abstractLengths = concatUint16(this.abstractLengths, abstractLengths);
  }

  /** Removes the documents with these ids (all must be present); terms no document has any more are dropped. */
  remove(ids: Iterable<string>): void {
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

    // Compact the runs in place, renumbering slots; a term left with no postings goes.
    const keptTerms: string[] = [];
    const offsets = new Uint32Array(this.terms.length + 1);
    let write = 0;
    for (let t = 0; t < this.terms.length; t++) {
      const runStart = write;
      const end = this.offsets[t + 1] as number;
      for (let p = this.offsets[t] as number; p < end; p++) {
        const to = newSlot[this.slots[p] as number] as number;
        if (to < 0) continue;
        this.slots[write] = to;
        this.tfs[write] = this.tfs[p] as number;
        write++;
      }
      if (write > runStart) {
        keptTerms.push(this.terms[t] as string);
        offsets[keptTerms.length] = write;
      }
    }

    this.ids = keptIds;
    this.slotOf = new Map(keptIds.map((id, slot) => [id, slot]));
    this.titleLengths = titleLengths;
    this.abstractLengths = abstractLengths;
    if (keptTerms.length !== this.terms.length) {
      this.terms = keptTerms;
      this.termIds = new Map(keptTerms.map((term, id) => [term, id]));
      this.lexicon.forgetTermIds();
    }
    this.offsets = offsets.slice(0, keptTerms.length + 1);
    this.slots = this.slots.slice(0, write);
    this.tfs = this.tfs.slice(0, write);
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
}

function grown(array: Int32Array, fill: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2).fill(fill);
  bigger.set(array);
  return bigger;
}

function concatUint16(head: Uint16Array, tail: number[]): Uint16Array<ArrayBuffer> {
  const out = new Uint16Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}
