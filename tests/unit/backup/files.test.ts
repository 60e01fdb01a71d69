import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupFileName,
  bibtexTitle,
  describeRestore,
  exportNotesMarkdown,
  exportQueueBibtex,
  makeZip,
  noteMarkdown,
  papersAsBibtex,
  slug,
  yamlString,
} from '@/lib/backup';
import { addToQueue, type DigestLensDB, ensurePaper, saveNote } from '@/lib/db';
import { importFileText } from '@/lib/import/import-file';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { makeTestDb } from '../../support/test-db';

const NOW = new Date('2026-11-22T12:00:00Z');
let db: DigestLensDB;
beforeEach(() => {
  db = makeTestDb();
});
afterEach(() => db.close());

async function importAll() {
  for (const name of Object.values(DIGEST_FILES)) {
    const outcome = await importFileText(db, name, readDigest(name), NOW);
    if (!outcome.ok) throw new Error(outcome.error);
  }
}

/** Titles and ids as the arXiv API feed fixture has them (shared/fixtures/feeds/arxiv-api-xml). */
const FEED = {
  lp: { title: 'Deep Convolutional Large-Margin $\\ell_p$-SVDD for Visual Anomaly Detection', arxivId: '2607.22212' },
  scale: {
    title: 'SCALE: Self-Supervised Constraint-Aware Layout GEneration for Local P&R DRV Fixing at Advanced Nodes',
    arxivId: '2607.21850',
  },
  h2sd: { title: 'H$^2$SD: Hybrid Hindsight Self-Distillation', arxivId: '2607.18955' },
  neq: {
    title: 'Future Rendering $\\neq$ Future Surface: A Benchmark and Dataset for Dynamic Surface Reconstruction Beyond the Observed Window',
    arxivId: '2607.21471',
  },
};

describe('notes as Markdown', () => {
  it('writes one file per note with YAML front matter: title, authors, arXiv id and links, digest dates, last update, what is missing', async () => {
    await importAll();
    const entropy = 'title:entropyguidedattentionforprivatellms';
    await saveNote(db, entropy, 'Removing nonlinearities collapses entropy.\n\n- check §4', 0, new Date('2026-11-21T08:30:00Z'));
    const files = await exportNotesMarkdown(db);
    expect(files).toEqual([
      {
        fileName: 'entropy-guided-attention-for-private-llms.md',
        content: [
          '---',
          'title: "Entropy-Guided Attention for Private LLMs"',
          'authors: null',
          'arxiv_id: null',
          'arxiv_url: null',
          'huggingface_url: "https://huggingface.co/papers?q=Entropy-Guided%20Attention%20for%20Private%20LLMs"',
          'digests: ["2026-09-01", "2026-11-19"]',
          'updated: "2026-11-21T08:30:00.000Z"',
          'missing: ["arxiv_id", "authors"]',
          '---',
          '',
          'Removing nonlinearities collapses entropy.',
          '',
          '- check §4',
          '',
        ].join('\n'),
      },
    ]);
  });

  it('gives a paper with an arXiv id its links and the id in the file name, and keeps LaTeX and quotes in the title', async () => {
    await importAll();
    const lp = await ensurePaper(db, { ...FEED.lp, abstract: null, url: null });
    await saveNote(db, lp.id, 'ℓp', 0, NOW);
    const quoted = 'title:imaynothavearticulatedmyselfclearlydiagnosingdynamicinstabilityinllmreasoningatinferencetime';
    await saveNote(db, quoted, 'quotes', 0, NOW);
    await saveNote(db, 'title:entropyguidedattentionforprivatellms', '  \n', 0, NOW); // nothing written: no file

    const files = await exportNotesMarkdown(db);
    expect(files.map((f) => f.fileName)).toEqual([
      'i-may-not-have-articulated-myself-clearly-diagnosing-dynamic-instability-in-llm.md',
      'deep-convolutional-large-margin-ell-p-svdd-for-visual-anomaly-detection-2607.22212.md',
    ]);
    expect(files[0]?.content.split('\n')[1]).toBe(
      'title: "\\"I May Not Have Articulated Myself Clearly\\": Diagnosing Dynamic Instability in LLM Reasoning at Inference Time"',
    );
    expect(files[1]?.content.split('\n').slice(1, 9)).toEqual([
      'title: "Deep Convolutional Large-Margin $\\\\ell_p$-SVDD for Visual Anomaly Detection"',
      'authors: null',
      'arxiv_id: "2607.22212"',
      'arxiv_url: "https://arxiv.org/abs/2607.22212"',
      'huggingface_url: "https://huggingface.co/papers/2607.22212"',
      'digests: []',
      'updated: "2026-11-22T12:00:00.000Z"',
      'missing: ["authors"]',
    ]);
  });

  it('puts the authors of a paper whose source named them in the front matter, and nothing is missing', () => {
    const note = { paperId: 'arxiv:2510.14968', text: 'x', updatedAt: NOW.toISOString(), version: 1 };
    const paper = {
      id: 'arxiv:2510.14968',
      title: 'RDD',
      titleKey: 'rdd',
      arxivId: '2510.14968',
      abstract: '',
      authors: 2,
      authorNames: ['Mingxuan Yan', 'Jiachen "JC" Li'],
      organization: null,
      addedAt: NOW.toISOString(),
    };
    const lines = noteMarkdown({ note, paper, digestDates: [] }).split('\n');
    expect(lines[2]).toBe('authors: ["Mingxuan Yan", "Jiachen \\"JC\\" Li"]');
    expect(lines.filter((l) => l.startsWith('missing:'))).toEqual([]);
  });

  it('escapes in YAML strings the backslash, the quote, line breaks and every control character', () => {
    expect(yamlString('a\\b "c"\nd\te\r\u0000\u0085\u2028\u007f é σ 🦀')).toBe(
      '"a\\\\b \\"c\\"\\nd\\te\\r\\u0000\\u0085\\u2028\\u007f é σ 🦀"',
    );
    expect(yamlString('lone \ud800 surrogate')).toBe('"lone \\ud800 surrogate"');
  });

  it('makes file names from titles: accents dropped, at most 80 characters cut between words, unique', () => {
    expect(slug('Extensions of Schoen--Simon--Yau and Schoen--Simon theorems via iteration à la De Giorgi')).toBe(
      'extensions-of-schoen-simon-yau-and-schoen-simon-theorems-via-iteration-a-la-de',
    );
    expect(slug('$\\sigma$Reparam: Stable Transformer Training')).toBe('sigma-reparam-stable-transformer-training');
    expect(slug('「注意」')).toBe('注意');
    expect(slug('???')).toBe('');
  });

  it('numbers notes whose titles give the same file name, and names a note of an untitled paper "note"', async () => {
    const title = 'Extensions of Schoen--Simon--Yau and Schoen--Simon theorems via iteration à la De Giorgi';
    const papers = await Promise.all(
      [title, `${title}, II`, `${title}, III`, '???'].map((t) => ensurePaper(db, { title: t, arxivId: null, abstract: null, url: null })),
    );
    for (const paper of papers) await saveNote(db, paper.id, 'x', 0, NOW);
    const stem = 'extensions-of-schoen-simon-yau-and-schoen-simon-theorems-via-iteration-a-la-de';
    expect((await exportNotesMarkdown(db)).map((f) => f.fileName)).toEqual(['note.md', `${stem}.md`, `${stem}-2.md`, `${stem}-3.md`]);
  });
});

describe('the queue as BibTeX', () => {
  it('writes an arXiv @misc entry that keeps the title’s LaTeX math', () => {
    expect(papersAsBibtex([FEED.lp]).content).toBe(
      [
        "% DigestLens does not know this paper's author names: complete the entry by hand.",
        '@misc{deep2026,',
        '  title = {Deep Convolutional Large-Margin $\\ell_p$-SVDD for Visual Anomaly Detection},',
        '  year = {2026},',
        '  eprint = {2607.22212},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2607.22212},',
        '  note = {arXiv:2607.22212}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes BibTeX and LaTeX special characters outside math and keeps math with balanced braces', () => {
    expect(bibtexTitle(FEED.scale.title)).toBe(
      'SCALE: Self-Supervised Constraint-Aware Layout GEneration for Local P\\&R DRV Fixing at Advanced Nodes',
    );
    expect(bibtexTitle(FEED.h2sd.title)).toBe('H$^2$SD: Hybrid Hindsight Self-Distillation');
    expect(bibtexTitle(FEED.neq.title)).toBe(FEED.neq.title);
    expect(bibtexTitle('50% of {all} C:\\paths cost $5 & #1 under_score ~ ^')).toBe(
      '50\\% of \\textbraceleft{}all\\textbraceright{} C:\\textbackslash{}paths cost \\$5 \\& \\#1 under\\_score \\textasciitilde{} \\textasciicircum{}',
    );
    expect(bibtexTitle('Sets $\\{x\\}$ and $\\{x$ and $a%b$')).toBe(
      'Sets $\\{x\\}$ and \\$\\textbackslash{}\\textbraceleft{}x\\$ and $a\\%b$',
    );
    expect(bibtexTitle('From $5 to $10: pricing $\\sigma$-models')).toBe('From \\$5 to \\$10: pricing $\\sigma$-models');
    expect(bibtexTitle('Line\n  break')).toBe('Line break');
  });

  it('writes author, title, year, eprint and url, and keys it by the first author like Google Scholar', () => {
    const entry = papersAsBibtex([{ ...FEED.h2sd, authorNames: ['Zoë Müller-Lüdenscheidt', 'J. Smith & Sons'] }]).content;
    expect(entry).toBe(
      [
        '@misc{mullerludenscheidt2026hsd,',
        '  author = {Zoë Müller-Lüdenscheidt and J. Smith \\& Sons},',
        '  title = {H$^2$SD: Hybrid Hindsight Self-Distillation},',
        '  year = {2026},',
        '  eprint = {2607.18955},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2607.18955},',
        '  note = {arXiv:2607.18955}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes a paper known only from a text digest with what is known, and says what is missing', () => {
    const result = papersAsBibtex([{ title: 'Entropy-Guided Attention for Private LLMs', arxivId: null, year: 2026 }]);
    expect(result.content).toBe(
      [
        "% DigestLens does not know this paper's arXiv id, author names: complete the entry by hand.",
        '@misc{entropy2026,',
        '  title = {Entropy-Guided Attention for Private LLMs},',
        '  year = {2026}',
        '}',
        '',
      ].join('\n'),
    );
    expect({ entries: result.entries, incomplete: result.incomplete }).toEqual({ entries: 1, incomplete: 1 });
  });

  it('gives every paper a unique key, papers without an arXiv id included', () => {
    const result = papersAsBibtex([
      FEED.lp,
      { title: 'Deep Learning Probability Flows and Entropy Production Rates in Active Matter', arxivId: null, year: 2026 },
      { title: 'Deep dreams', arxivId: '2607.00002' },
      { title: 'Deep sleep', arxivId: '2607.00003' },
      FEED.h2sd,
      { title: 'The Old Times', arxivId: 'hep-th/9901001' },
    ]);
    expect([...result.content.matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1])).toEqual([
      'deep2026',
      'deep2026a',
      'deep2026b',
      'deep2026c',
      'hsd2026',
      'old1999',
    ]);
    expect({ entries: result.entries, incomplete: result.incomplete }).toEqual({ entries: 6, incomplete: 6 });
  });

  it('exports the queue in queue order, read items too, a text-digest paper dated by its publication day', async () => {
    await importAll();
    const lp = await ensurePaper(db, { ...FEED.lp, abstract: null, url: null });
    const scale = await ensurePaper(db, { ...FEED.scale, abstract: null, url: null });
    await addToQueue(db, scale.id, 'https://arxiv.org/list/cs.AR/new', NOW);
    await addToQueue(db, 'title:entropyguidedattentionforprivatellms', 'digest:x', NOW);
    await addToQueue(db, lp.id, 'https://arxiv.org/abs/2607.22212', NOW);
    const result = await exportQueueBibtex(db);
    expect([...result.content.matchAll(/eprint = \{([^}]+)\}/g)].map((m) => m[1])).toEqual(['2607.21850', '2607.22212']);
    expect([...result.content.matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1])).toEqual(['scale2026', 'entropy2026', 'deep2026']);
    expect(result.content).toContain('@misc{entropy2026,\n  title = {Entropy-Guided Attention for Private LLMs},\n  year = {2026}\n}');
    expect({ entries: result.entries, incomplete: result.incomplete, skipped: result.skipped }).toEqual({
      entries: 3,
      incomplete: 3,
      skipped: 0,
    });
  });
});

/** Reads a ZIP the way unzip does: end record → central directory → each local header. */
function readZip(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  expect(start + size).toBe(end);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const central = {
      madeBy: view.getUint16(at + 4, true),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      offset: view.getUint32(at + 42, true),
    };
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);

    const local = central.offset;
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    expect([
      view.getUint16(local + 6, true),
      view.getUint16(local + 8, true),
      view.getUint32(local + 14, true),
      view.getUint32(local + 22, true),
    ]).toEqual([central.flags, central.method, central.crc, central.size]);
    const localName = view.getUint16(local + 26, true);
    const dataStart = local + 30 + localName + view.getUint16(local + 28, true);
    expect(decoder.decode(bytes.subarray(local + 30, local + 30 + localName))).toBe(central.name);
    const data = bytes.subarray(dataStart, dataStart + central.compressed);
    files.push({ ...central, data, crcOk: zlibCrc32(data) === central.crc });
  }
  expect(at).toBe(end);
  return files;
}

describe('the ZIP writer', () => {
  const files = [
    { name: 'entropy-guided-attention-for-private-llms.md', data: '---\ntitle: "Entropy"\n---\n\nnote\n' },
    { name: 'σreparam-注意.md', data: 'σ matters\n' },
    { name: 'empty.md', data: '' },
    { name: 'bytes.bin', data: new Uint8Array([0, 255, 10, 13]) },
  ];

  it('stores each file uncompressed under its UTF-8 name, with matching local headers and central directory', () => {
    const zip = makeZip(files, new Date(2026, 10, 22, 12, 30, 14));
    const read = readZip(zip);
    // Made by Unix (3) with ZIP 2.0; method 0 (STORE); flag bit 11 (UTF-8) on the name that is not ASCII.
    expect(read.map((f) => [f.name, f.madeBy, f.method, f.flags, f.size, f.compressed, f.crcOk])).toEqual([
      ['entropy-guided-attention-for-private-llms.md', 0x314, 0, 0, 31, 31, true],
      ['σreparam-注意.md', 0x314, 0, 0x800, 11, 11, true],
      ['empty.md', 0x314, 0, 0, 0, 0, true],
      ['bytes.bin', 0x314, 0, 0, 4, 4, true],
    ]);
    expect(new TextDecoder().decode(read[1]?.data)).toBe('σ matters\n');
    expect([...(read[3]?.data ?? [])]).toEqual([0, 255, 10, 13]);
    // 2026-11-22 12:30:14 local, in MS-DOS form.
    const view = new DataView(zip.buffer);
    expect([view.getUint16(10, true), view.getUint16(12, true)]).toEqual([(12 << 11) | (30 << 5) | 7, (46 << 9) | (11 << 5) | 22]);
  });

  it('writes the same bytes for the same files and time, and refuses two files of one name', () => {
    expect(makeZip(files, NOW)).toEqual(makeZip(files, new Date(NOW)));
    const twice = [
      { name: 'a.md', data: 'first' },
      { name: 'a.md', data: 'second' },
    ];
    expect(() => makeZip(twice, NOW)).toThrow(/two files named a\.md/);
  });

  it('writes an empty archive as just the end record', () => {
    expect(readZip(makeZip([]))).toEqual([]);
    expect(makeZip([]).length).toBe(22);
  });

  const unzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;
  it.runIf(unzip)('writes an archive that Info-ZIP unzip tests as intact and extracts under the UTF-8 names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digestlens-zip-'));
    try {
      const path = join(dir, 'notes.zip');
      writeFileSync(path, makeZip(files, NOW));
      const result = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
      expect(result.stdout).toMatch(/No errors detected in compressed data/);
      expect(result.status).toBe(0);
      expect(spawnSync('unzip', ['-q', path, '-d', join(dir, 'out')]).status).toBe(0);
      expect(readdirSync(join(dir, 'out')).sort()).toEqual([
        'bytes.bin',
        'empty.md',
        'entropy-guided-attention-for-private-llms.md',
        'σreparam-注意.md',
      ]);
      expect(readFileSync(join(dir, 'out', 'σreparam-注意.md'), 'utf8')).toBe('σ matters\n');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('file names and summaries', () => {
  it('names the backup after the local day', () => {
    expect(backupFileName(new Date(2026, 10, 22, 23, 59))).toBe('digestlens-backup-2026-11-22.json');
  });

  it('describes a restore in words, leaving out what is zero', () => {
    const zero = {
      papersAdded: 0,
      papersEnriched: 0,
      digestsAdded: 0,
      entriesAdded: 0,
      notesAdded: 0,
      notesMerged: 0,
      noteVersionsAdded: 0,
      queueAdded: 0,
      settingsAdded: 0,
    };
    expect(describeRestore(zero)).toBe('Restored: nothing new, everything in this backup is already here.');
    expect(describeRestore({ ...zero, papersAdded: 88, digestsAdded: 2, entriesAdded: 100, notesMerged: 1, noteVersionsAdded: 6 })).toBe(
      'Restored: 88 papers added, 2 digests, 100 digest entries, 1 note merged (both texts kept), 6 earlier note texts.',
    );
  });
});
