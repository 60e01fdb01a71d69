/**
 * Words to terms, fast: plain text (see plain-text.ts) is split into words of letters and digits,
 * each looked up, without making a string, in a hash table of the words seen before (lowercased);
 * a new word is read once: dropped if it is a stop word, a bare number or a single letter, else
 * stemmed. Building the index over 38k abstracts meets each distinct word ~90 times, and this is
 * where the time goes (it is bound by memory latency: hence flat typed arrays, one probe per word).
 *
 * Each entry also holds the term id its owner (postings.ts) gave it, -1 until the owner sets one.
 */
import { plainText } from './plain-text';
import { stem } from './stem';
import { STOP_STEMS } from './stop-words';

/**
 * Bare numbers and quantities ("2024", "7b", "10k", "3x", "1st") say nothing about the subject;
 * "3d", "2d", "5g" and digits inside names ("gpt4", "llama3") stay.
 */
const NUMBERISH = /^\d+(?:[kmbxs]|st|nd|rd|th|ms|gb|mb|hz|khz|mhz|ghz|fps|bit|bits|px|am|pm)?$/;
/** A long-lived worker meets new words on every page: past this many the table starts afresh (38k abstracts have ~85k). */
const MAX_ENTRIES = 1 << 18;
/** Longer runs of letters and digits are no words (hashes, base64, DNA): skipped. */
const MAX_WORD_LENGTH = 64;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Per UTF-16 code unit: its lowercase code if it is part of words (a letter or digit), else -1. Filled lazily. */
const WORD_CHAR = new Int32Array(0x10000).fill(-2);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
for (let code = 0; code < 128; code++) wordChar(code);

/** `wordChar` of ASCII codes, read inline in the scanning loop (the hot path: most text is ASCII). */
const ASCII_WORD_CHAR = WORD_CHAR.slice(0, 128);

function wordChar(code: number): number {
  let lower = WORD_CHAR[code] as number;
  if (lower === -2) {
    const char = String.fromCharCode(code);
    if (code >= 0xd800 && code <= 0xdfff)
      lower = -1; // surrogates: symbols outside the BMP (emoji, math letters NFKD did not map)
    else if (LETTER_OR_DIGIT.test(char)) {
      const folded = char.toLowerCase();
      lower = folded.length === 1 ? folded.charCodeAt(0) : code;
    } else lower = -1;
    WORD_CHAR[code] = lower;
  }
  return lower;
}

export class Lexicon {
  private readonly stopStems: ReadonlySet<string>;
  /**
   * Open addressing, two int32 per bucket: the word's hash, then its entry + 1 (0: empty bucket).
   * The hash sits beside the entry so a probe touches one cache line; building is bound by memory
   * latency, not arithmetic.
   */
  private table = new Int32Array(2 << 16);
  private entries = 0;
  /** The lowercase words' UTF-16 codes, back to back; entry e is pool[starts[e], starts[e + 1]). */
  private pool = new Uint16Array(1 << 18);
  private starts = new Int32Array(1 << 15);
  private termIds = new Int32Array(1 << 15);
  private stems: (string | null)[] = [];

  constructor(stopStems: ReadonlySet<string>) {
    this.stopStems = stopStems;
  }

  /** Calls `visit` with each word's entry and its span in `plain`, in order. */
  scan(plain: string, visit: (entry: number, start: number, end: number) => void): void {
    if (this.entries >= MAX_ENTRIES) this.clear();
    const n = plain.length;
    let i = 0;
    while (i < n) {
      let code = plain.charCodeAt(i);
      let lower = code < 128 ? (ASCII_WORD_CHAR[code] as number) : wordChar(code);
      if (lower < 0) {
        i++;
        continue;
      }
      const start = i;
      let hash = FNV_OFFSET;
      while (lower >= 0) {
        hash = Math.imul(hash ^ lower, FNV_PRIME);
        if (++i === n) break;
        code = plain.charCodeAt(i);
        lower = code < 128 ? (ASCII_WORD_CHAR[code] as number) : wordChar(code);
      }
      // FNV's low bits, which pick the bucket, mix poorly: finish with murmur3's avalanche.
      hash ^= hash >>> 16;
      hash = Math.imul(hash, 0x85ebca6b);
      hash ^= hash >>> 13;
      hash = Math.imul(hash, 0xc2b2ae35);
      hash ^= hash >>> 16;
      if (i - start <= MAX_WORD_LENGTH) visit(this.lookup(plain, start, i, hash), start, i);
    }
  }

  /** The word's term (its stem), or null if it is no term. */
  stemOf(entry: number): string | null {
    return this.stems[entry] as string | null;
  }

  /** The owner's id for the word's term, -1 while it has set none. */
  termIdOf(entry: number): number {
    return this.termIds[entry] as number;
  }

  setTermId(entry: number, id: number): void {
    this.termIds[entry] = id;
  }

  /** Forgets every term id (the owner renumbered its terms); words and stems stay. */
  forgetTermIds(): void {
    this.termIds.fill(-1);
  }

  private clear(): void {
    this.table = new Int32Array(2 << 16);
    this.entries = 0;
    this.stems = [];
  }

  private lookup(plain: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let bucket = hash & mask;
    for (;;) {
      const slot = table[2 * bucket + 1] as number;
      if (slot === 0) break;
      if (table[2 * bucket] === hash) {
        const entry = slot - 1;
        const from = this.starts[entry] as number;
        if ((this.starts[entry + 1] as number) - from === length) {
          const pool = this.pool;
          let j = 0;
          while (j < length && wordChar(plain.charCodeAt(start + j)) === pool[from + j]) j++;
          if (j === length) return entry;
        }
      }
      bucket = (bucket + 1) & mask;
    }
    return this.insert(plain, start, end, hash, bucket);
  }

  private insert(plain: string, start: number, end: number, hash: number, bucket: number): number {
    const entry = this.entries++;
    const from = this.starts[entry] as number;
    const length = end - start;
    if (entry + 2 > this.starts.length) {
      this.starts = grownInt32(this.starts, 0);
      this.termIds = grownInt32(this.termIds, -1);
    }
    if (from + length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, from + length));
      pool.set(this.pool);
      this.pool = pool;
    }
    for (let j = 0; j < length; j++) this.pool[from + j] = wordChar(plain.charCodeAt(start + j));
    this.starts[entry + 1] = from + length;
    this.termIds[entry] = -1;
    this.stems[entry] = this.termOf(String.fromCharCode(...this.pool.subarray(from, from + length)));

    let at = bucket;
    if (this.entries * 2 > this.table.length >> 1) {
      this.rehash();
      const mask = (this.table.length >> 1) - 1;
      at = hash & mask;
      while (this.table[2 * at + 1] !== 0) at = (at + 1) & mask;
    }
    this.table[2 * at] = hash;
    this.table[2 * at + 1] = entry + 1;
    return entry;
  }

  private termOf(word: string): string | null {
    if (word.length < 2 || NUMBERISH.test(word) || this.stopStems.has(word)) return null;
    const stemmed = stem(word);
    return this.stopStems.has(stemmed) ? null : stemmed;
  }

  /** Doubles the table, placing every entry but the newest (its caller places it). */
  private rehash(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 1) - 1;
    for (let b = 0; b < old.length >> 1; b++) {
      const slot = old[2 * b + 1] as number;
      if (slot === 0) continue;
      const hash = old[2 * b] as number;
      let at = hash & mask;
      while (table[2 * at + 1] !== 0) at = (at + 1) & mask;
      table[2 * at] = hash;
      table[2 * at + 1] = slot;
    }
    this.table = table;
  }
}

function grownInt32(array: Int32Array, fill: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2).fill(fill);
  grown.set(array);
  return grown;
}

let shared: Lexicon | null = null;

/** The terms of a text in order, as the index reads it (for tests and tools; the index keeps its own lexicon). */
export function textTerms(text: string): string[] {
  shared ??= new Lexicon(STOP_STEMS);
  const lexicon = shared;
  const out: string[] = [];
  lexicon.scan(plainText(text), (entry) => {
    const term = lexicon.stemOf(entry);
    if (term !== null) out.push(term);
  });
  return out;
}
