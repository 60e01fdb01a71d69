import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DigestError, parseDigestBytes, parseDigestText } from '@/lib/digest';
import { ParsedDigestSchema } from '@/lib/digest/types';
import { SHARED } from '../support/paths';

/**
 * Property test of every digest parser, through the public entry points (the format is found
 * from the content, so parsers added later are fuzzed too). Seeds are every real digest and feed
 * fixture; each iteration applies 1–3 seeded random mutations and checks that the parse either
 * returns a value the ParsedDigest schema accepts or throws a DigestError — never another
 * exception, and never takes more than 2 s. Seeded (mulberry32): a failure replays exactly.
 */

const TODAY = new Date('2026-11-22T12:00:00Z');
const SEED = 0x5eed_d16e;
const MAX_MS_PER_PARSE = 2000;
/** Iterations per seed file; large fixtures (≥ 256 KB) get fewer, to keep the file under a minute. */
const ITERATIONS_SMALL = 300;
const ITERATIONS_LARGE = 30;
const LARGE_BYTES = 256 * 1024;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)] as T;

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

const SEED_FILES = [...filesUnder(join(SHARED, 'digests')), ...filesUnder(join(SHARED, 'fixtures', 'feeds'))];

// ─── Mutations ────────────────────────────────────────────────────────────────────────────────

const encoder = new TextEncoder();
const lossy = new TextDecoder('utf-8');

const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\r', '\t', '\u0085'];
const UNICODE = [
  '\u00a0',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '😀',
  '𝔸',
  'é',
  'e\u0301',
  '·',
  '•',
  '中文',
  'ع',
  '\u0000',
  '<',
  '>',
  '&',
  '"',
  '{',
  '}',
  '[',
  ']',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&nope;',
  '<!--',
  '-->',
  '<?xml?>',
  '\\u0000',
  '\\ud800',
  'null',
  'NaN',
  '1e999',
  '-0',
];

type TextMutation = (rng: Rng, text: string) => string;
type ByteMutation = (rng: Rng, bytes: Uint8Array) => Uint8Array;

function splice(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

const textMutations: Record<string, TextMutation> = {
  deleteLine: (rng, t) => {
    const lines = t.split('\n');
    lines.splice(int(rng, lines.length), 1 + int(rng, 3));
    return lines.join('\n');
  },
  duplicateLine: (rng, t) => {
    const lines = t.split('\n');
    const i = int(rng, lines.length);
    lines.splice(i, 0, ...Array.from({ length: 1 + int(rng, 3) }, () => lines[i] ?? ''));
    return lines.join('\n');
  },
  swapLines: (rng, t) => {
    const lines = t.split('\n');
    const [i, j] = [int(rng, lines.length), int(rng, lines.length)];
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return lines.join('\n');
  },
  repeatLineMany: (rng, t) => {
    if (t.length > LARGE_BYTES) return t;
    const lines = t.split('\n');
    const i = int(rng, lines.length);
    // At most ~1 MB more, so that the 2 s budget measures the parser, not the size of the input.
    const times = Math.min(500 + int(rng, 2000), Math.floor(1_000_000 / ((lines[i]?.length ?? 0) + 1)));
    lines.splice(i, 0, ...Array.from({ length: times }, () => lines[i] ?? ''));
    return lines.join('\n');
  },
  longLine: (rng, t) => splice(t, int(rng, t.length), 0, pick(rng, ['A', 'x ', '· ', '<a>', '{"a":', '[']).repeat(1000 + int(rng, 20000))),
  insertControl: (rng, t) => splice(t, int(rng, t.length + 1), 0, pick(rng, CONTROL)),
  insertUnicode: (rng, t) => splice(t, int(rng, t.length + 1), 0, pick(rng, UNICODE)),
  replaceChar: (rng, t) => splice(t, int(rng, t.length), 1, pick(rng, [...UNICODE, ...CONTROL, ' ', '\n', '\n\n', ''])),
  truncate: (rng, t) => t.slice(0, int(rng, t.length + 1)),
  toggleCrlf: (_rng, t) => (t.includes('\r\n') ? t.replace(/\r\n/g, '\n') : t.replace(/\n/g, '\r\n')),
  bareCr: (_rng, t) => t.replace(/\n/g, '\r'),
  toggleBom: (_rng, t) => (t.startsWith('\uFEFF') ? t.slice(1) : `\uFEFF${t}`),
  trailingSpaces: (_rng, t) => t.replace(/\n/g, ' \t\n'),
  blankLines: (rng, t) => t.replace(/\n\n/g, () => (rng() < 0.2 ? '\n\n\n\n' : rng() < 0.1 ? '\n' : '\n\n')),
  prefixJunk: (rng, t) => `${pick(rng, ['', ' ', '\n\n', 'x', '<', '{', '[', '<?xml version="1.0"?>', '\uFEFF'])}${t}`,
  // Structure, for the XML feeds (and harmless elsewhere).
  xmlDropTag: (rng, t) => {
    const tags = [...t.matchAll(/<\/?[a-zA-Z][^>]*>/g)];
    const tag = tags.length > 0 ? pick(rng, tags) : null;
    return tag?.index === undefined ? t : splice(t, tag.index, tag[0].length, '');
  },
  xmlDropEntries: (rng, t) => t.replace(/<entry>[\s\S]*?<\/entry>/g, (m) => (rng() < 0.7 ? '' : m)),
  xmlDuplicateEntry: (rng, t) => {
    const entries = [...t.matchAll(/<entry>[\s\S]*?<\/entry>/g)];
    const e = entries.length > 0 ? pick(rng, entries) : null;
    return e?.index === undefined ? t : splice(t, e.index, 0, e[0].repeat(1 + int(rng, 5)));
  },
  xmlEmptyElement: (rng, t) => {
    const name = pick(rng, ['title', 'summary', 'id', 'published', 'updated', 'author', 'name', 'link', 'feed', 'entry']);
    return t.replace(new RegExp(`<${name}([^>]*)>[\\s\\S]*?</${name}>`, 'g'), (m, attrs) => (rng() < 0.5 ? `<${name}${attrs}/>` : m));
  },
  xmlRenameTag: (rng, t) => {
    const name = pick(rng, ['title', 'summary', 'id', 'entry', 'feed', 'author']);
    return t.replace(new RegExp(`<(/?)${name}\\b`, rng() < 0.5 ? '' : 'g'), `<$1${name}x`);
  },
  xmlDeepNesting: (rng, t) => splice(t, int(rng, t.length + 1), 0, `${'<a>'.repeat(5000)}x${rng() < 0.5 ? '</a>'.repeat(5000) : ''}`),
  xmlEntities: (rng, t) =>
    splice(
      t,
      int(rng, t.length + 1),
      0,
      pick(rng, ['&lt;', '&#x0;', '&#xD800;', '&bogus;', '&', '&#99999999;', '<![CDATA[x]]>', '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>']),
    ),
};

/** Structure, for the JSON feeds: parse once, change one value along a random path, re-serialise. */
function jsonMutation(rng: Rng, value: unknown): unknown {
  const replacements = (): unknown =>
    pick(rng, [null, 0, -1, 1e308, 3.5, '', 'x'.repeat(5000), true, [], {}, [null], { a: 1 }, '2026-13-45', 'Nov 31']);
  const walk = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) {
      if (node.length === 0 || depth > 6 || rng() < 0.15)
        return pick(rng, [replacements(), [], node.slice(0, int(rng, node.length + 1)), [...node, ...node]]);
      const i = int(rng, node.length);
      const copy = [...node];
      if (rng() < 0.2) copy.splice(i, 1);
      else copy[i] = walk(node[i], depth + 1);
      return copy;
    }
    if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      if (keys.length === 0 || depth > 6 || rng() < 0.15) return replacements();
      const key = pick(rng, keys);
      const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
      const roll = rng();
      if (roll < 0.25) delete copy[key];
      else if (roll < 0.35) copy[`${key}_renamed`] = copy[key];
      else copy[key] = walk(copy[key], depth + 1);
      return copy;
    }
    return replacements();
  };
  return rng() < 0.05 ? pick(rng, [[value], { data: value }, null, 42, 'text']) : walk(value, 0);
}

const byteMutations: Record<string, ByteMutation> = {
  flipBytes: (rng, b) => {
    const copy = b.slice();
    for (let n = 1 + int(rng, 8); n > 0 && copy.length > 0; n--) copy[int(rng, copy.length)] = int(rng, 256);
    return copy;
  },
  flipBits: (rng, b) => {
    const copy = b.slice();
    if (copy.length > 0) {
      const i = int(rng, copy.length);
      copy[i] = (copy[i] as number) ^ (1 << int(rng, 8));
    }
    return copy;
  },
  truncateBytes: (rng, b) => b.slice(0, int(rng, b.length + 1)),
  insertInvalidUtf8: (rng, b) => {
    const at = int(rng, b.length + 1);
    const junk = pick(rng, [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf]]);
    return new Uint8Array([...b.subarray(0, at), ...junk, ...b.subarray(at)]);
  },
  magicPrefix: (rng, b) => {
    const magic = pick(rng, [[0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], [0x25, 0x50, 0x44, 0x46], [0x1f, 0x8b], [0x00]]);
    return new Uint8Array([...magic, ...b]);
  },
};

// ─── The property ─────────────────────────────────────────────────────────────────────────────

interface Tally {
  seed: string;
  iterations: number;
  parses: number;
  accepted: Record<string, number>;
  refused: number;
  knownBugs: Record<string, number>;
  slowestMs: number;
}

/**
 * Bugs the fuzzer found and that are not fixed yet: counted and printed, not failed on, so the
 * rest of the property keeps guarding; each gets a reproduction marked `it.fails`. None now: the
 * one it found (a 1500-character title escaping the arXiv parsers as a ZodError, 2026-11-23) is
 * fixed in lib/digest/index.ts and its reproductions below are plain regression tests.
 */
const KNOWN_BUGS: Array<{ id: string; matches: (problem: string) => boolean }> = [];

interface Failure {
  seed: string;
  iteration: number;
  ops: string[];
  entry: 'parseDigestBytes' | 'parseDigestText';
  problem: string;
  input: string;
}

const tallies: Tally[] = [];
const failures: Failure[] = [];

function check(
  tally: Tally,
  context: Omit<Failure, 'problem' | 'entry' | 'input'>,
  entry: Failure['entry'],
  input: Uint8Array | string,
  run: () => unknown,
) {
  const start = performance.now();
  let result: unknown;
  let problem: string | null = null;
  try {
    result = run();
  } catch (error) {
    if (!(error instanceof DigestError)) {
      problem = `threw ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`;
    } else if (!error.message.startsWith(context.seed)) {
      problem = `DigestError without the file name: ${error.message}`;
    } else {
      tally.refused++;
    }
  }
  const ms = performance.now() - start;
  tally.parses++;
  tally.slowestMs = Math.max(tally.slowestMs, ms);
  if (ms > MAX_MS_PER_PARSE) problem = `${problem ?? ''} took ${ms.toFixed(0)} ms`.trim();
  if (result !== undefined) {
    const parsed = ParsedDigestSchema.safeParse(result);
    if (!parsed.success) problem = `returned a value the schema refuses: ${parsed.error.message.slice(0, 500)}`;
    else {
      tally.accepted[parsed.data.format] = (tally.accepted[parsed.data.format] ?? 0) + 1;
      if (parsed.data.fileName !== context.seed) problem = `returned fileName ${parsed.data.fileName}`;
    }
  }
  const known = problem === null ? undefined : KNOWN_BUGS.find((bug) => bug.matches(problem as string));
  if (known) {
    tally.knownBugs[known.id] = (tally.knownBugs[known.id] ?? 0) + 1;
    return;
  }
  if (problem) {
    const text = typeof input === 'string' ? input : lossy.decode(input);
    failures.push({ ...context, entry, problem, input: JSON.stringify(text.slice(0, 300)) });
  }
}

afterAll(() => {
  if (process.env.FUZZ_FAILURES) writeFileSync(process.env.FUZZ_FAILURES, JSON.stringify(failures, null, 1));
  const rows = tallies.map(
    (t) =>
      `${t.seed.padEnd(70)} ${String(t.iterations).padStart(5)} it ${String(t.parses).padStart(5)} parses  refused ${String(t.refused).padStart(5)}  accepted ${JSON.stringify(t.accepted)}  known bugs ${JSON.stringify(t.knownBugs)}  slowest ${t.slowestMs.toFixed(0)} ms`,
  );
  console.log(`fuzz-parsers (seed ${SEED.toString(16)}):\n${rows.join('\n')}\ntotal parses: ${tallies.reduce((s, t) => s + t.parses, 0)}`);
});

describe('fuzzing the digest parsers from the real digests and feeds', () => {
  it('has seed files: the three digests and the feed fixtures', () => {
    expect(SEED_FILES.filter((f) => f.includes(`${join('shared', 'digests')}`))).toHaveLength(3);
    expect(SEED_FILES.length).toBeGreaterThanOrEqual(12);
  });

  for (const [fileIndex, path] of SEED_FILES.entries()) {
    const seedName = relative(SHARED, path);
    it(`every mutation of ${seedName} parses to a valid digest or is refused with a DigestError`, { timeout: 60_000 }, () => {
      const original = new Uint8Array(readFileSync(path));
      const originalText = lossy.decode(original);
      const name = basename(path);
      const json = (() => {
        try {
          return /^\s*[[{]/.test(originalText) ? (JSON.parse(originalText) as unknown) : undefined;
        } catch {
          return undefined;
        }
      })();
      const iterations = original.length >= LARGE_BYTES ? ITERATIONS_LARGE : ITERATIONS_SMALL;
      const rng = mulberry32(SEED + fileIndex);
      const tally: Tally = { seed: seedName, iterations, parses: 0, accepted: {}, refused: 0, knownBugs: {}, slowestMs: 0 };
      tallies.push(tally);
      const textOps = Object.keys(textMutations);
      const byteOps = Object.keys(byteMutations);
      const failuresBefore = failures.length;

      // The unmutated seed first: it must satisfy the property too.
      check(tally, { seed: name, iteration: -1, ops: [] }, 'parseDigestBytes', original, () => parseDigestBytes(name, original, TODAY));

      for (let iteration = 0; iteration < iterations; iteration++) {
        const ops: string[] = [];
        let text = originalText;
        if (json !== undefined && rng() < 0.5) {
          ops.push('json');
          text = JSON.stringify(jsonMutation(rng, json), null, rng() < 0.5 ? 2 : undefined) ?? 'undefined';
        }
        for (let n = 1 + int(rng, 3); n > 0; n--) {
          if (ops.length > 0 && rng() < 0.3) break;
          const op = pick(rng, textOps);
          ops.push(op);
          text = (textMutations[op] as TextMutation)(rng, text);
        }
        const context = { seed: name, iteration, ops };
        check(tally, context, 'parseDigestText', text, () => parseDigestText(name, text, TODAY));
        let bytes: Uint8Array = encoder.encode(text);
        if (rng() < 0.5) {
          const op = pick(rng, byteOps);
          ops.push(op);
          bytes = (byteMutations[op] as ByteMutation)(rng, bytes);
        }
        check(tally, { ...context, ops: [...ops] }, 'parseDigestBytes', bytes, () => parseDigestBytes(name, bytes, TODAY));
      }
      const mine = failures.slice(failuresBefore);
      expect(mine.slice(0, 5), `${mine.length} failures, first shown`).toEqual([]);
    });
  }
});

describe('bugs the fuzzer found, not fixed yet (each passes while the bug is there)', () => {
  function outcome(name: string, text: string): string {
    try {
      parseDigestText(name, text, TODAY);
      return 'accepted';
    } catch (error) {
      return error instanceof DigestError ? 'DigestError' : `${(error as Error).name}`;
    }
  }

  it('an Atom entry with a 1500-character title is refused with a DigestError', () => {
    const feed = readFileSync(join(SHARED, 'fixtures/feeds/arxiv-api-xml/api-query-cat-cs.RO-neural-2025-10-17-oldformat.xml'), 'utf8');
    const long = feed.replace(/(<entry>[\s\S]*?<title>)[\s\S]*?(<\/title>)/, `$1${'A'.repeat(1500)}$2`);
    expect(outcome('long.xml', long)).toBe('DigestError');
  });

  it('an arXiv mailing with a 1500-character title is refused with a DigestError', () => {
    const mail = readFileSync(join(SHARED, 'fixtures/feeds/arxiv-email/math.AG-daily-subjclass-2023-06-09.txt'), 'utf8');
    const long = mail.replace(/^Title: .*$/m, `Title: ${'A'.repeat(1500)}`);
    expect(outcome('long.txt', long)).toBe('DigestError');
  });
});
