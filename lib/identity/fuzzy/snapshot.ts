/**
 * The fuzzy index as plain, structured-cloneable data, to keep in IndexedDB and load when the worker
 * wakes without parsing any title again: each paper's id and its title's words, as numbers into one
 * list of distinct words.
 */

/** A structured-cloneable index: each paper's id and its normalised title words, as numbers. */
export interface FuzzyTitleSnapshot {
  /** 2: words numbered (1 stored each title's words as text, and is refused). */
  version: 2;
  ids: string[];
  /** The titles' distinct words. */
  words: string[];
  /**
   * Per paper: its word count `n`, name length, `+` count, then `n` numbers, each a word's index
   * in `words` times 2, plus 1 when the word is hyphenated to the one before. 16-bit when all fit.
   */
  titles: Uint16Array | Uint32Array;
  /** The keys of titles without letters or digits (`n` = 0), in order. */
  keys: string[];
}

/** One paper's title as the snapshot keeps it. */
export interface StoredTitle {
  id: string;
  /** The title's words, each a number: in `writeSnapshot`, the caller's; from `readSnapshot`, an index in `words`. */
  words: ArrayLike<number>;
  glued: boolean[];
  /** How many words name the paper, and how many `+` the title has (see words.ts). */
  name: number;
  plus: number;
  /** The title key, kept only for titles without words (the others' key is their words joined). */
  key: string;
}

const NOT_A_SNAPSHOT = 'Not a fuzzy title index snapshot';

/** The snapshot's distinct words and its titles in order; throws on anything not shaped as one. */
export function readSnapshot(snapshot: FuzzyTitleSnapshot): { words: string[]; titles: StoredTitle[] } {
  const { version, ids, words, titles, keys } = snapshot;
  if (version !== 2 || !(titles instanceof Uint32Array || titles instanceof Uint16Array)) throw new Error(NOT_A_SNAPSHOT);
  const stored: StoredTitle[] = [];
  let at = 0;
  let wordless = 0;
  for (const id of ids) {
    const n = titles[at++] as number;
    const name = titles[at++] as number;
    const plus = titles[at++] as number;
    const numbers = new Uint32Array(n);
    const glued: boolean[] = [];
    for (let i = 0; i < n; i++) {
      const code = titles[at++] as number;
      if (words[code >>> 1] === undefined) throw new Error(NOT_A_SNAPSHOT);
      numbers[i] = code >>> 1;
      glued.push((code & 1) === 1);
    }
    stored.push({ id, words: numbers, glued, name, plus, key: n ? '' : (keys[wordless++] as string) });
  }
  if (at !== titles.length || wordless !== keys.length) throw new Error(NOT_A_SNAPSHOT);
  return { words, titles: stored };
}

/** The snapshot of these titles, whose word numbers `wordOf` spells. */
export function writeSnapshot(stored: Iterable<StoredTitle>, wordOf: (number: number) => string): FuzzyTitleSnapshot {
  const ids: string[] = [];
  const words: string[] = [];
  const numbers = new Map<number, number>();
  const titles: number[] = [];
  const keys: string[] = [];
  for (const t of stored) {
    ids.push(t.id);
    titles.push(t.words.length, t.name, Math.min(t.plus, 0xffff));
    if (!t.words.length) keys.push(t.key);
    for (let i = 0; i < t.words.length; i++) {
      const word = t.words[i] as number;
      let number = numbers.get(word);
      if (number === undefined) {
        number = words.length;
        numbers.set(word, number);
        words.push(wordOf(word));
      }
      titles.push(number * 2 + (t.glued[i] ? 1 : 0));
    }
  }
  const small = titles.every((number) => number < 0x10000);
  return { version: 2, ids, words, titles: small ? Uint16Array.from(titles) : Uint32Array.from(titles), keys };
}
