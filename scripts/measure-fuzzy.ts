/**
 * `npx tsx scripts/measure-fuzzy.ts [--sample N] [--seed S]`: how the fuzzy title matcher
 * (lib/identity/fuzzy/) does on the 38,246 real arXiv papers of ../shared/datasets/arxiv-daily.
 *
 * 1. False matches, leave-one-out: for each paper, remove it from the index of all papers, match its
 *    title, put it back. Any answer is a match to another paper, since the paper itself is absent:
 *    exactly the case of a page showing a paper the user does not have, next to one they do.
 * 2. Recall on realistic edits: seeded, deterministic small edits of titles (a word changed, dropped
 *    or added, a typo, plural/singular, hyphen/space, British/American spelling, case/punctuation),
 *    matched against the index of all papers; counts how many come back to their paper, to none, or
 *    (never, we hope) to another paper.
 * 3. Time: batches of 200 titles (edited and unedited) matched against the whole index.
 *
 * The tests (tests/unit/identity/fuzzy-dataset.test.ts) run the same functions and assert the figures.
 * That is why this script is one file of about 320 lines: the seeded edits, the three measurements
 * and the printing are the one definition of the figures, which the test and this script share.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { FuzzyTitleIndex } from '../lib/identity/fuzzy';
import { titleKey } from '../lib/identity/title-key';
import { mulberry32 } from '../tests/support/random';

export interface DatasetPaper {
  id: string;
  title: string;
  abstract: string;
}

export const DATASET_DIR = resolve(fileURLToPath(import.meta.url), '../../../shared/datasets/arxiv-daily');

export function readDataset(dir = DATASET_DIR): DatasetPaper[] {
  const papers: DatasetPaper[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { id, title, abstract } = JSON.parse(line) as DatasetPaper;
      papers.push({ id, title, abstract });
    }
  }
  return papers;
}

// ---------------------------------------------------------------------------------------------
// 1. False matches

export interface FalseMatch {
  query: DatasetPaper;
  matched: DatasetPaper;
  distance: number;
  /** Both ids carry the same abstract: one work submitted twice, not two papers. */
  sameAbstract: boolean;
}

/** Leave-one-out: each paper's title against the index of all the other papers. */
export function leaveOneOut(papers: DatasetPaper[], index = FuzzyTitleIndex.build(papers)): FalseMatch[] {
  const byId = new Map(papers.map((p) => [p.id, p]));
  const found: FalseMatch[] = [];
  for (const paper of papers) {
    index.remove([paper.id]);
    const match = index.match(paper.title);
    index.add([paper]);
    if (!match) continue;
    const matched = byId.get(match.id) as DatasetPaper;
    found.push({ query: paper, matched, distance: match.distance, sameAbstract: matched.abstract.trim() === paper.abstract.trim() });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// 2. Realistic edits

export const EDIT_KINDS = [
  'change-word',
  'drop-word',
  'add-word',
  'typo',
  'plural-singular',
  'hyphen-space',
  'british-american',
  'case-punctuation',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** Words never edited by the generator: changing them makes another paper (the matcher refuses). */
const KEEP = /\d|^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|not|no|non|without|all|only|one|two|three|single|multi|multiple|few|many)$/i;
const ADDED_WORDS = ['Efficient', 'Robust', 'Scalable', 'Unified', 'Improved', 'Simple', 'Adaptive', 'Practical', 'Principled', 'Towards'];
const REPLACEMENTS = ['Approach', 'Framework', 'Method', 'Study', 'Analysis', 'Models', 'Learning', 'Towards', 'Benchmark', 'Efficient'];
const BRITISH: [RegExp, string][] = [
  [/iz(e|es|ed|ing|ation|ations|er|ers)\b/i, 'is$1'],
  [/yz(e|es|ed|ing)\b/i, 'ys$1'],
  [/(behavi|col|fav|lab|neighb|hum|harb|vap|rum|hon|flav)or(s|al|ed|ing)?\b/i, '$1our$2'],
  [/(cent|met|lit|fib)er(s)?\b/i, '$1re$2'],
  [/(model|label|signal|travel|cancel|fuel|tunnel|channel)(ing|ed)\b/i, '$1l$2'],
];

/** Title words with their offsets: runs of letters, digits and apostrophes. */
function wordSpans(title: string): { start: number; end: number; text: string }[] {
  return [...title.matchAll(/[\p{L}\p{N}']+/gu)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }));
}

function pick<T>(items: T[], random: () => number): T | undefined {
  return items.length ? items[Math.floor(random() * items.length)] : undefined;
}

function splice(title: string, start: number, end: number, text: string): string {
  return (title.slice(0, start) + text + title.slice(end)).replace(/\s{2,}/g, ' ').trim();
}

/** One edit of a kind to a title, or null when the title offers none (no hyphen, no -ize word...). */
export function editTitle(title: string, kind: EditKind, random: () => number): string | null {
  const words = wordSpans(title);
  const editable = words.filter((w) => !KEEP.test(w.text));
  switch (kind) {
    case 'change-word': {
      const w = pick(editable, random);
      if (!w) return null;
      const replacement = pick(
        REPLACEMENTS.filter((r) => r.toLowerCase() !== w.text.toLowerCase()),
        random,
      ) as string;
      return splice(title, w.start, w.end, replacement);
    }
    case 'drop-word': {
      const w = pick(editable, random);
      return w && words.length > 1 ? splice(title, w.start, w.end, '') : null;
    }
    case 'add-word': {
      const at = pick(words, random);
      if (!at) return null;
      return splice(title, at.start, at.start, `${pick(ADDED_WORDS, random)} `);
    }
    case 'typo': {
      const w = pick(
        editable.filter((x) => x.text.length >= 5),
        random,
      );
      if (!w) return null;
      const i = 1 + Math.floor(random() * (w.text.length - 2));
      const chars = [...w.text];
      const how = Math.floor(random() * 4);
      if (how === 0) chars.splice(i, 1);
      else if (how === 1) chars.splice(i, 0, 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)] as string);
      else if (how === 2) chars[i] = chars[i] === 'e' ? 'a' : 'e';
      else [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
      const typo = chars.join('');
      return typo === w.text ? null : splice(title, w.start, w.end, typo);
    }
    case 'plural-singular': {
      const w = pick(
        editable.filter((x) => x.text.length >= 4 && /[a-z]$/i.test(x.text) && !/(ss|us|is)$/i.test(x.text)),
        random,
      );
      if (!w) return null;
      const text = /s$/.test(w.text) ? w.text.slice(0, -1) : `${w.text}s`;
      return splice(title, w.start, w.end, text);
    }
    case 'hyphen-space': {
      const hyphens = [...title.matchAll(/(?<=\p{L})-(?=\p{L})/gu)].map((m) => m.index ?? 0);
      if (hyphens.length && random() < 0.5) {
        const at = pick(hyphens, random) as number;
        return `${title.slice(0, at)}${random() < 0.5 ? ' ' : ''}${title.slice(at + 1)}`;
      }
      const spaces = [...title.matchAll(/(?<=\p{L}) (?=\p{L})/gu)].map((m) => m.index ?? 0);
      const at = pick(spaces, random);
      return at === undefined ? null : `${title.slice(0, at)}-${title.slice(at + 1)}`;
    }
    case 'british-american': {
      const rules = BRITISH.filter(([pattern]) => pattern.test(title));
      const rule = pick(rules, random);
      return rule ? title.replace(rule[0], rule[1]) : null;
    }
    case 'case-punctuation': {
      const how = Math.floor(random() * 4);
      if (how === 0) return title.toLowerCase();
      if (how === 1) return title.includes(':') ? title.replace(':', ' -') : `${title}.`;
      if (how === 2) return title.replace(/(?<![\\\p{L}])\p{Ll}/gu, (c) => c.toUpperCase());
      return title.includes(':') ? title.replace(/:\s*/, '. ') : title.replace(/,/g, '');
    }
  }
}

export interface EditRecall {
  kind: EditKind;
  /** Edited titles (papers the kind applies to). */
  edited: number;
  /** Matched back to their own paper. */
  matched: number;
  /** Matched to another paper: must be 0. */
  wrong: number;
  /** Matched nothing. */
  none: number;
  /** Edits that made another paper's title (the same title key): not counted above. */
  collisions: number;
  /** Of the matched, how many were the same title key already (distance 0). */
  exact: number;
  /** Examples of misses and wrong matches, for reading. */
  examples: string[];
}

/** Edits `sample` papers (every paper when omitted) once per kind, deterministically from `seed`. */
export function editRecall(papers: DatasetPaper[], index: FuzzyTitleIndex, options: { sample?: number; seed?: number } = {}): EditRecall[] {
  const random = mulberry32(options.seed ?? 1);
  const sample = options.sample ?? papers.length;
  const chosen =
    sample >= papers.length ? papers : Array.from({ length: sample }, () => papers[Math.floor(random() * papers.length)] as DatasetPaper);
  const keys = new Map(papers.map((p) => [titleKey(p.title), p.id]));
  return EDIT_KINDS.map((kind) => {
    const result: EditRecall = { kind, edited: 0, matched: 0, wrong: 0, none: 0, exact: 0, collisions: 0, examples: [] };
    for (const paper of chosen) {
      const edited = editTitle(paper.title, kind, random);
      if (edited === null || edited === paper.title) continue;
      const owner = keys.get(titleKey(edited));
      if (owner !== undefined && owner !== paper.id) {
        result.collisions++;
        continue;
      }
      result.edited++;
      const match = index.match(edited);
      if (match?.id === paper.id) {
        result.matched++;
        if (match.distance === 0) result.exact++;
      } else if (match) {
        result.wrong++;
        result.examples.push(`WRONG ${edited} -> ${match.id}`);
      } else {
        result.none++;
        if (result.examples.length < 5) result.examples.push(`none: ${edited} (was: ${paper.title})`);
      }
    }
    return result;
  });
}

// ---------------------------------------------------------------------------------------------
// 3. Time

/** Milliseconds to match `batches` batches of 200 titles (half edited, half unedited), each batch. */
export function timeBatches(papers: DatasetPaper[], index: FuzzyTitleIndex, batches = 20, seed = 7): number[] {
  const random = mulberry32(seed);
  const times: number[] = [];
  for (let b = 0; b < batches; b++) {
    const titles = Array.from({ length: 200 }, (_, i) => {
      const paper = papers[Math.floor(random() * papers.length)] as DatasetPaper;
      if (i % 2) return paper.title;
      return editTitle(paper.title, EDIT_KINDS[i % EDIT_KINDS.length] as EditKind, random) ?? paper.title;
    });
    const start = performance.now();
    for (const title of titles) index.match(title);
    times.push(performance.now() - start);
  }
  return times;
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const papers = readDataset();
  let start = performance.now();
  const index = FuzzyTitleIndex.build(papers);
  const buildMs = performance.now() - start;
  const snapshot = index.toSnapshot();
  start = performance.now();
  FuzzyTitleIndex.fromSnapshot(snapshot);
  const loadMs = performance.now() - start;
  console.log(`${papers.length} papers; build ${buildMs.toFixed(0)} ms, from snapshot ${loadMs.toFixed(0)} ms`);

  start = performance.now();
  const falseMatches = leaveOneOut(papers, index);
  const looMs = performance.now() - start;
  const different = falseMatches.filter((m) => !m.sameAbstract);
  console.log(`\nLeave-one-out over ${papers.length} titles (${((looMs / papers.length) * 1000).toFixed(0)} µs each, with remove/add):`);
  console.log(`  matches to another paper (different abstract): ${different.length}`);
  console.log(`  matches to a duplicate submission (same abstract, another id): ${falseMatches.length - different.length}`);
  for (const m of falseMatches)
    console.log(`    ${m.sameAbstract ? 'dup' : 'FALSE'} ${m.distance}: ${m.query.title} -> ${m.matched.title}`);

  const recall = editRecall(papers, index, { sample: option('--sample'), seed: option('--seed') ?? 1 });
  console.log('\nRecall on edited titles (index of all papers):');
  let edited = 0;
  let matched = 0;
  let wrong = 0;
  for (const r of recall) {
    edited += r.edited;
    matched += r.matched;
    wrong += r.wrong;
    const pct = ((100 * r.matched) / Math.max(1, r.edited)).toFixed(1);
    console.log(
      `  ${r.kind.padEnd(18)} ${String(r.matched).padStart(6)}/${String(r.edited).padEnd(6)} ${pct.padStart(5)}%  wrong ${r.wrong}  (same key ${r.exact}; skipped: another paper's title ${r.collisions})`,
    );
  }
  console.log(
    `  ${'all'.padEnd(18)} ${String(matched).padStart(6)}/${String(edited).padEnd(6)} ${((100 * matched) / edited).toFixed(1).padStart(5)}%  wrong ${wrong}`,
  );
  if (args.includes('--examples')) for (const r of recall) for (const e of r.examples) console.log(`    ${r.kind}: ${e}`);

  const times = timeBatches(papers, index).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  console.log(
    `\n200 titles against ${papers.length}: median ${median.toFixed(1)} ms, max ${(times.at(-1) as number).toFixed(1)} ms per batch`,
  );
}

if (process.argv[1]?.endsWith('measure-fuzzy.ts')) main();
