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
 * Checked over 38,246 real arXiv titles, each matched against all the others: none matches another
 * paper, only one work submitted twice under two ids (tests/unit/fuzzy-title-dataset.test.ts).
 */
import { titleKey } from './title-key';

export interface FuzzyCandidate {
  id: string;
  title: string;
}

export interface FuzzyMatch {
  id: string;
  /** The weighted word edit distance: 0 for the same title key, 1 for one word added or dropped. */
  distance: number;
}

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

// ---------------------------------------------------------------------------------------------
// Words

/** A title's words, which of them are hyphenated to the word before, and how many name the paper. */
interface Words {
  words: string[];
  glued: boolean[];
  name: number;
  /** How many `+` the title has: `KeepLoRA++` is not `KeepLoRA`, though their keys are the same. */
  plus: number;
}

/** Letters (category Lo) that `titleKey` keeps as they are; placed between words to find them again. */
const SPACE_MARK = 'ǂ';
const GLUE_MARK = 'ǁ';
const MARKS = /[ǂǁ]/g;
/** Whitespace between words, not a LaTeX `\ `; `~` is LaTeX's unbreakable space. */
const SPACES = /(?<!\\)[\s~]+/gu;
/**
 * Other characters between words, all of which `titleKey` drops. Not after a backslash, where they
 * are LaTeX accents (`\"o`, `\.c`, `\=a`); `^`, `_`, `$` and braces stay inside words (`$A^2$GC`).
 */
const JOINERS = /(?<!\\)[-\u2010-\u2015\u2212/:;,.!?()[\]|+&*"\u201c\u201d=<>]+/gu;
const WORD_CHARS = /^[\p{L}\p{N}]+$/u;
/** Titles of printable ASCII without LaTeX commands (most titles), where `titleKey` just lowercases. */
const PLAIN = /^[\x20-\x5b\x5d-\x7e]*$/;
const NOT_ALNUM = /[^a-z0-9]+/g;
const COLON = /(?<!\\):/;

function splitWords(title: string): { words: string[]; glued: boolean[] } {
  const words: string[] = [];
  const glued: boolean[] = [];
  if (PLAIN.test(title)) {
    for (const chunk of title.toLowerCase().split(SPACES)) {
      let first = true;
      for (const part of chunk.split(JOINERS)) {
        const word = part.replace(NOT_ALNUM, '');
        if (!word) continue;
        words.push(word);
        glued.push(!first);
        first = false;
      }
    }
    if (words.length) return { words, glued };
  }
  const marked = titleKey(title.replace(MARKS, ' ').replace(SPACES, ` ${SPACE_MARK} `).replace(JOINERS, ` ${GLUE_MARK} `));
  let spaced = true;
  for (const piece of marked.split(/([ǂǁ])/)) {
    if (piece === SPACE_MARK) spaced = true;
    else if (piece && piece !== GLUE_MARK && WORD_CHARS.test(piece)) {
      glued.push(words.length > 0 && !spaced);
      words.push(piece);
      spaced = false;
    }
  }
  return { words, glued };
}

/** A coined word: with a digit, a capital inside (`LLaVA`, `TimeSeek`) or in capitals (`TRUST`). */
const COINED = /\d|\p{Ll}\p{Lu}|\p{Lu}\p{Lu}/u;

function tokenize(title: string): Words {
  const { words, glued } = splitWords(title);
  const plus = title.split('+').length - 1;
  // A name: 1–3 words before the first colon, one of them coined, and 2 or more words after it.
  const colon = title.search(COLON);
  if (colon < 0 || !COINED.test(title.slice(0, colon))) return { words, glued, name: 0, plus };
  const name = splitWords(title.slice(0, colon)).words.length;
  return { words, glued, name: name >= 1 && name <= 3 && words.length - name >= 2 ? name : 0, plus };
}

/** The normalised words of a title; they join to `titleKey(title)`. */
export function titleWords(title: string): string[] {
  return splitWords(title).words;
}

const DIGIT = /\d/;
const NUMBERS = /\d+/g;
const PLURAL_ES = /(?:ss|sh|ch|x|z)es$/;
const PLURAL_NOT = /(?:ss|us|is)$/;
const BRITISH_ENDING =
  /(?:is(?:e|ed|ing|er|ation|able)|ys(?:e|ed|ing)|our(?:ed|ing|al|ally|ite|able|ful)?|[^aeiou]tre|[aeiou]ll(?:ed|ing|er)|ogue|amme)$/;

/** One spelling for a word's singular and plural, British and American forms (`behaviours`: `behavior`). */
export function canonicalWord(word: string): string {
  if (word.length < 4 || DIGIT.test(word)) return word;
  let w = word;
  if (w.endsWith('s')) {
    if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
    else if (PLURAL_ES.test(w)) w = w.slice(0, -2);
    else if (!PLURAL_NOT.test(w)) w = w.slice(0, -1);
  }
  if (w.length < 5 || !BRITISH_ENDING.test(w)) return w;
  return w
    .replace(/is(e|ed|ing|er|ation|able)$/, 'iz$1')
    .replace(/ys(e|ed|ing)$/, 'yz$1')
    .replace(/([a-z]{3})our(ed|ing|al|ally|ite|able|ful)?$/, '$1or$2')
    .replace(/([^aeiou])tre$/, '$1ter')
    .replace(/([aeiou])ll(ed|ing|er)$/, '$1l$2')
    .replace(/ogue$/, 'og')
    .replace(/amme$/, 'am');
}

/** Words never added, dropped, replaced or misspelt: a title with another one is another paper. */
const PROTECTED = new Set(
  `i ii iii iv v vi vii viii ix x xi xii
  zero one two three four five six seven eight nine ten eleven twelve twenty thirty hundred thousand million billion trillion
  first second third fourth fifth half quarter single double dual triple twice once multi multiple few many both
  all only some every each any
  not no non without never cannot nor neither none nothing un anti against
  self semi weakly cross`.split(/\s+/),
);

/**
 * Groups of words that name different things: a title with one word of a group replaced by another
 * of the same group is another paper (`online`/`offline`, `Text-to-Image`/`Text-to-Video`).
 */
const CONTRAST_GROUP = new Map<string, number>();
`online offline, local global, input output, encoder decoder, upper lower, positive negative,
  forward backward inverse reverse, internal external, implicit explicit, inner outer, left right, up down,
  small large big tiny huge giant medium nano mini micro ultra super pro lite plus base flash, long short, high low,
  fast slow, open closed close, static dynamic, dense sparse, hard soft, strong strongly fully partially,
  before after, more less most least, increase decrease increasing decreasing, maximum minimum maximal minimal max min,
  maximization minimization, best worst better worse good bad, early late, old new, top bottom, real fake synthetic,
  linear quadratic cubic, convex concave, discrete continuous, deterministic stochastic random, homogeneous heterogeneous,
  symmetric asymmetric, centralized decentralized distributed federated, white black gray, with without, under over,
  supervised unsupervised reinforcement, text image video audio speech visual vision language,
  train training test testing inference, classification regression segmentation detection generation,
  causal casual, human machine, model modal mode, offensive defensive, attack defense, male female`
  .split(',')
  .forEach((group, i) => {
    for (const word of group.trim().split(/\s+/)) CONTRAST_GROUP.set(canonicalWord(word), i);
  });

/** Prefixes that turn a word into another one: `intraclass`/`interclass`, `supervised`/`unsupervised`. */
const CONTRAST_PREFIXES =
  ' un non in im ir il dis de anti counter semi self multi mono uni bi tri poly sub super over under pre post intra inter micro macro homo hetero a'.split(
    ' ',
  );

/** Words replaced among themselves at the cost of a word added or dropped, not of a word replaced. */
const FUNCTION_WORDS = new Set(
  'a an the of on in for to via by from at into onto through towards toward using and or as is are be can do does when what how why which that this these their its'.split(
    ' ',
  ),
);
const ARTICLES = new Set(['a', 'an', 'the']);

function isProtected(word: string): boolean {
  return DIGIT.test(word) || PROTECTED.has(word);
}

/** Whether two words end with the same `k` letters. */
function sameEnd(a: string, b: string, k: number): boolean {
  if (a.length < k || b.length < k) return false;
  for (let i = 1; i <= k; i++) if (a.charCodeAt(a.length - i) !== b.charCodeAt(b.length - i)) return false;
  return true;
}

/** Whether replacing one word by the other makes another title (both in `canonicalWord` spelling). */
function areContrasting(a: string, b: string): boolean {
  const group = CONTRAST_GROUP.get(a);
  if (group !== undefined && group === CONTRAST_GROUP.get(b)) return true;
  if (!sameEnd(a, b, 4)) return false;
  for (const pa of CONTRAST_PREFIXES) {
    if (!a.startsWith(pa) || a.length - pa.length < 4) continue;
    for (const pb of CONTRAST_PREFIXES) {
      if (pb !== pa && b.length - pb.length === a.length - pa.length && b.startsWith(pb) && sameEnd(a, b, a.length - pa.length))
        return true;
    }
  }
  return false;
}

/** Whether two words (5+ letters, 4 when one was dropped) are one letter apart: replaced, added, dropped or swapped. */
function isOneTypoApart(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 4 || Math.max(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// ---------------------------------------------------------------------------------------------
// Distances, in sixths of a word

const SOFT = 1;
const TYPO = 4;
const ARTICLE = 4;
const WORD = 6;
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
interface Title extends Words {
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

function indelCost(word: string): number {
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
interface Kept {
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
function distanceBetween(q: Title, kept: Kept[], c: Title): number | null {
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

// ---------------------------------------------------------------------------------------------
// The index

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
    const { version, ids, words, titles, keys } = snapshot;
    if (version !== 2 || !(titles instanceof Uint32Array || titles instanceof Uint16Array))
      throw new Error('Not a fuzzy title index snapshot');
    const index = new FuzzyTitleIndex();
    const lexicon = words.map((word) => index.lexiconId(word));
    let at = 0;
    let wordless = 0;
    for (const id of ids) {
      const n = titles[at++] as number;
      const name = titles[at++] as number;
      const plus = titles[at++] as number;
      const title: Words = { words: [], glued: [], name, plus };
      const raw = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const code = titles[at++] as number;
        const word = words[code >>> 1];
        if (word === undefined) throw new Error('Not a fuzzy title index snapshot');
        raw[i] = lexicon[code >>> 1] as number;
        title.words.push(word);
        title.glued.push((code & 1) === 1);
      }
      index.put(id, index.makeTitle(title, n ? undefined : keys[wordless++], true, raw));
    }
    if (at !== titles.length || wordless !== keys.length) throw new Error('Not a fuzzy title index snapshot');
    return index;
  }

  /** The index as plain data, to store and load with `fromSnapshot` (no title is parsed again). */
  toSnapshot(): FuzzyTitleSnapshot {
    const ids: string[] = [];
    const words: string[] = [];
    const numbers = new Map<number, number>();
    const titles: number[] = [];
    const keys: string[] = [];
    this.ids.forEach((id, slot) => {
      if (!this.alive[slot]) return;
      const t = this.titles[slot] as Title;
      ids.push(id);
      titles.push(t.words.length, t.name, Math.min(t.plus, 0xffff));
      if (!t.words.length) keys.push(t.key);
      t.raw.forEach((word, i) => {
        let number = numbers.get(word);
        if (number === undefined) {
          number = words.length;
          numbers.set(word, number);
          words.push(this.lexWord[word] as string);
        }
        titles.push(number * 2 + (t.glued[i] ? 1 : 0));
      });
    });
    const small = titles.every((number) => number < 0x10000);
    return { version: 2, ids, words, titles: small ? Uint16Array.from(titles) : Uint32Array.from(titles), keys };
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
