import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DigestLensDB } from '@/lib/db';
import { DigestError, decodeDigestBytes, MAX_DIGEST_BYTES } from '@/lib/digest';
import { type ImportSource, importFiles, MAX_FILES_PER_IMPORT, tooManyFilesError } from '@/lib/import/client';
import { importFileText } from '@/lib/import/import-file';
import type { FileOutcome } from '@/lib/messaging/protocol/page-to-background';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { countEntries, makeTestDb } from '../../support/test-db';

/**
 * Bad input, end to end: each case imports a real digest first, feeds the bad input the way the
 * product would (bytes through the popup's decoding, text through the background's import), and
 * checks the exact message and that the database holds exactly what it held before.
 */

const NOW = new Date('2026-11-22T12:00:00Z');
const NOV = readDigest(DIGEST_FILES.nov19);
const NOV_LINES = NOV.split('\n');
const encoder = new TextEncoder();
let db: DigestLensDB;

beforeEach(async () => {
  db = makeTestDb();
  const first = await importFileText(db, DIGEST_FILES.sep01, readDigest(DIGEST_FILES.sep01), NOW);
  expect(first.ok).toBe(true);
});
afterEach(() => db.close());

async function counts() {
  return { papers: await db.papers.count(), digests: await db.digests.count(), entries: await countEntries(db) };
}

/** What a file goes through: decoded in the popup (client.ts), then imported in the background. */
async function importBytes(name: string, bytes: Uint8Array): Promise<FileOutcome> {
  let text: string;
  try {
    text = decodeDigestBytes(name, bytes);
  } catch (error) {
    if (error instanceof DigestError) return { ok: false, error: error.message };
    throw error;
  }
  return importFileText(db, name, text, NOW);
}

/** Refused with exactly `message`, and nothing stored. */
async function expectRefusedText(name: string, text: string, message: string) {
  const before = await counts();
  expect(await importFileText(db, name, text, NOW)).toEqual({ ok: false, error: message });
  expect(await counts()).toEqual(before);
}

async function expectRefusedBytes(name: string, bytes: Uint8Array, message: string) {
  const before = await counts();
  expect(await importBytes(name, bytes)).toEqual({ ok: false, error: message });
  expect(await counts()).toEqual(before);
}

function lines(replace: Record<number, string | null>): string {
  return NOV_LINES.flatMap((line, i) => {
    const r = replace[i + 1];
    return r === undefined ? [line] : r === null ? [] : [r];
  }).join('\n');
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const PDF = encoder.encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');

describe('bad input is refused with an exact message and leaves the database unchanged', () => {
  it('the starting database holds the Sep 1 digest', async () => {
    expect(await counts()).toEqual({ papers: 29, digests: 1, entries: 29 });
  });

  it('an empty file', async () => {
    await expectRefusedText('empty.txt', '', 'empty.txt: the file is empty');
    await expectRefusedBytes('empty.txt', new Uint8Array(0), 'empty.txt: the file is empty');
  });

  it('a file of white space only', async () => {
    await expectRefusedText('blank.txt', ' \n\t\r\n  \n', 'blank.txt: the file holds only white space');
    await expectRefusedBytes('blank.txt', encoder.encode('\uFEFF \r\n\r\n'), 'blank.txt: the file holds only white space');
  });

  it('a PNG image', async () => {
    await expectRefusedBytes('figure.png', PNG, 'figure.png: this is a PNG image, not a digest saved as text');
    // Should its bytes reach the background as text anyway, the control characters give it away.
    await expectRefusedText(
      'figure.png',
      String.fromCharCode(...PNG),
      'figure.png:2: control character U+001A in the text (is it a binary file?)',
    );
  });

  it('a PDF document', async () => {
    await expectRefusedBytes('paper.pdf', PDF, 'paper.pdf: this is a PDF document, not a digest saved as text');
  });

  it('a digest truncated in the middle of a metadata block', async () => {
    await expectRefusedText(
      'cut.txt',
      NOV_LINES.slice(0, 26).join('\n'),
      'cut.txt:25: incomplete metadata block: expected three lines (authors or organisation, "·", date), found 2 (the file looks truncated)',
    );
  });

  it('a digest truncated right after a title', async () => {
    await expectRefusedText(
      'cut.txt',
      NOV_LINES.slice(0, 21).join('\n'),
      'cut.txt:21: the file ends after the title "simple-idealized-1d-nlse: Pseudo-Spectral Solver for the 1D…", without its abstract (the file looks truncated)',
    );
  });

  it('a digest truncated in the middle of the tenth abstract', async () => {
    await expectRefusedText(
      'cut.txt',
      `${NOV_LINES.slice(0, 82).join('\n')}\n${NOV_LINES[82]?.slice(0, 200)}`,
      'cut.txt:81: the last paper "Minimum Entropy Coupling with Bottleneck" has no metadata block while 8 of the 10 papers do: the file looks truncated',
    );
  });

  it('invalid UTF-8, naming the line', async () => {
    const good = encoder.encode(NOV);
    const at = encoder.encode(NOV_LINES.slice(0, 14).join('\n')).length + 1; // start of line 15
    const bytes = new Uint8Array([...good.subarray(0, at), 0xc3, 0x28, 0xff, ...good.subarray(at)]);
    await expectRefusedBytes('latin.txt', bytes, 'latin.txt:15: the file is not valid UTF-8 text (is it a binary file?)');
  });

  it('UTF-16 text with a byte-order mark, either byte order', async () => {
    const message = 'utf16.txt: the file is UTF-16 text; save the digest as UTF-8 and import it again';
    const units = [...NOV.slice(0, 2000)].map((c) => c.charCodeAt(0));
    const le = new Uint8Array([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...units.flatMap((u) => [u >> 8, u & 0xff])]);
    await expectRefusedBytes('utf16.txt', le, message);
    await expectRefusedBytes('utf16.txt', be, message);
  });

  it('a 60 MB file, over the documented 16 MB limit, before it is decoded', async () => {
    expect(MAX_DIGEST_BYTES).toBe(16 * 1024 * 1024);
    const huge = new Uint8Array(60 * 1024 * 1024).fill(0x61);
    await expectRefusedBytes('huge.txt', huge, 'huge.txt: the file is 60.0 MB; digests are at most 16 MB');
  });

  it('a JSON file of the wrong shape', async () => {
    await expectRefusedText(
      'wrong.json',
      '{"papers": 3, "date": null}\n',
      'wrong.json:1: this is JSON, but not a Hugging Face daily papers feed, paper search result or paper (api/daily_papers, api/papers/search, api/papers/<id>): it is an object without "id" and "title"',
    );
    await expectRefusedText(
      'list.json',
      '\n\n[1, 2, 3]',
      'list.json:3: this is JSON, but not a Hugging Face daily papers feed, paper search result or paper (api/daily_papers, api/papers/search, api/papers/<id>): it is a list whose items have no "paper"',
    );
  });

  it('an Atom feed with zero entries', async () => {
    const feed = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      '  <title>arXiv Query: search_query=all:nothing</title>',
      '  <id>http://arxiv.org/api/nothing</id>',
      '  <updated>2026-11-22T00:00:00Z</updated>',
      '</feed>',
    ].join('\n');
    await expectRefusedText(
      'empty.atom',
      feed,
      'empty.atom:2: this arXiv Atom feed has no entries (did the query match no papers?): nothing to import',
    );
  });

  it('a paper title of 5,000 characters', async () => {
    await expectRefusedText(
      'long.txt',
      lines({ 13: 'A'.repeat(5000) }),
      'long.txt:13: a paper title of 5000 characters (at most 1000); this does not look like a digest',
    );
  });

  it('control characters: a bell in an abstract, a NUL in the header', async () => {
    await expectRefusedText(
      'bell.txt',
      lines({ 15: 'Inference\u0007 bell' }),
      'bell.txt:15: control character U+0007 in the text (is it a binary file?)',
    );
    await expectRefusedText(
      'nul.txt',
      `${NOV.slice(0, 100)}\u0000${NOV.slice(100)}`,
      'nul.txt:9: control character U+0000 in the text (is it a binary file?)',
    );
    await expectRefusedBytes(
      'esc.txt',
      encoder.encode(lines({ 21: '\u001b[31mRed title\u001b[0m' })),
      'esc.txt:21: control character U+001B in the text (is it a binary file?)',
    );
  });
});

describe('choosing too many files at once', () => {
  afterEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  function source(name: string, size = 10): ImportSource & { read: ReturnType<typeof vi.fn> } {
    const read = vi.fn(async () => new ArrayBuffer(size));
    return { name, size, arrayBuffer: read, read };
  }

  it('sets the limit at 1000 files', () => {
    expect(MAX_FILES_PER_IMPORT).toBe(1000);
    expect(tooManyFilesError('a.txt', 1000)).toBeNull();
    expect(tooManyFilesError('a.txt', 1001)).toBe(
      'a.txt: 1001 files at once: DigestLens imports at most 1000 files at a time; choose fewer',
    );
  });

  it('refuses each of 10,000 files with the same message, reading none and sending nothing', async () => {
    const connect = vi.spyOn(fakeBrowser.runtime, 'connect');
    const files = Array.from({ length: 10_000 }, (_, i) => source(`digest-${i}.txt`));
    const before = await counts();
    const outcomes = new Map<number, FileOutcome>();
    await importFiles(files, (index, outcome) => outcomes.set(index, outcome));
    expect(outcomes.size).toBe(10_000);
    expect(outcomes.get(0)).toEqual({
      ok: false,
      error: 'digest-0.txt: 10000 files at once: DigestLens imports at most 1000 files at a time; choose fewer',
    });
    expect(outcomes.get(9999)).toEqual({
      ok: false,
      error: 'digest-9999.txt: 10000 files at once: DigestLens imports at most 1000 files at a time; choose fewer',
    });
    expect([...outcomes.values()].every((o) => !o.ok && o.error.endsWith('choose fewer'))).toBe(true);
    expect(files.some((f) => f.read.mock.calls.length > 0)).toBe(false);
    expect(connect).not.toHaveBeenCalled();
    expect(await counts()).toEqual(before);
  });

  it('refuses a 60 MB file by its size in the popup, without reading it or sending it', async () => {
    const post = vi.fn();
    const disconnect = vi.fn();
    const listeners = () => ({ addListener: vi.fn(), removeListener: vi.fn(), hasListener: vi.fn() });
    const port = { name: 'digestlens:import', postMessage: post, disconnect, onMessage: listeners(), onDisconnect: listeners() };
    vi.spyOn(fakeBrowser.runtime, 'connect').mockReturnValue(port as unknown as ReturnType<typeof fakeBrowser.runtime.connect>);
    const huge = source('huge.txt', 60 * 1024 * 1024);
    const outcomes: FileOutcome[] = [];
    await importFiles([huge], (_, outcome) => outcomes.push(outcome));
    expect(outcomes).toEqual([{ ok: false, error: 'huge.txt: the file is 60.0 MB; digests are at most 16 MB' }]);
    expect(huge.read).not.toHaveBeenCalled();
    expect(post).not.toHaveBeenCalled();
    expect(disconnect).toHaveBeenCalled();
  });
});
