import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DigestError, parseDigestBytes, parseDigestFile } from '@/lib/digest';
import { ParsedDigestSchema } from '@/lib/digest/types';
import { SHARED } from '../../support/paths';

/**
 * Property test of every digest parser, through the public entry points (the format is found
 * from the content, so parsers added later are fuzzed too), with fast-check. Seeds are every real
 * digest and feed fixture; each run applies 1–3 mutations of the kinds below, drawn by fast-check,
 * and checks that the parse either returns a value the ParsedDigest schema accepts or throws a
 * DigestError naming the file: never another exception, and never more than 2 s.
 *
 * Replaying: fast-check's seed is FUZZ_SEED (default below) plus the seed file's index. A failure
 * prints the draws, the mutations and the input's start, and the command that replays it
 * (FUZZ_SEED and FUZZ_PATH, for that file's test alone).
 */

const TODAY = new Date('2026-11-22T12:00:00Z');
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 0x5eed_d16e;
const REPLAY_PATH = process.env.FUZZ_PATH;
const MAX_MS_PER_PARSE = 2000;
/** Runs per seed file; large fixtures (≥ 256 KB) get fewer, to keep the file under a minute. */
const ITERATIONS_SMALL = 300;
const ITERATIONS_LARGE = 30;
const LARGE_BYTES = 256 * 1024;

/**
 * The random choices a mutation makes, drawn from fast-check (so they shrink and replay). Unbiased:
 * the mutations already aim at the edges, and a position near the start is no likelier to break.
 */
interface Draw {
  /** An integer in [0, n); 0 when n ≤ 0. */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** A number in [0, 1), in steps of 1/65536. */
  random(): number;
}

const below = (max: number) => fc.noBias(fc.integer({ min: 0, max }));

function drawFrom(g: fc.GeneratorValue): Draw {
  const int = (n: number) => (n <= 1 ? 0 : g(below, n - 1));
  return {
    int,
    pick: <T>(items: readonly T[]) => items[int(items.length)] as T,
    random: () => g(below, 0xffff) / 0x10000,
  };
}

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

type TextMutation = (rng: Draw, text: string) => string;
type ByteMutation = (rng: Draw, bytes: Uint8Array) => Uint8Array;

function splice(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

const textMutations: Record<string, TextMutation> = {
  deleteLine: (rng, t) => {
    const lines = t.split('\n');
    lines.splice(rng.int(lines.length), 1 + rng.int(3));
    return lines.join('\n');
  },
  duplicateLine: (rng, t) => {
    const lines = t.split('\n');
    const i = rng.int(lines.length);
    lines.splice(i, 0, ...Array.from({ length: 1 + rng.int(3) }, () => lines[i] ?? ''));
    return lines.join('\n');
  },
  swapLines: (rng, t) => {
    const lines = t.split('\n');
    const [i, j] = [rng.int(lines.length), rng.int(lines.length)];
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return lines.join('\n');
  },
  repeatLineMany: (rng, t) => {
    if (t.length > LARGE_BYTES) return t;
    const lines = t.split('\n');
    const i = rng.int(lines.length);
    // At most ~1 MB more, so that the 2 s budget measures the parser, not the size of the input.
    const times = Math.min(500 + rng.int(2000), Math.floor(1_000_000 / ((lines[i]?.length ?? 0) + 1)));
    lines.splice(i, 0, ...Array.from({ length: times }, () => lines[i] ?? ''));
    return lines.join('\n');
  },
  longLine: (rng, t) => splice(t, rng.int(t.length), 0, rng.pick(['A', 'x ', '· ', '<a>', '{"a":', '[']).repeat(1000 + rng.int(20000))),
  insertControl: (rng, t) => splice(t, rng.int(t.length + 1), 0, rng.pick(CONTROL)),
  insertUnicode: (rng, t) => splice(t, rng.int(t.length + 1), 0, rng.pick(UNICODE)),
  replaceChar: (rng, t) => splice(t, rng.int(t.length), 1, rng.pick([...UNICODE, ...CONTROL, ' ', '\n', '\n\n', ''])),
  truncate: (rng, t) => t.slice(0, rng.int(t.length + 1)),
  toggleCrlf: (_rng, t) => (t.includes('\r\n') ? t.replace(/\r\n/g, '\n') : t.replace(/\n/g, '\r\n')),
  bareCr: (_rng, t) => t.replace(/\n/g, '\r'),
  toggleBom: (_rng, t) => (t.startsWith('\uFEFF') ? t.slice(1) : `\uFEFF${t}`),
  trailingSpaces: (_rng, t) => t.replace(/\n/g, ' \t\n'),
  blankLines: (rng, t) => t.replace(/\n\n/g, () => (rng.random() < 0.2 ? '\n\n\n\n' : rng.random() < 0.1 ? '\n' : '\n\n')),
  prefixJunk: (rng, t) => `${rng.pick(['', ' ', '\n\n', 'x', '<', '{', '[', '<?xml version="1.0"?>', '\uFEFF'])}${t}`,
  // Structure, for the XML feeds (and harmless elsewhere).
  xmlDropTag: (rng, t) => {
    const tags = [...t.matchAll(/<\/?[a-zA-Z][^>]*>/g)];
    const tag = tags.length > 0 ? rng.pick(tags) : null;
    return tag?.index === undefined ? t : splice(t, tag.index, tag[0].length, '');
  },
  xmlDropEntries: (rng, t) => t.replace(/<entry>[\s\S]*?<\/entry>/g, (m) => (rng.random() < 0.7 ? '' : m)),
  xmlDuplicateEntry: (rng, t) => {
    const entries = [...t.matchAll(/<entry>[\s\S]*?<\/entry>/g)];
    const e = entries.length > 0 ? rng.pick(entries) : null;
    return e?.index === undefined ? t : splice(t, e.index, 0, e[0].repeat(1 + rng.int(5)));
  },
  xmlEmptyElement: (rng, t) => {
    const name = rng.pick(['title', 'summary', 'id', 'published', 'updated', 'author', 'name', 'link', 'feed', 'entry']);
    return t.replace(new RegExp(`<${name}([^>]*)>[\\s\\S]*?</${name}>`, 'g'), (m, attrs) =>
      rng.random() < 0.5 ? `<${name}${attrs}/>` : m,
    );
  },
  xmlRenameTag: (rng, t) => {
    const name = rng.pick(['title', 'summary', 'id', 'entry', 'feed', 'author']);
    return t.replace(new RegExp(`<(/?)${name}\\b`, rng.random() < 0.5 ? '' : 'g'), `<$1${name}x`);
  },
  xmlDeepNesting: (rng, t) => splice(t, rng.int(t.length + 1), 0, `${'<a>'.repeat(5000)}x${rng.random() < 0.5 ? '</a>'.repeat(5000) : ''}`),
  xmlEntities: (rng, t) =>
    splice(
      t,
      rng.int(t.length + 1),
      0,
      rng.pick(['&lt;', '&#x0;', '&#xD800;', '&bogus;', '&', '&#99999999;', '<![CDATA[x]]>', '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>']),
    ),
};

/** Structure, for the JSON feeds: parse once, change one value along a random path, re-serialise. */
function jsonMutation(rng: Draw, value: unknown): unknown {
  const replacements = (): unknown =>
    rng.pick([null, 0, -1, 1e308, 3.5, '', 'x'.repeat(5000), true, [], {}, [null], { a: 1 }, '2026-13-45', 'Nov 31']);
  const walk = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) {
      if (node.length === 0 || depth > 6 || rng.random() < 0.15)
        return rng.pick([replacements(), [], node.slice(0, rng.int(node.length + 1)), [...node, ...node]]);
      const i = rng.int(node.length);
      const copy = [...node];
      if (rng.random() < 0.2) copy.splice(i, 1);
      else copy[i] = walk(node[i], depth + 1);
      return copy;
    }
    if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      if (keys.length === 0 || depth > 6 || rng.random() < 0.15) return replacements();
      const key = rng.pick(keys);
      const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
      const roll = rng.random();
      if (roll < 0.25) delete copy[key];
      else if (roll < 0.35) copy[`${key}_renamed`] = copy[key];
      else copy[key] = walk(copy[key], depth + 1);
      return copy;
    }
    return replacements();
  };
  return rng.random() < 0.05 ? rng.pick([[value], { data: value }, null, 42, 'text']) : walk(value, 0);
}

const byteMutations: Record<string, ByteMutation> = {
  flipBytes: (rng, b) => {
    const copy = b.slice();
    for (let n = 1 + rng.int(8); n > 0 && copy.length > 0; n--) copy[rng.int(copy.length)] = rng.int(256);
    return copy;
  },
  flipBits: (rng, b) => {
    const copy = b.slice();
    if (copy.length > 0) {
      const i = rng.int(copy.length);
      copy[i] = (copy[i] as number) ^ (1 << rng.int(8));
    }
    return copy;
  },
  truncateBytes: (rng, b) => b.slice(0, rng.int(b.length + 1)),
  insertInvalidUtf8: (rng, b) => {
    const at = rng.int(b.length + 1);
    const junk = rng.pick([[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf]]);
    return new Uint8Array([...b.subarray(0, at), ...junk, ...b.subarray(at)]);
  },
  magicPrefix: (rng, b) => {
    const magic = rng.pick([[0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], [0x25, 0x50, 0x44, 0x46], [0x1f, 0x8b], [0x00]]);
    return new Uint8Array([...magic, ...b]);
  },
};

// ─── The property ─────────────────────────────────────────────────────────────────────────────

interface Tally {
  seed: string;
  runs: number;
  parses: number;
  accepted: Record<string, number>;
  refused: number;
  slowestMs: number;
}

const tallies: Tally[] = [];

/** What is wrong with one parse, or null: a value the schema accepts, or a DigestError naming the file, within the time. */
function problemWith(tally: Tally, fileName: string, run: () => unknown): string | null {
  const start = performance.now();
  let result: unknown;
  let problem: string | null = null;
  try {
    result = run();
  } catch (error) {
    if (!(error instanceof DigestError)) {
      problem = `threw ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`;
    } else if (!error.message.startsWith(fileName)) {
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
    const digests: unknown[] = Array.isArray(result) ? result : [result];
    if (digests.length === 0) problem = 'returned no digest and no refusal';
    for (const digest of digests) {
      const parsed = ParsedDigestSchema.safeParse(digest);
      if (!parsed.success) problem = `returned a value the schema refuses: ${parsed.error.message.slice(0, 500)}`;
      else {
        tally.accepted[parsed.data.format] = (tally.accepted[parsed.data.format] ?? 0) + 1;
        if (parsed.data.fileName !== fileName) problem = `returned fileName ${parsed.data.fileName}`;
      }
    }
  }
  return problem;
}

afterAll(() => {
  const rows = tallies.map(
    (t) =>
      `${t.seed.padEnd(70)} ${String(t.runs).padStart(5)} runs ${String(t.parses).padStart(5)} parses  refused ${String(t.refused).padStart(5)}  accepted ${JSON.stringify(t.accepted)}  slowest ${t.slowestMs.toFixed(0)} ms`,
  );
  const runs = tallies.reduce((sum, t) => sum + t.runs, 0);
  const parses = tallies.reduce((sum, t) => sum + t.parses, 0);
  console.log(`fuzz-parsers (FUZZ_SEED ${SEED}):\n${rows.join('\n')}\ntotal: ${runs} mutated inputs, ${parses} parses`);
});

describe('fuzzing the digest parsers from the real digests and feeds', () => {
  it('has seed files: the three digests and the feed fixtures', () => {
    expect(SEED_FILES.filter((f) => f.includes(`${join('shared', 'digests')}`))).toHaveLength(3);
    expect(SEED_FILES.length).toBeGreaterThanOrEqual(12);
  });

  for (const [fileIndex, path] of SEED_FILES.entries()) {
    const seedName = relative(SHARED, path);
    it(`every mutation of ${seedName} parses to a valid digest or is refused with a DigestError`, { timeout: 120_000 }, () => {
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
      const tally: Tally = { seed: seedName, runs: 0, parses: 0, accepted: {}, refused: 0, slowestMs: 0 };
      tallies.push(tally);
      const textOps = Object.keys(textMutations);
      const byteOps = Object.keys(byteMutations);

      // The unmutated seed first: it must satisfy the property too.
      expect(problemWith(tally, name, () => parseDigestBytes(name, original, { today: TODAY }))).toBeNull();

      const property = fc.property(fc.gen(), (g) => {
        const rng = drawFrom(g);
        tally.runs++;
        const ops: string[] = [];
        let text = originalText;
        if (json !== undefined && rng.random() < 0.5) {
          ops.push('json');
          text = JSON.stringify(jsonMutation(rng, json), null, rng.random() < 0.5 ? 2 : undefined) ?? 'undefined';
        }
        for (let n = 1 + rng.int(3); n > 0; n--) {
          if (ops.length > 0 && rng.random() < 0.3) break;
          const op = rng.pick(textOps);
          ops.push(op);
          text = (textMutations[op] as TextMutation)(rng, text);
        }
        const asText = problemWith(tally, name, () => parseDigestFile(name, text, { today: TODAY }));
        if (asText) throw new Error(`parseDigestFile after ${ops.join(', ')}: ${asText}\ninput: ${JSON.stringify(text.slice(0, 300))}`);
        let bytes: Uint8Array = encoder.encode(text);
        if (rng.random() < 0.5) {
          const op = rng.pick(byteOps);
          ops.push(op);
          bytes = (byteMutations[op] as ByteMutation)(rng, bytes);
        }
        const asBytes = problemWith(tally, name, () => parseDigestBytes(name, bytes, { today: TODAY }));
        if (asBytes) {
          throw new Error(
            `parseDigestBytes after ${ops.join(', ')}: ${asBytes}\ninput: ${JSON.stringify(lossy.decode(bytes).slice(0, 300))}`,
          );
        }
      });
      // A failure is reported at once, with the command that replays it; the replay (FUZZ_PATH) also
      // shrinks it, which re-parses inputs of up to a few MB and can outlast the test's timeout.
      const details = fc.check(property, {
        seed: SEED + fileIndex,
        path: REPLAY_PATH,
        numRuns: iterations,
        endOnFailure: REPLAY_PATH === undefined,
      });
      if (details.failed) {
        const replay = `FUZZ_SEED=${SEED} FUZZ_PATH=${details.counterexamplePath} npx vitest run --project unit tests/unit/digest/fuzz-parsers.test.ts -t '${seedName}'`;
        const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        throw new Error(`${fc.defaultReportMessage(details)}\n${cause}\nReplay: ${replay}`);
      }
    });
  }
});

describe('bugs the fuzzer found, fixed (2026-11-23)', () => {
  function outcome(name: string, text: string): string {
    try {
      parseDigestFile(name, text, { today: TODAY });
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
