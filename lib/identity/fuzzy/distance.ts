/**
 * Distances between titles, in sixths of a word (see index.ts for the weights and allowances): the
 * weighted word edit distance, the character distance between title keys, and the cheap checks that
 * turn most candidates away before either is computed.
 */
import { ARTICLES, areContrasting, FUNCTION_WORDS, isOneTypoApart, isProtected } from './vocabulary';
import type { Words } from './words';

const SOFT = 1;
export const TYPO = 4;
const ARTICLE = 4;
export const WORD = 6;
const REPLACE = 7;
const NEVER = 1_000;

/**
 * The largest edit cost allowed between titles whose shorter one has `words` words: nothing up to 4
 * words; a typo (or up to 4 spelling variants) up to 6; a word added or dropped up to 9; a word
 * replaced and a typo from 10. Never two word edits (12).
 */
export function allowedCost(words: number): number {
  if (words <= 4) return 0;
  if (words <= 6) return TYPO;
  if (words <= 9) return WORD;
  return REPLACE + TYPO;
}

/** The largest character edit distance allowed between title keys, the shorter `length` long. */
export function allowedCharDistance(length: number): number {
  return Math.max(3, Math.floor(length / 4));
}

/** A title as compared: its words, their spellings, and what may be done to each. */
export interface Title extends Words {
  /** Each word in `canonicalWord` spelling. */
  canon: string[];
  /** Each spelling's number in the index's vocabulary, -1 when the index has none. */
  vocab: Int32Array;
  /** The cost of adding or dropping each word (`NEVER` for protected words). */
  indel: number[];
  /** Each word's number in the index's lexicon (for indexed titles). */
  raw: Uint32Array;
  key: string;
  /** The numbers in the key: titles with other numbers are other papers. */
  numbers: string;
}

export function indelCost(word: string): number {
  if (isProtected(word)) return NEVER;
  return ARTICLES.has(word) ? ARTICLE : WORD;
}

/**
 * The cost of reading words `i` and `i + 1` of `a` as word `j` of `b`: free when the letters are
 * the same (`pre training`, `pretraining`), a spelling variant when the spellings are.
 */
function joinCost(a: Title, i: number, b: Title, j: number): number {
  const first = a.words[i] as string;
  const second = a.words[i + 1] as string;
  const whole = b.words[j] as string;
  if (whole.length === first.length + second.length && whole.startsWith(first) && whole.endsWith(second)) return 0;
  const secondSpelling = a.canon[i + 1] as string;
  const wholeSpelling = b.canon[j] as string;
  const joined =
    wholeSpelling.length === first.length + secondSpelling.length &&
    wholeSpelling.startsWith(first) &&
    wholeSpelling.endsWith(secondSpelling);
  return joined ? SOFT : NEVER;
}

/** The cost of replacing query word `i` by word `j` of `c`, when no more than `limit` is allowed. */
function replaceCost(q: Title, i: number, c: Title, j: number, limit: number): number {
  const qa = q.words[i] as string;
  const ca = c.words[j] as string;
  if (qa === ca) return 0;
  if (q.indel[i] === NEVER || c.indel[j] === NEVER) return NEVER;
  if (q.vocab[i] === c.vocab[j] && q.canon[i] === c.canon[j]) return SOFT;
  // A name is the paper's: another name, even one letter apart (`LLaVA`, `LLaMA`), is another paper.
  if (i < q.name || j < c.name) return NEVER;
  const qc = q.canon[i] as string;
  const cc = c.canon[j] as string;
  const typo = isOneTypoApart(qc, cc);
  // (A replacement beyond the allowance needs no closer look.)
  if (!typo && limit < WORD) return NEVER;
  if (areContrasting(qc, cc)) return NEVER;
  if (typo) return TYPO;
  return FUNCTION_WORDS.has(qa) && FUNCTION_WORDS.has(ca) ? WORD : REPLACE;
}

let table = new Float64Array(1024);

/** The weighted word edit distance (sixths of a word); more than `limit` whenever it exceeds `limit`. */
function wordDistance(q: Title, c: Title, limit: number): number {
  const n = q.words.length;
  const m = c.words.length;
  const w = m + 1;
  if (table.length < (n + 1) * w) table = new Float64Array((n + 1) * w * 2);
  const d = table;
  // Words of a name are dropped only with the whole name, when the other title has none.
  const qDrop = q.indel.map((cost, i) => (i < q.name && c.name ? NEVER : cost));
  const cAdd = c.indel.map((cost, j) => (j < c.name && q.name ? NEVER : cost));
  // A hyphenated compound (`parameter-efficient`) is added or dropped as one word.
  const compound = (costs: number[], glued: boolean[], k: number) =>
    glued[k + 1] && (costs[k] as number) < NEVER && (costs[k + 1] as number) < NEVER ? WORD : NEVER;
  d[0] = 0;
  for (let j = 1; j <= m; j++) {
    d[j] = (d[j - 1] as number) + (cAdd[j - 1] as number);
    if (j >= 2) d[j] = Math.min(d[j] as number, (d[j - 2] as number) + compound(cAdd, c.glued, j - 2));
  }
  let previousBest = 0;
  for (let i = 1; i <= n; i++) {
    const row = i * w;
    const drop = qDrop[i - 1] as number;
    const dropCompound = i >= 2 ? compound(qDrop, q.glued, i - 2) : NEVER;
    d[row] = Math.min((d[row - w] as number) + drop, i >= 2 ? (d[row - 2 * w] as number) + dropCompound : NEVER);
    let best = d[row] as number;
    for (let j = 1; j <= m; j++) {
      let v = Math.min(
        (d[row - w + j - 1] as number) + replaceCost(q, i - 1, c, j - 1, limit),
        (d[row - w + j] as number) + drop,
        (d[row + j - 1] as number) + (cAdd[j - 1] as number),
      );
      if (i >= 2) {
        v = Math.min(v, (d[row - 2 * w + j - 1] as number) + joinCost(q, i - 2, c, j - 1), (d[row - 2 * w + j] as number) + dropCompound);
      }
      if (j >= 2) {
        v = Math.min(
          v,
          (d[row - w + j - 2] as number) + joinCost(c, j - 2, q, i - 1),
          (d[row + j - 2] as number) + compound(cAdd, c.glued, j - 2),
        );
      }
      d[row + j] = v;
      if (v < best) best = v;
    }
    // A path reaches row i from row i - 1, or (joining or dropping two query words) from row i - 2.
    if (best > limit && previousBest > limit) return NEVER;
    previousBest = best;
  }
  return d[n * w + m] as number;
}

/** Levenshtein distance between two strings; more than `limit` whenever it exceeds `limit`. */
export function charDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Only the middle, between the common start and end, needs comparing.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const n = a.length - start - end;
  const m = b.length - start - end;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(start + i - 1);
    for (let j = 1; j <= m; j++) {
      const same = ca === b.charCodeAt(start + j - 1);
      const v = Math.min((prev[j - 1] as number) + (same ? 0 : 1), (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[m] as number;
}

/**
 * A query word's ways of staying unedited in a title: the title has one of the `keep` spellings
 * (its own, or it joined with a neighbour), or both spellings of a pair in `split` (it split in two).
 */
export interface Kept {
  keep: number[];
  split: number[];
}

function includesAny(vocab: Int32Array, ids: number[]): boolean {
  for (const id of ids) if (vocab.includes(id)) return true;
  return false;
}

function isKept(kept: Kept, c: Title): boolean {
  if (includesAny(c.vocab, kept.keep)) return true;
  const { split } = kept;
  for (let k = 0; k < split.length; k += 2)
    if (c.vocab.includes(split[k] as number) && c.vocab.includes(split[k + 1] as number)) return true;
  return false;
}

/** The weighted distance (in words) from a query to an indexed title, or null beyond the allowance. */
export function distanceBetween(q: Title, kept: Kept[], c: Title): number | null {
  const limit = allowedCost(Math.min(q.words.length, c.words.length));
  if (limit === 0 || q.plus !== c.plus || q.numbers !== c.numbers) return null;
  const charLimit = allowedCharDistance(Math.min(q.key.length, c.key.length));
  if (Math.abs(q.key.length - c.key.length) > charLimit) return null;
  // Each query word not kept is edited (at 3 or more a word); most candidates fail here, cheaply.
  const editable = Math.floor(limit / (WORD / 2));
  let edited = 0;
  for (const k of kept) if (!isKept(k, c) && ++edited > editable) return null;
  const cost = wordDistance(q, c, limit);
  if (cost > limit) return null;
  if (charDistance(q.key, c.key, charLimit) > charLimit) return null;
  return Math.round((cost / WORD) * 100) / 100;
}
