/**
 * The related index as plain data to keep in IndexedDB and load when the worker wakes: postings
 * varint-coded (postings-codec.ts), the collection-wide figures (normalisations, self scores)
 * left out, as the index recomputes them from the lengths on load.
 */
import { DEFAULT_PARAMS, type RelatedParams } from './params';
import { Postings } from './postings';
import { decodePostings, encodePostings } from './postings-codec';

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

export function writeSnapshot(p: Postings, params: RelatedParams): RelatedSnapshot {
  const df = new Uint32Array(p.terms.length);
  for (let t = 0; t < df.length; t++) df[t] = p.df(t);
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    params: { ...params },
    ids: [...p.ids],
    titleLengths: p.titleLengths.slice(),
    abstractLengths: p.abstractLengths.slice(),
    terms: p.terms.join('\n'),
    df,
    postings: encodePostings(p.offsets, p.slots, p.tfs),
  };
}

/** Throws on a snapshot of another format or version, or a damaged one: the caller then rebuilds from its documents. */
export function readSnapshot(s: RelatedSnapshot): { params: RelatedParams; postings: Postings } {
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
  const p = new Postings();
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
  return { params: { ...DEFAULT_PARAMS, ...s.params }, postings: p };
}

/** A typed array of this kind, from any realm (a snapshot may come from IndexedDB or another context). */
function isA(kind: string, value: unknown): boolean {
  return Object.prototype.toString.call(value) === `[object ${kind}]`;
}
