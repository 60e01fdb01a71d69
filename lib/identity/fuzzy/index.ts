/**
 * A careful fuzzy title matcher: the one paper of the user's corpus whose title a page's title is a
 * small edit of, for when neither the arXiv id nor the exact title key (title-key.ts) matches: a
 * title changed a little between arXiv versions (a word changed, added or dropped, a typo, `LLMs` for
 * `LLM`, British for American spelling, hyphenation, a subtitle's punctuation).
 *
 * It is built never to match two different papers, and answers `null` rather than guess:
 * - Titles are compared as words normalised exactly as `titleKey` normalises the whole title (a
 *   title's words join to its key), so `pre-training`, `pre training` and `pretraining` are equal,
 *   and a paper with the query's very title key is the answer (distance 0).
 * - Edits are weighed in sixths of a word: a spelling variant (plural, -ise/-ize, -our/-or, -tre/-ter,
 *   -lled/-led) 1; a one-letter typo (words of 5+ letters), or an article added or dropped, 4; a
 *   word (or hyphenated compound) added or dropped, or a function word replaced, 6; another word
 *   replaced, 7.
 * - The allowance grows with the shorter title's word count: up to 4 words, the title key only;
 *   5–6 words, a typo; 7–9, a word added or dropped; 10 or more, a word replaced and a typo. Never two
 *   word edits. The title keys must also be within a quarter of their letters of each other.
 * - Some things are never edited: numbers (the numbers in the keys must be the same: `GPT-4`/`GPT-5`,
 *   `3D`/`2D`), a `+` (`KeepLoRA`/`KeepLoRA++`), Roman numerals (`Part I`/`Part II`), number and
 *   quantity words, negations (`not`, `without`); a word is never replaced by a contrasting one
 *   (`online`/`offline`, `supervised`/`unsupervised`, `text`/`video`); and a title's name (`Nemotron 3
 *   Nano` in `Nemotron 3 Nano: Open...`) is kept whole or dropped whole, never edited.
 * - When more than one paper is within reach the answer is `null`: ambiguity is no match.
 *
 * Candidates come from posting lists of each paper's word spellings: a title within reach has
 * edits at only a few of the query's words, so it appears in the lists of most of its rarest words.
 *
 * The parts: words.ts (a title to words), vocabulary.ts (what a word is: its spelling, protected,
 * contrasting), distance.ts (the costs and distances), snapshot.ts (the index as plain data), and
 * here the index itself (posting lists, candidates, the one answer). The index is one class of about
 * About 380 lines on purpose: its posting lists, lexicon, dead slots and per-query counters are one state
 * that `add`, `remove`, `match` and `compact` keep consistent, and it reads best in one place.
 *
 * Why hand-written, not a fuzzy-search library (a measured decision, kept in issue 8): libraries
 * such as Fuse.js, fuzzysort or MiniSearch's fuzzy option rank by character similarity and offer the
 * closest candidate; none answers "this one paper, or none", and none knows that `GPT-4`/`GPT-5`,
 * `online`/`offline` or `Part I`/`Part II` are different papers. This matcher's figures, asserted by
 * tests/unit/identity/fuzzy-dataset.test.ts and printed by scripts/measure-fuzzy.ts:
 * - 0 wrong matches in leave-one-out over 38,246 real arXiv titles (each matched against all the
 *   others; the one answer is a work submitted twice under two ids);
 * - 91% recall on seeded realistic edits (12,907 of 14,081 edited titles matched back to their
 *   paper, none to another);
 * - 200 page titles matched against the whole corpus in well under 50 ms.
 */
import { titleKey } from '../title-key';
import { allowedCost, distanceBetween, indelCost, type Kept, type Title, TYPO } from './distance';
import { type FuzzyTitleSnapshot, readSnapshot, type StoredTitle, writeSnapshot } from './snapshot';
import { canonicalWord } from './vocabulary';
import { tokenize, type Words } from './words';

export type { FuzzyTitleSnapshot } from './snapshot';

export interface FuzzyCandidate {
  id: string;
  title: string;
}

export interface FuzzyMatch {
  id: string;
  /** The weighted word edit distance: 0 for the same title key, 1 for one word added or dropped. */
  distance: number;
}

const NUMBERS = /\d+/g;

const EMPTY: number[] = [];
/** How many of the query's rarest units beyond `lost` are looked up (and must find a title). */
const EXTRA_UNITS = 2;

export class FuzzyTitleIndex {
  private ids: string[] = [];
  private titles: Title[] = [];
  private alive: boolean[] = [];
  private deadCount = 0;
  private slotById = new Map<string, number>();
  /** A removed paper's slot, revived if the same paper comes back with the same title. */
  private deadSlotById = new Map<string, number>();
  private slotsByKey = new Map<string, number[]>();
  /** Spellings (`canonicalWord`) to their numbers, and each number's slots. */
  private vocabulary = new Map<string, number>();
  private postings: number[][] = [];
  /** Indexed titles' words to their numbers, and per number the word, spelling, vocabulary number, cost. */
  private lexicon = new Map<string, number>();
  private lexWord: string[] = [];
  private lexCanon: string[] = [];
  private lexVocab: number[] = [];
  private lexIndel: number[] = [];
  /** Query words to the pairs of spellings they split into (see Kept); emptied when the vocabulary grows. */
  private splits = new Map<string, number[]>();
  /** Per slot, during one query: `stamp * 64 +` how many query words found it, and the last one. */
  private hits = new Uint32Array(0);
  private lastHit = new Uint32Array(0);
  private stamp = 0;

  static build(candidates: FuzzyCandidate[]): FuzzyTitleIndex {
    const index = new FuzzyTitleIndex();
    index.add(candidates);
    return index;
  }

  static fromSnapshot(snapshot: FuzzyTitleSnapshot): FuzzyTitleIndex {
    const { words, titles } = readSnapshot(snapshot);
    const index = new FuzzyTitleIndex();
    const lexicon = words.map((word) => index.lexiconId(word));
    for (const { id, words: numbers, glued, name, plus, key } of titles) {
      const n = numbers.length;
      const title: Words = { words: new Array<string>(n), glued, name, plus };
      const raw = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        raw[i] = lexicon[numbers[i] as number] as number;
        title.words[i] = words[numbers[i] as number] as string;
      }
      index.put(id, index.makeTitle(title, n ? undefined : key, true, raw));
    }
    return index;
  }

  /** The index as plain data, to store and load with `fromSnapshot` (no title is parsed again). */
  toSnapshot(): FuzzyTitleSnapshot {
    const stored: StoredTitle[] = [];
    this.ids.forEach((id, slot) => {
      if (!this.alive[slot]) return;
      const { raw, glued, name, plus, key } = this.titles[slot] as Title;
      stored.push({ id, words: raw, glued, name, plus, key });
    });
    return writeSnapshot(stored, (word) => this.lexWord[word] as string);
  }

  /** How many papers are indexed. */
  get size(): number {
    return this.slotById.size;
  }

  /** Adds papers; a paper whose id is already indexed has its title replaced. */
  add(candidates: FuzzyCandidate[]): void {
    for (const c of candidates) this.put(c.id, this.parse(c.title, true));
  }

  remove(ids: string[]): void {
    for (const id of ids) {
      const slot = this.slotById.get(id);
      if (slot === undefined) continue;
      this.slotById.delete(id);
      this.alive[slot] = false;
      this.deadCount++;
      this.deadSlotById.set(id, slot);
      const key = (this.titles[slot] as Title).key;
      const sameKey = (this.slotsByKey.get(key) ?? EMPTY).filter((s) => s !== slot);
      if (sameKey.length) this.slotsByKey.set(key, sameKey);
      else this.slotsByKey.delete(key);
    }
    if (this.deadCount > 1000 && this.deadCount > this.slotById.size) this.compact();
  }

  /**
   * The one paper this title is a small edit of, or null when none is, or when more than one could be
   * (ambiguity means no match). A paper with the same title key is the answer, at distance 0.
   */
  match(title: string): FuzzyMatch | null {
    const q = this.parse(title, false);
    const exact = this.slotsByKey.get(q.key);
    if (exact) return exact.length === 1 ? { id: this.ids[exact[0] as number] as string, distance: 0 } : null;
    const n = q.words.length;
    const limit = allowedCost(n);
    if (limit === 0) return null;
    const kept = this.keptWords(q);
    // Group the query's words into units: a word with the words hyphenated to it. Each edit touches
    // one unit at most (a typo, a word replaced or dropped, a compound dropped) and costs at least
    // TYPO; so a title within reach (its allowance is at most the query's) has edits in at most
    // `lost` units, and keeps every word of the others (isKept). Of any `lost + EXTRA_UNITS` units,
    // it is in the posting lists of at least EXTRA_UNITS: only titles found that often are compared.
    const lost = Math.floor(limit / TYPO);
    const units: { lists: number[][]; size: number }[] = [];
    for (let i = 0; i < n; i++) {
      const unit = q.glued[i] ? units[units.length - 1] : undefined;
      const lists = (kept[i] as Kept).keep.map((id) => this.postings[id] as number[]);
      const split = (kept[i] as Kept).split;
      for (let k = 0; k < split.length; k += 2) {
        const first = this.postings[split[k] as number] as number[];
        const second = this.postings[split[k + 1] as number] as number[];
        lists.push(first.length < second.length ? first : second);
      }
      const size = lists.reduce((sum, l) => sum + l.length, 0);
      if (unit) {
        unit.lists.push(...lists);
        unit.size += size;
      } else units.push({ lists, size });
    }
    units.sort((a, b) => a.size - b.size);
    const chosen = units.slice(0, lost + EXTRA_UNITS);
    const needed = chosen.length - lost;
    if (this.hits.length < this.ids.length) {
      this.hits = new Uint32Array(this.ids.length * 2);
      this.lastHit = new Uint32Array(this.ids.length * 2);
    }
    if (++this.stamp >= 0x3ffffff) {
      this.stamp = 1;
      this.hits.fill(0);
    }
    const stamp = this.stamp * 64;
    const compared: number[] = [];
    chosen.forEach(({ lists }, position) => {
      for (const list of lists) {
        for (const slot of list) {
          const hits = this.hits[slot] as number;
          if (hits < stamp) {
            this.hits[slot] = stamp + 1;
            this.lastHit[slot] = position;
            if (needed <= 1) compared.push(slot);
          } else if (this.lastHit[slot] !== position) {
            this.hits[slot] = hits + 1;
            this.lastHit[slot] = position;
            if (hits + 1 - stamp === needed) compared.push(slot);
          }
        }
      }
    });
    let found: FuzzyMatch | null = null;
    for (const slot of compared) {
      if (!this.alive[slot]) continue;
      const distance = distanceBetween(q, kept, this.titles[slot] as Title);
      if (distance === null) continue;
      if (found) return null;
      found = { id: this.ids[slot] as string, distance };
    }
    return found;
  }

  /** For each query word, the spellings that keep it unedited in a title (see Kept). */
  private keptWords(q: Title): Kept[] {
    const n = q.words.length;
    // The spellings of each word joined with the next: raw, or the next in its spelling.
    const joined: number[][] = [];
    for (let i = 0; i + 1 < n; i++) {
      const ids: number[] = [];
      const raw = this.vocabulary.get(canonicalWord((q.words[i] as string) + (q.words[i + 1] as string)));
      if (raw !== undefined) ids.push(raw);
      const spelt = this.vocabulary.get((q.words[i] as string) + (q.canon[i + 1] as string));
      if (spelt !== undefined && spelt !== raw) ids.push(spelt);
      joined.push(ids);
    }
    return q.words.map((word, i) => {
      const keep = [q.vocab[i] as number, ...(joined[i - 1] ?? EMPTY), ...(joined[i] ?? EMPTY)].filter((id) => id >= 0);
      let split = this.splits.get(word);
      if (!split) {
        split = [];
        this.addSplits(word, split);
        if (q.canon[i] !== word) this.addSplits(q.canon[i] as string, split);
        if (this.splits.size > 50_000) this.splits.clear();
        this.splits.set(word, split);
      }
      return { keep, split };
    });
  }

  /** Pairs of spellings that `word` splits into: `pretraining` into `pre` and `training`. */
  private addSplits(word: string, split: number[]): void {
    for (let k = 1; k < word.length; k++) {
      const first = this.vocabulary.get(canonicalWord(word.slice(0, k)));
      if (first === undefined) continue;
      const rest = word.slice(k);
      const second = this.vocabulary.get(canonicalWord(rest));
      if (second !== undefined) split.push(first, second);
      const spelt = this.vocabulary.get(rest);
      if (spelt !== undefined && spelt !== second) split.push(first, spelt);
    }
  }

  private parse(title: string, learn: boolean): Title {
    const words = tokenize(title);
    return this.makeTitle(words, words.words.length ? undefined : titleKey(title), learn);
  }

  /** A word's number in the lexicon, where its spelling, vocabulary number and cost are kept. */
  private lexiconId(word: string): number {
    let id = this.lexicon.get(word);
    if (id === undefined) {
      id = this.lexWord.length;
      this.lexicon.set(word, id);
      this.lexWord.push(word);
      const spelling = canonicalWord(word);
      this.lexCanon.push(spelling);
      let vocab = this.vocabulary.get(spelling);
      if (vocab === undefined) {
        if (this.splits.size) this.splits.clear();
        vocab = this.postings.length;
        this.vocabulary.set(spelling, vocab);
        this.postings.push([]);
      }
      this.lexVocab.push(vocab);
      this.lexIndel.push(indelCost(word));
    }
    return id;
  }

  /**
   * A title to index (`learn`: its words join the lexicon, `raw` their numbers when known) or to
   * look up (its words are not kept).
   */
  private makeTitle({ words, glued, name, plus }: Words, key: string | undefined, learn: boolean, raw?: Uint32Array): Title {
    const n = words.length;
    const ids = raw ?? new Uint32Array(n);
    const title: Title = {
      words: new Array<string>(n),
      glued,
      name,
      plus,
      canon: new Array<string>(n),
      vocab: new Int32Array(n),
      indel: new Array<number>(n),
      raw: ids,
      key: key ?? words.join(''),
      numbers: '',
    };
    for (let i = 0; i < n; i++) {
      const word = words[i] as string;
      const id = raw ? (raw[i] as number) : learn ? this.lexiconId(word) : this.lexicon.get(word);
      if (id !== undefined) {
        ids[i] = id;
        title.words[i] = this.lexWord[id] as string;
        title.canon[i] = this.lexCanon[id] as string;
        title.vocab[i] = this.lexVocab[id] as number;
        title.indel[i] = this.lexIndel[id] as number;
      } else {
        const spelling = canonicalWord(word);
        title.words[i] = word;
        title.canon[i] = spelling;
        title.vocab[i] = this.vocabulary.get(spelling) ?? -1;
        title.indel[i] = indelCost(word);
      }
    }
    title.numbers = title.key.match(NUMBERS)?.join(' ') ?? '';
    return title;
  }

  private put(id: string, title: Title): void {
    const dead = this.deadSlotById.get(id);
    if (this.slotById.has(id)) this.remove([id]);
    this.deadSlotById.delete(id);
    if (dead !== undefined && !this.alive[dead] && (this.titles[dead] as Title).key === title.key) {
      this.alive[dead] = true;
      this.deadCount--;
      this.slotById.set(id, dead);
      this.addKey(title.key, dead);
      return;
    }
    const slot = this.ids.length;
    this.ids.push(id);
    this.titles.push(title);
    this.alive.push(true);
    this.slotById.set(id, slot);
    this.addKey(title.key, slot);
    for (const word of new Set(title.vocab)) (this.postings[word] as number[]).push(slot);
  }

  private addKey(key: string, slot: number): void {
    const slots = this.slotsByKey.get(key);
    if (slots) slots.push(slot);
    else this.slotsByKey.set(key, [slot]);
  }

  /** Drops removed papers from the posting lists, renumbering the slots. */
  private compact(): void {
    const { ids, titles, alive } = this;
    this.ids = [];
    this.titles = [];
    this.alive = [];
    this.deadCount = 0;
    this.slotById.clear();
    this.deadSlotById.clear();
    this.slotsByKey.clear();
    for (const list of this.postings) list.length = 0;
    ids.forEach((id, slot) => {
      if (alive[slot]) this.put(id, titles[slot] as Title);
    });
  }
}
