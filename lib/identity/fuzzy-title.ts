/**
 * A careful fuzzy title matcher: finds the one paper of the user's corpus whose title a page's title
 * is a small edit of, for when neither the arXiv id nor the exact title key (title-key.ts) matches —
 * a title that changed a little between arXiv versions: a word changed, added or dropped, a typo,
 * `LLMs` for `LLM`, British for American spelling, hyphenation.
 *
 * It is built never to match two different papers, and answers `null` rather than guess:
 * - Titles are compared as words, normalised exactly as `titleKey` normalises the whole title
 *   (the words of a title always join to its title key).
 * - Edits are weighed: spelling variants (plural, -ise/-ize, -our/-or, -tre/-ter, -lled/-led) ¼,
 *   a one-letter typo (in a word of 4+ letters) ½, an article added or dropped ½, any other word
 *   added, dropped or replaced 1; splitting or joining words (`pre-training`, `pretraining`) is free.
 * - The allowed total grows with the shorter title's word count: 4 words or fewer match exactly or
 *   not at all, 5–6 words allow ½, 7–9 allow 1, 10–14 allow 1½, 15 or more allow 2. The character edit
 *   distance between the title keys must also stay within about a sixth of the key.
 * - Some words are never edited: numbers and words with digits (`GPT-4`/`GPT-5`, `3D`/`2D`), Roman
 *   numerals (`Part I`/`Part II`), number words, negations (`not`, `without`); and a word is never
 *   replaced by its opposite (`online`/`offline`, `supervised`/`unsupervised`, `text`/`video`...).
 * - If more than one paper is within reach the answer is `null`: ambiguity is no match.
 *
 * Candidates come from posting lists of each paper's words (and joined word pairs): a title within
 * reach has lost at most a few of the query's words, so it shares one of the query's rarest few.
 */
import { titleKey } from './title-key';

export interface FuzzyCandidate {
  id: string;
  title: string;
}

export interface FuzzyMatch {
  id: string;
  /** The weighted word edit distance (0 for the same title key, ¼ a spelling variant, 1 a word). */
  distance: number;
}

/** A structured-cloneable index: each paper's id and its normalised words joined by spaces. */
export interface FuzzyTitleSnapshot {
  version: 1;
  ids: string[];
  words: string[];
}

// ---------------------------------------------------------------------------------------------
// Words

/** A letter (category Lo) `titleKey` keeps as it is; placed between words to find them again. */
const MARK = 'ǂ';
/**
 * Characters that separate words and that `titleKey` drops anyway. Not after a backslash, where
 * they are LaTeX accents (`\"o`, `\.c`, `\~n`); `^`, `_`, `$` and braces stay inside words
 * (`$A^2$GC` is one word).
 */
const SEPARATORS = /(?<!\\)[\s\-\u2010-\u2015\u2212/:;,.!?()[\]|+&*"\u201c\u201d=<>~]+/gu;
const WORD_CHARS = /^[\p{L}\p{N}]+$/u;

/** The normalised words of a title; they join to `titleKey(title)`. */
export function titleWords(title: string): string[] {
  const marked = titleKey(title.replaceAll(MARK, ' ').replace(SEPARATORS, ` ${MARK} `));
  return marked.split(MARK).filter((w) => WORD_CHARS.test(w));
}

const DIGIT = /\d/;

/** One spelling of a word's plural, British and American variants. */
export function canonicalWord(word: string): string {
  if (word.length < 4 || DIGIT.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length < 5) return w;
  return w
    .replace(/is(e|ed|ing|er|ation|able)$/, 'iz$1')
    .replace(/ys(e|ed|ing)$/, 'yz$1')
    .replace(/([a-z]{3})our(ed|ing|al|ally|ite|able|ful)?$/, '$1or$2')
    .replace(/([^aeiou])tre$/, '$1ter')
    .replace(/([aeiou])ll(ed|ing|er)$/, '$1l$2')
    .replace(/ogue$/, 'og')
    .replace(/amme$/, 'am');
}

const ROMAN = 'i ii iii iv v vi vii viii ix x xi xii';
const NUMBER_WORDS =
  'zero one two three four five six seven eight nine ten eleven twelve twenty thirty hundred thousand million billion trillion ' +
  'first second third fourth fifth half quarter single double dual triple twice once multi multiple few many both';
const NEGATIONS = 'not no non without never cannot nor neither none nothing un anti against';
/** Words that are never added, dropped, replaced or misspelt: a paper with another one is another paper. */
const PROTECTED = new Set(`${ROMAN} ${NUMBER_WORDS} ${NEGATIONS}`.split(' '));

/** Groups of words that name different things: replacing one by another of its group is another paper. */
const CONTRASTS = [
  'online offline',
  'local global',
  'input output',
  'encoder decoder',
  'upper lower',
  'positive negative',
  'forward backward inverse reverse',
  'internal external',
  'implicit explicit',
  'small large big tiny huge giant mini medium',
  'long short',
  'high low',
  'fast slow',
  'open closed close',
  'static dynamic',
  'dense sparse',
  'hard soft',
  'weak strong weakly strongly fully partially',
  'left right',
  'before after',
  'more less most least',
  'increase decrease increasing decreasing',
  'max min maximum minimum maximal minimal maximization minimization',
  'best worst better worse good bad',
  'early late',
  'old new',
  'top bottom',
  'real fake synthetic',
  'linear quadratic cubic',
  'convex concave',
  'discrete continuous',
  'deterministic stochastic random',
  'homogeneous heterogeneous',
  'symmetric asymmetric',
  'centralized decentralized distributed federated',
  'inner outer',
  'white black gray',
  'with without',
  'up down',
  'under over',
  'supervised unsupervised reinforcement',
  'text image video audio speech visual vision language',
  'train training test testing inference',
  'classification regression segmentation detection generation',
  'causal casual',
  'human machine',
  'agent agents',
].map((g) => g.split(' '));
const CONTRAST_GROUP = new Map<string, number>();
CONTRASTS.forEach((group, i) => {
  for (const w of group) CONTRAST_GROUP.set(canonicalWord(w), i);
});
/** Prefixes that turn a word into another one: `intraclass`/`interclass`, `supervised`/`unsupervised`. */
const CONTRAST_PREFIXES = [
  '',
  'un',
  'non',
  'in',
  'im',
  'ir',
  'il',
  'dis',
  'de',
  'anti',
  'counter',
  'semi',
  'self',
  'multi',
  'mono',
  'uni',
  'bi',
  'tri',
  'poly',
  'sub',
  'super',
  'over',
  'under',
  'pre',
  'post',
  'intra',
  'inter',
  'micro',
  'macro',
  'homo',
  'hetero',
  'a',
];

function isProtected(word: string): boolean {
  return DIGIT.test(word) || PROTECTED.has(word);
}

function areContrasting(a: string, b: string): boolean {
  const ga = CONTRAST_GROUP.get(a);
  if (ga !== undefined && ga === CONTRAST_GROUP.get(b)) return true;
  for (const pa of CONTRAST_PREFIXES) {
    if (!a.startsWith(pa)) continue;
    const rest = a.slice(pa.length);
    if (rest.length < 4) continue;
    for (const pb of CONTRAST_PREFIXES) if (pb !== pa && b.length === pb.length + rest.length && b.startsWith(pb) && b.endsWith(rest)) return true;
  }
  return false;
}

/** Whether two words of 4+ letters are one letter apart (substituted, added, dropped or swapped). */
function isOneTypoApart(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// ---------------------------------------------------------------------------------------------
// Distances, in quarter units

const SOFT = 1;
const TYPO = 2;
const ARTICLE = 2;
const WORD = 4;
const NEVER = 1_000;
const ARTICLES = new Set(['a', 'an', 'the']);

/** The largest edit cost (in quarters) allowed between titles whose shorter one has `words` words. */
export function allowedCost(words: number): number {
  if (words <= 4) return 0;
  if (words <= 6) return 2;
  if (words <= 9) return 4;
  if (words <= 14) return 6;
  return 8;
}

/** The largest character edit distance allowed between title keys, the shorter `length` long. */
export function allowedCharDistance(length: number): number {
  return Math.max(2, Math.floor(length / 6));
}

interface Title {
  words: string[];
  canon: string[];
  key: string;
}

function substitutionCost(a: string, ca: string, b: string, cb: string): number {
  if (a === b) return 0;
  if (isProtected(a) || isProtected(b)) return NEVER;
  if (ca === cb) return SOFT;
  if (areContrasting(ca, cb)) return NEVER;
  if (isOneTypoApart(ca, cb)) return TYPO;
  return WORD;
}

function indelCost(word: string): number {
  if (isProtected(word)) return NEVER;
  return ARTICLES.has(word) ? ARTICLE : WORD;
}

function joinCost(a1: string, a2: string, b: string, cb: string): number {
  const joined = a1 + a2;
  if (joined === b) return 0;
  return canonicalWord(joined) === cb ? SOFT : NEVER;
}

let table = new Float64Array(1024);

/** The weighted word edit distance (quarters); more than `limit` whenever it exceeds `limit`. */
export function wordDistance(q: Title, c: Title, limit: number): number {
  const n = q.words.length;
  const m = c.words.length;
  const w = m + 1;
  if (table.length < (n + 1) * w) table = new Float64Array((n + 1) * w * 2);
  const d = table;
  d[0] = 0;
  for (let j = 1; j <= m; j++) d[j] = (d[j - 1] as number) + indelCost(c.words[j - 1] as string);
  let previousBest = 0;
  for (let i = 1; i <= n; i++) {
    const row = i * w;
    const qa = q.words[i - 1] as string;
    const qc = q.canon[i - 1] as string;
    const qIndel = indelCost(qa);
    d[row] = (d[row - w] as number) + qIndel;
    let best = d[row] as number;
    for (let j = 1; j <= m; j++) {
      const ca = c.words[j - 1] as string;
      const cc = c.canon[j - 1] as string;
      let v = (d[row - w + j - 1] as number) + substitutionCost(qa, qc, ca, cc);
      v = Math.min(v, (d[row - w + j] as number) + qIndel, (d[row + j - 1] as number) + indelCost(ca));
      if (i >= 2) v = Math.min(v, (d[row - 2 * w + j - 1] as number) + joinCost(q.words[i - 2] as string, qa, ca, cc));
      if (j >= 2) v = Math.min(v, (d[row - w + j - 2] as number) + joinCost(c.words[j - 2] as string, ca, qa, qc));
      d[row + j] = v;
      if (v < best) best = v;
    }
    // A path reaches row i from row i - 1 or (joining two query words) from row i - 2.
    if (best > limit && previousBest > limit) return NEVER;
    previousBest = best;
  }
  return d[n * w + m] as number;
}

/** Levenshtein distance between two strings; more than `limit` whenever it exceeds `limit`. */
export function charDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const m = b.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const v = Math.min((prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1), (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[m] as number;
}

function makeTitle(words: string[], key?: string): Title {
  return { words, canon: words.map(canonicalWord), key: key ?? words.join('') };
}

/** Strings under which a title is found: its canonical words and its joined neighbouring words. */
function probesAt(t: Title, i: number): string[] {
  const probes = [t.canon[i] as string];
  const w = t.words[i] as string;
  if (i > 0) probes.push(canonicalWord((t.words[i - 1] as string) + w));
  if (i + 1 < t.words.length) probes.push(canonicalWord(w + (t.words[i + 1] as string)));
  return probes;
}

// ---------------------------------------------------------------------------------------------
// The index

const EMPTY: number[] = [];

export class FuzzyTitleIndex {
  private ids: string[] = [];
  private titles: Title[] = [];
  private alive: boolean[] = [];
  private deadCount = 0;
  private slotById = new Map<string, number>();
  /** A removed paper's slot, revived if the same paper is added again. */
  private deadSlotById = new Map<string, number>();
  private slotsByKey = new Map<string, number[]>();
  private postings = new Map<string, number[]>();
  private seen = new Uint32Array(0);
  private stamp = 0;

  static build(candidates: FuzzyCandidate[]): FuzzyTitleIndex {
    const index = new FuzzyTitleIndex();
    index.add(candidates);
    return index;
  }

  static fromSnapshot(snapshot: FuzzyTitleSnapshot): FuzzyTitleIndex {
    if (snapshot.version !== 1 || snapshot.ids.length !== snapshot.words.length) throw new Error('Unknown fuzzy title snapshot');
    const index = new FuzzyTitleIndex();
    snapshot.ids.forEach((id, i) => {
      const stored = snapshot.words[i] as string;
      // A title of symbols only has no words; its key (starting with `~`) is stored instead.
      const title = stored.startsWith('~') ? makeTitle([], stored) : makeTitle(stored ? stored.split(' ') : []);
      index.put(id, title);
    });
    return index;
  }

  toSnapshot(): FuzzyTitleSnapshot {
    const ids: string[] = [];
    const words: string[] = [];
    this.ids.forEach((id, slot) => {
      if (!this.alive[slot]) return;
      const t = this.titles[slot] as Title;
      ids.push(id);
      words.push(t.words.length ? t.words.join(' ') : t.key);
    });
    return { version: 1, ids, words };
  }

  get size(): number {
    return this.slotById.size;
  }

  /** Adds papers; a paper whose id is already indexed has its title replaced. */
  add(candidates: FuzzyCandidate[]): void {
    for (const c of candidates) {
      const words = titleWords(c.title);
      this.put(c.id, makeTitle(words, words.length ? undefined : titleKey(c.title)));
    }
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
   * (ambiguity means no match). A paper with the same title key is the answer, with distance 0.
   */
  match(title: string): FuzzyMatch | null {
    const words = titleWords(title);
    const q = makeTitle(words, words.length ? undefined : titleKey(title));
    const exact = this.slotsByKey.get(q.key);
    if (exact) return exact.length === 1 ? { id: this.ids[exact[0] as number] as string, distance: 0 } : null;
    const n = q.words.length;
    if (n <= 4) return null;
    // A title within reach (its allowance is at most the query's) differs from the query in at most
    // `lost` of the query's words, so it contains a probe of one of the query's `lost + 1` rarest words.
    const lost = Math.floor(allowedCost(n) / TYPO);
    const positions = q.words.map((_, i) => {
      const lists = probesAt(q, i).map((p) => this.postings.get(p) ?? EMPTY);
      return { lists, size: lists.reduce((s, l) => s + l.length, 0) };
    });
    positions.sort((a, b) => a.size - b.size);
    if (this.seen.length < this.ids.length) this.seen = new Uint32Array(Math.max(this.ids.length, this.seen.length * 2));
    const stamp = ++this.stamp;
    let found: FuzzyMatch | null = null;
    for (const { lists } of positions.slice(0, lost + 1)) {
      for (const list of lists) {
        for (const slot of list) {
          if (this.seen[slot] === stamp) continue;
          this.seen[slot] = stamp;
          if (!this.alive[slot]) continue;
          const distance = this.distanceTo(q, this.titles[slot] as Title);
          if (distance === null) continue;
          if (found) return null;
          found = { id: this.ids[slot] as string, distance };
        }
      }
    }
    return found;
  }

  /** The weighted distance from a query to an indexed title, or null when beyond the allowance. */
  private distanceTo(q: Title, c: Title): number | null {
    const shorter = Math.min(q.words.length, c.words.length);
    const limit = allowedCost(shorter);
    if (limit === 0) return null;
    const charLimit = allowedCharDistance(Math.min(q.key.length, c.key.length));
    if (Math.abs(q.key.length - c.key.length) > charLimit) return null;
    const cost = wordDistance(q, c, limit);
    if (cost > limit) return null;
    if (charDistance(q.key, c.key, charLimit) > charLimit) return null;
    return cost / 4;
  }

  private put(id: string, title: Title): void {
    const dead = this.deadSlotById.get(id);
    if (this.slotById.has(id)) this.remove([id]);
    this.deadSlotById.delete(id);
    if (dead !== undefined && this.alive[dead] === false && (this.titles[dead] as Title).key === title.key) {
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
    this.addPostings(title, slot);
  }

  private addKey(key: string, slot: number): void {
    const slots = this.slotsByKey.get(key);
    if (slots) slots.push(slot);
    else this.slotsByKey.set(key, [slot]);
  }

  private addPostings(title: Title, slot: number): void {
    const probes = new Set<string>(title.canon);
    for (let i = 1; i < title.words.length; i++) probes.add(canonicalWord((title.words[i - 1] as string) + (title.words[i] as string)));
    for (const p of probes) {
      const list = this.postings.get(p);
      if (list) list.push(slot);
      else this.postings.set(p, [slot]);
    }
  }

  /** Drops removed papers from the posting lists, renumbering the slots. */
  private compact(): void {
    const ids = this.ids;
    const titles = this.titles;
    const alive = this.alive;
    this.ids = [];
    this.titles = [];
    this.alive = [];
    this.deadCount = 0;
    this.slotById.clear();
    this.deadSlotById.clear();
    this.slotsByKey.clear();
    this.postings.clear();
    ids.forEach((id, slot) => {
      if (alive[slot]) this.put(id, titles[slot] as Title);
    });
  }
}
