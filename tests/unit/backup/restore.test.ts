import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupJson, exportBackup, parseBackupText, restoreBackup } from '@/lib/backup';
import {
  addToQueue,
  corpusRevision,
  type DigestLensDB,
  digestMemberships,
  ensurePaper,
  entriesOfDigest,
  noteVersions,
  saveNote,
  setRead,
} from '@/lib/db';
import { importFileText } from '@/lib/import/import-file';
import { DIGEST_FILES, REPO_ROOT, readDigest } from '../../support/paths';
import { testDbsForThisFile } from '../../support/test-db';

const IMPORTED = new Date('2026-11-20T08:00:00Z');
const T0 = Date.parse('2026-11-20T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const EXPORTED = new Date('2026-11-22T12:00:00Z');

/** A paper of arXiv 2607.22212 as the arXiv API feed fixture titles it (shared/fixtures/feeds). */
const LATEX_PAPER = {
  title: 'Deep Convolutional Large-Margin $\\ell_p$-SVDD for Visual Anomaly Detection',
  arxivId: '2607.22212',
  abstract: null,
  url: 'https://arxiv.org/abs/2607.22212',
};

const freshDb = testDbsForThisFile();

async function importDigest(db: DigestLensDB, name: string, now = IMPORTED): Promise<string> {
  const outcome = await importFileText(db, name, readDigest(name), now);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value[0]?.digestId ?? '';
}

/** The papers of a digest in page order. */
async function digestPapers(db: DigestLensDB, digestId: string): Promise<string[]> {
  const entries = await entriesOfDigest(db, digestId);
  return entries.map((e) => e.paperId);
}

/**
 * The profile backed up: the three real digests; twelve notes, three of them with an earlier
 * text (a later session, a save from a stale tab, a later session on a page paper); three queue
 * items, one read; two settings; and a derived cache that a backup leaves out.
 */
async function makeProfile(db: DigestLensDB) {
  const sep = await importDigest(db, DIGEST_FILES.sep01);
  await importDigest(db, DIGEST_FILES.jun05);
  await importDigest(db, DIGEST_FILES.nov19);
  const p = await digestPapers(db, sep);
  const latex = await ensurePaper(db, LATEX_PAPER, at(0));
  const id = (i: number) => p[i] ?? '';

  await saveNote(db, id(0), 'first thoughts', 0, at(0));
  await saveNote(db, id(0), 'second thoughts', 1, at(10)); // a new session: "first thoughts" is kept
  await saveNote(db, id(0), 'second thoughts, refined', 2, at(11)); // same session: replaced
  await saveNote(db, id(1), 'tab A', 0, at(0));
  await saveNote(db, id(1), 'tab B', 0, at(1)); // from a stale tab: "tab A" is kept
  for (let i = 2; i < 10; i++) await saveNote(db, id(i), `note on paper ${i}`, 0, at(i));
  await saveNote(db, id(20), 'note on paper 20\nwith a second line', 0, at(20));
  await saveNote(db, latex.id, 'σ matters', 0, at(0));
  await saveNote(db, latex.id, 'σ really matters', 1, at(60));

  await addToQueue(db, id(2), `digest:${sep}`, at(0));
  await addToQueue(db, latex.id, LATEX_PAPER.url, at(1));
  await addToQueue(db, id(10), `digest:${sep}`, at(2));
  await setRead(db, id(2), true, at(24 * 60));

  await db.meta.bulkPut([
    { key: 'setting:theme', value: 'dark' },
    { key: 'setting:relatedCount', value: 8 },
    { key: 'corpusIndexes', value: { revision: 3, ids: [] } },
  ]);
  return { sep, p: id, latex: latex.id };
}

/** Every row of every table, as stored (ids included), to prove a refused restore changed nothing. */
async function snapshot(db: DigestLensDB) {
  return {
    papers: await db.papers.toArray(),
    digests: await db.digests.toArray(),
    listings: await db.listings.toArray(),
    notes: await db.notes.toArray(),
    noteVersions: await db.noteVersions.toArray(),
    queue: await db.queue.toArray(),
    meta: await db.meta.toArray(),
  };
}

/** Every text the user wrote, current or earlier, as `paperId: text`. */
async function allTexts(db: DigestLensDB): Promise<string[]> {
  const notes = (await db.notes.toArray()).map((n) => `${n.paperId}: ${n.text}`);
  const versions = (await db.noteVersions.toArray()).map((v) => `${v.paperId}: ${v.text}`);
  return [...notes, ...versions].sort();
}

describe('backup export', () => {
  it('writes every paper, digest, entry, note, earlier text, queue item and setting, and no derived cache', async () => {
    const db = freshDb();
    await makeProfile(db);
    const doc = await exportBackup(db, EXPORTED);
    expect({
      format: doc.format,
      version: doc.version,
      exportedAt: doc.exportedAt,
      papers: doc.papers.length,
      digests: doc.digests.length,
      entries: doc.entries.length,
      notes: doc.notes.length,
      noteVersions: doc.noteVersions.length,
      queue: doc.queue.length,
      settings: doc.settings,
    }).toEqual({
      format: 'digestlens-backup',
      version: 1,
      exportedAt: '2026-11-22T12:00:00.000Z',
      papers: 118,
      digests: 3,
      entries: 129,
      notes: 12,
      noteVersions: 3,
      queue: 3,
      settings: { relatedCount: 8, theme: 'dark' },
    });
  });

  it('sorts every array by its key and writes note versions without their local ids', async () => {
    const db = freshDb();
    await makeProfile(db);
    const doc = await exportBackup(db, EXPORTED);
    const sorted = (keys: string[]) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(doc.papers.map((p) => p.id)).toEqual(sorted(doc.papers.map((p) => p.id)));
    expect(doc.digests.map((d) => d.date)).toEqual(['2026-11-19', '2026-09-01', '2026-06-05']); // by content id
    expect(doc.queue.map((q) => q.order)).toEqual([1, 2, 3]);
    expect(doc.noteVersions.map((v) => v.text).sort()).toEqual(['first thoughts', 'tab A', 'σ matters']);
    expect(doc.noteVersions.some((v) => 'id' in v)).toBe(false);
  });
});

describe('backup restore into an empty profile', () => {
  it('restores everything, so that exporting again gives the identical document', async () => {
    const source = freshDb();
    await makeProfile(source);
    const doc = await exportBackup(source, EXPORTED);
    const text = backupJson(doc);

    const target = freshDb();
    const summary = await restoreBackup(target, parseBackupText(text));
    expect(summary).toEqual({
      papersAdded: 118,
      papersEnriched: 0,
      digestsAdded: 3,
      entriesAdded: 129,
      notesAdded: 12,
      notesMerged: 0,
      noteVersionsAdded: 3,
      queueAdded: 3,
      settingsAdded: 2,
    });
    const again = await exportBackup(target, EXPORTED);
    expect(again).toEqual(doc);
    expect(backupJson(again)).toBe(text);
    expect(await allTexts(target)).toEqual(await allTexts(source));
    expect(await corpusRevision(target)).toBe(1);
    expect(await target.meta.get('corpusIndexes')).toBeUndefined();
  });

  it('keeps the order of a note’s earlier texts, newest first', async () => {
    const source = freshDb();
    const { latex } = await makeProfile(source);
    await saveNote(source, latex, 'σ matters most', 2, at(120)); // keeps "σ really matters" too
    const target = freshDb();
    await restoreBackup(target, await exportBackup(source, EXPORTED));
    expect((await noteVersions(target, latex)).map((v) => v.text)).toEqual(['σ really matters', 'σ matters']);
  });
});

/**
 * A backup exported by the release whose database kept one row per digest entry (schema v4),
 * from the Sep 1 and Jun 5 digests, a page paper, two notes (one with an earlier text), two
 * queue items and a setting. The document's format has not changed since: it must restore exactly.
 */
const V4_BACKUP = join(REPO_ROOT, 'tests/fixtures/backup-written-by-schema-v4.json');
const SEP_01_ID = '63fd5153bba1664df1611aa2802af5953c5d080159edb413273e921c84b2d1e4';
const JUN_05_ID = 'cdf9afb010ddcf496ee8044105e557fc8fd0f2131859a50317392dd6037b9e99';

describe('a backup written before digest entries were kept per digest (schema v4)', () => {
  it('restores exactly: the restored profile exports the same document', async () => {
    const text = readFileSync(V4_BACKUP, 'utf8');
    const db = freshDb();
    expect(await restoreBackup(db, parseBackupText(text))).toEqual({
      papersAdded: 58,
      papersEnriched: 0,
      digestsAdded: 2,
      entriesAdded: 63,
      notesAdded: 2,
      notesMerged: 0,
      noteVersionsAdded: 1,
      queueAdded: 2,
      settingsAdded: 1,
    });
    expect(backupJson(await exportBackup(db, new Date('2026-11-22T12:00:00Z')))).toBe(text);
    expect((await entriesOfDigest(db, SEP_01_ID)).map((e) => e.position)).toEqual(Array.from({ length: 29 }, (_, i) => i));
    const shared = 'title:smallscaleproxiesforlargescaletransformertraininginstabilities';
    expect((await digestMemberships(db, [shared])).get(shared)?.map((m) => [m.digestId, m.date])).toEqual([
      [SEP_01_ID, '2026-09-01'],
      [JUN_05_ID, '2026-06-05'],
    ]);
  });

  it('adds to a profile that has one of its digests only the other digest’s entries', async () => {
    const db = freshDb();
    expect(await importDigest(db, DIGEST_FILES.sep01)).toBe(SEP_01_ID);
    const summary = await restoreBackup(db, parseBackupText(readFileSync(V4_BACKUP, 'utf8')));
    expect({ digestsAdded: summary.digestsAdded, entriesAdded: summary.entriesAdded }).toEqual({ digestsAdded: 1, entriesAdded: 34 });
    expect(await entriesOfDigest(db, JUN_05_ID)).toHaveLength(34);
    expect(await entriesOfDigest(db, SEP_01_ID)).toHaveLength(29);
  });
});

describe('backup restore into a profile with data', () => {
  /** A profile of its own: one digest, a title-only sighting of the LaTeX paper, four notes, two queue items, a setting. */
  async function makeOtherProfile(db: DigestLensDB) {
    const sep = await importDigest(db, DIGEST_FILES.sep01, new Date('2026-11-21T08:00:00Z'));
    const p = await digestPapers(db, sep);
    const id = (i: number) => p[i] ?? '';
    const sighting = await ensurePaper(db, { ...LATEX_PAPER, arxivId: null, url: null }, new Date('2026-11-21T08:00:00Z'));
    await saveNote(db, id(0), 'my own note on paper 0, newer', 0, new Date('2026-11-21T10:00:00Z'));
    await saveNote(db, id(1), 'my own note on paper 1, older', 0, new Date('2026-11-19T10:00:00Z'));
    await saveNote(db, id(25), 'only here', 0, new Date('2026-11-21T10:00:00Z'));
    await saveNote(db, sighting.id, 'seen on a listing', 0, at(30));
    await addToQueue(db, id(5), `digest:${sep}`, new Date('2026-11-21T10:00:00Z'));
    await addToQueue(db, id(2), `digest:${sep}`, new Date('2026-11-21T10:01:00Z'));
    await db.meta.put({ key: 'setting:theme', value: 'light' });
    return { p: id, sighting: sighting.id };
  }

  it('merges: a note that differs is kept as an earlier text, and every text of both profiles survives', async () => {
    const source = freshDb();
    await makeProfile(source);
    const doc = await exportBackup(source, EXPORTED);
    const target = freshDb();
    const { p, sighting } = await makeOtherProfile(target);
    const texts = [...(await allTexts(source)).map((t) => t.replace('arxiv:2607.22212', sighting)), ...(await allTexts(target))].sort();
    expect(texts).toHaveLength(19);

    const summary = await restoreBackup(target, doc);
    // Enriched: the LaTeX paper (its arXiv id) and the 12 papers of the Sep 1 digest that a later
    // digest gave an author count, which the Sep 1 page does not show.
    expect(summary).toEqual({
      papersAdded: 88,
      papersEnriched: 13,
      digestsAdded: 2,
      entriesAdded: 100,
      notesAdded: 9,
      notesMerged: 3,
      noteVersionsAdded: 6,
      queueAdded: 2,
      settingsAdded: 1,
    });
    expect(await allTexts(target)).toEqual(texts);
    expect({ notes: await target.notes.count(), versions: await target.noteVersions.count() }).toEqual({ notes: 13, versions: 6 });

    // The newer text is current; the other is the newest earlier text.
    expect((await target.notes.get(p(0)))?.text).toBe('my own note on paper 0, newer');
    expect((await noteVersions(target, p(0))).map((v) => v.text)).toEqual(['second thoughts, refined', 'first thoughts']);
    expect(await target.notes.get(p(1))).toEqual({ paperId: p(1), text: 'tab B', updatedAt: at(1).toISOString(), version: 3 });
    // Earlier texts are listed by when they were written, whichever profile they came from.
    expect((await noteVersions(target, p(1))).map((v) => v.text)).toEqual(['tab A', 'my own note on paper 1, older']);
    expect((await target.notes.get(p(25)))?.text).toBe('only here');
    expect(await target.papers.get('title:entropyguidedattentionforprivatellms')).toMatchObject({ authors: 2 });
  });

  it('recognises a paper known here under another id, completes it and moves its note and queue item to it', async () => {
    const source = freshDb();
    await makeProfile(source);
    const target = freshDb();
    const { sighting } = await makeOtherProfile(target);
    await restoreBackup(target, await exportBackup(source, EXPORTED));

    expect(await target.papers.count()).toBe(118);
    expect(await target.papers.where('arxivId').equals('2607.22212').primaryKeys()).toEqual([sighting]);
    expect(await target.papers.get(sighting)).toMatchObject({ arxivId: '2607.22212', url: 'https://arxiv.org/abs/2607.22212' });
    expect((await target.notes.get(sighting))?.text).toBe('σ really matters');
    expect((await noteVersions(target, sighting)).map((v) => v.text)).toEqual(['seen on a listing', 'σ matters']);
    expect(await target.queue.get(sighting)).toMatchObject({ order: 3, source: LATEX_PAPER.url });
  });

  it('keeps the queue and settings already here and puts the backup’s other queue items after them', async () => {
    const source = freshDb();
    await makeProfile(source);
    const target = freshDb();
    const { p, sighting } = await makeOtherProfile(target);
    await restoreBackup(target, await exportBackup(source, EXPORTED));

    const queue = await target.queue.orderBy('order').toArray();
    expect(queue.map((q) => [q.paperId, q.order, q.readAt])).toEqual([
      [p(5), 1, null],
      [p(2), 2, null], // read in the backup, unread here: here wins
      [sighting, 3, null],
      [p(10), 4, null],
    ]);
    expect(await target.meta.where('key').startsWith('setting:').toArray()).toEqual([
      { key: 'setting:relatedCount', value: 8 },
      { key: 'setting:theme', value: 'light' },
    ]);
    expect(await corpusRevision(target)).toBe(2);
  });

  it('adds nothing when the same backup is restored a second time', async () => {
    const source = freshDb();
    await makeProfile(source);
    const doc = await exportBackup(source, EXPORTED);
    const target = freshDb();
    await makeOtherProfile(target);
    await restoreBackup(target, doc);
    const before = await snapshot(target);

    expect(await restoreBackup(target, doc)).toEqual({
      papersAdded: 0,
      papersEnriched: 0,
      digestsAdded: 0,
      entriesAdded: 0,
      notesAdded: 0,
      notesMerged: 0,
      noteVersionsAdded: 0,
      queueAdded: 0,
      settingsAdded: 0,
    });
    expect(await snapshot(target)).toEqual(before);
  });
});

describe('backups refused or failing', () => {
  async function setup() {
    const source = freshDb();
    await makeProfile(source);
    const doc = await exportBackup(source, EXPORTED);
    const target = freshDb();
    await importDigest(target, DIGEST_FILES.jun05);
    await saveNote(target, (await target.papers.toCollection().first())?.id ?? '', 'a note here', 0, at(0));
    return { doc, target, before: await snapshot(target) };
  }

  it('refuses what is not a DigestLens backup, a newer version and an invalid field, changing nothing', async () => {
    const { doc, target, before } = await setup();
    const withoutTitle = structuredClone(doc) as unknown as { papers: Array<Record<string, unknown>> };
    delete withoutTitle.papers[3]?.title;
    const badDate = structuredClone(doc);
    badDate.notes[0] = { ...badDate.notes[0], paperId: 'x', text: 'x', version: 1, updatedAt: 'yesterday' };

    const refusals = await Promise.all(
      [
        ['a list', [doc]],
        ['a string', backupJson(doc)],
        ['null', null],
        ['another format', { ...doc, format: 'zotero-backup' }],
        ['a newer version', { ...doc, version: 2 }],
        ['a version as text', { ...doc, version: '1' }],
        ['a paper missing its title', withoutTitle],
        ['a note with a bad date', badDate],
        ['a paper twice', { ...doc, papers: [...doc.papers, doc.papers[5]] }],
      ].map(async ([what, input]) => [
        what,
        await restoreBackup(target, input).then(
          () => 'restored',
          (e: Error) => `${e.name}: ${e.message}`,
        ),
      ]),
    );
    expect(Object.fromEntries(refusals)).toEqual({
      'a list': 'BackupError: not a DigestLens backup',
      'a string': 'BackupError: not a DigestLens backup',
      null: 'BackupError: not a DigestLens backup',
      'another format': 'BackupError: not a DigestLens backup',
      'a newer version': 'BackupError: backup version 2 is newer than this DigestLens understands',
      'a version as text': 'BackupError: not a DigestLens backup (unknown version "1")',
      'a paper missing its title': 'BackupError: invalid backup: papers[3].title: Invalid input: expected string, received undefined',
      'a note with a bad date': 'BackupError: invalid backup: notes[0].updatedAt: Invalid ISO datetime',
      'a paper twice': 'BackupError: invalid backup: papers[118].id: the same id appears twice',
    });
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses a file that is not JSON, saying where it stops', () => {
    expect(() => parseBackupText('{"format": "digestlens-backup",')).toThrow(/^the file ends early \(truncated\?\) at byte 31$/);
    expect(() => parseBackupText('not json at all')).toThrow(
      /^not a DigestLens backup \(not JSON: reading stopped at byte 1, line 1, column 2\)$/,
    );
    expect(parseBackupText('\uFEFF{"a": 1}')).toEqual({ a: 1 });
  });

  it('changes nothing when the restore fails half-way, at the tenth note', async () => {
    const { doc, target, before } = await setup();
    let created = 0;
    const failOnTenth = () => {
      created++;
      if (created === 10) throw new Error('disk full at the tenth note');
    };
    target.notes.hook('creating', failOnTenth);
    await expect(restoreBackup(target, doc)).rejects.toThrow(
      'the restore failed and nothing was changed (Error: disk full at the tenth note)',
    );
    expect(created).toBe(10);
    expect(await snapshot(target)).toEqual(before);

    target.notes.hook('creating').unsubscribe(failOnTenth);
    expect((await restoreBackup(target, doc)).notesAdded).toBe(12);
  });
});
