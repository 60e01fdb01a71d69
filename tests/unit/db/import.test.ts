import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusRevision, type DigestLensDB, deleteDigest, entriesOfDigest, paperCount } from '@/lib/db';
import { importFileText } from '@/lib/import/import-file';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { countEntries, makeTestDb } from '../../support/test-db';

const NOW = new Date('2026-11-22T12:00:00Z');
let db: DigestLensDB;

beforeEach(() => {
  db = makeTestDb();
});
afterEach(() => db.close());

async function importNamed(name: string, text = readDigest(name)) {
  const outcome = await importFileText(db, name, text, NOW);
  if (!outcome.ok) throw new Error(outcome.error);
  const [only, ...more] = outcome.value;
  if (!only || more.length > 0) throw new Error(`${name}: expected one digest, got ${outcome.value.length}`);
  return only;
}

async function counts() {
  return { papers: await db.papers.count(), digests: await db.digests.count(), entries: await countEntries(db) };
}

describe('importing digests into the database', () => {
  it('stores the three real digests as 129 entries of 117 distinct papers', async () => {
    const sep = await importNamed(DIGEST_FILES.sep01);
    const jun = await importNamed(DIGEST_FILES.jun05);
    const nov = await importNamed(DIGEST_FILES.nov19);
    expect([sep, jun, nov].map((r) => [r.status, r.newPapers, r.knownPapers, r.entries])).toEqual([
      ['imported', 29, 0, 29],
      ['imported', 28, 6, 34],
      ['imported', 60, 6, 66],
    ]);
    expect(await counts()).toEqual({ papers: 117, digests: 3, entries: 129 });
    expect(await corpusRevision(db)).toBe(3);
    expect(await paperCount(db)).toBe(117);
  });

  it('stores a paper shared by digests once, with one membership per digest', async () => {
    for (const name of Object.values(DIGEST_FILES)) await importNamed(name);
    const memberships = new Map<string, number>();
    await db.listings.each((l) => {
      for (const e of l.entries) memberships.set(e.paperId, (memberships.get(e.paperId) ?? 0) + 1);
    });
    expect(memberships.size).toBe(117);
    expect([...memberships.values()].filter((n) => n > 1)).toHaveLength(12);
  });

  it('keeps each entry’s position, upvotes and publication date', async () => {
    const result = await importNamed(DIGEST_FILES.nov19);
    const third = (await entriesOfDigest(db, result.digestId)).find((e) => e.position === 2);
    expect(third).toMatchObject({ position: 2, upvotes: 8, publishedRaw: 'Jan 6', published: '2026-01-06' });
    const paper = await db.papers.get(third?.paperId ?? '');
    expect(paper).toMatchObject({ authors: 2, arxivId: null });
    expect(paper?.id).toBe(`title:${paper?.titleKey}`);
  });

  it('adds nothing when the same file is imported again, and says so', async () => {
    await importNamed(DIGEST_FILES.nov19);
    const before = await counts();
    const again = await importNamed(DIGEST_FILES.nov19);
    expect(again).toMatchObject({ status: 'already-imported', newPapers: 0, knownPapers: 66, entries: 0 });
    expect(await counts()).toEqual(before);
    expect(await corpusRevision(db)).toBe(1);
  });

  it('treats the same digest saved with CRLF, a BOM and trailing spaces as already imported', async () => {
    const original = readDigest(DIGEST_FILES.jun05);
    await importNamed(DIGEST_FILES.jun05, original);
    const windows = `\uFEFF${original
      .split('\n')
      .map((l) => `${l} `)
      .join('\r\n')}`;
    expect((await importNamed('copy.txt', windows)).status).toBe('already-imported');
    expect(await counts()).toEqual({ papers: 34, digests: 1, entries: 34 });
  });

  it('stores nothing of a file that is refused, and reports why', async () => {
    await importNamed(DIGEST_FILES.sep01);
    const outcome = await importFileText(db, 'bad.html', '<html><body>Daily Papers</body></html>', NOW);
    // The worker has no DOM: extension pages read saved pages before sending them (lib/import/client.ts).
    expect(outcome).toEqual({
      ok: false,
      error: 'bad.html:1: this is a saved web page; import it from the DigestLens popup or Library, which can read web pages',
    });
    expect(await counts()).toEqual({ papers: 29, digests: 1, entries: 29 });
  });

  it('stores nothing of a file when a write fails part-way through its transaction', async () => {
    await importNamed(DIGEST_FILES.sep01);
    // Fail the write of the digest's entries (one listing row): by then the new papers are written in the transaction.
    db.listings.hook('creating', () => {
      throw new Error('simulated quota exceeded');
    });
    const outcome = await importFileText(db, DIGEST_FILES.nov19, readDigest(DIGEST_FILES.nov19), NOW);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.error).toMatch(
      /^hf-daily-papers-nov-19\.txt: could not be stored, nothing was imported \(.*simulated quota exceeded/,
    );
    expect(await counts()).toEqual({ papers: 29, digests: 1, entries: 29 });
    expect(await corpusRevision(db)).toBe(1);
  });
});

describe('deleting a digest', () => {
  it('removes its entries and the papers no other digest lists', async () => {
    for (const name of Object.values(DIGEST_FILES)) await importNamed(name);
    const sep = await db.digests.where('date').equals('2026-09-01').first();
    const result = await deleteDigest(db, sep?.id ?? '');
    expect(result).toEqual({ removedPapers: 17, keptPapers: 12 });
    expect(await counts()).toEqual({ papers: 100, digests: 2, entries: 100 });
    expect(await paperCount(db)).toBe(100);
  });

  it('never deletes notes or queue items, and keeps their papers', async () => {
    const sep = await importNamed(DIGEST_FILES.sep01);
    const [first, second] = await entriesOfDigest(db, sep.digestId);
    const noted = first?.paperId ?? '';
    const queued = second?.paperId ?? '';
    await db.notes.put({ paperId: noted, text: 'Read section 3 again.', updatedAt: NOW.toISOString(), version: 1 });
    await db.queue.put({ paperId: queued, order: 1, addedAt: NOW.toISOString(), source: `digest:${sep.digestId}`, readAt: null });

    expect(await deleteDigest(db, sep.digestId)).toEqual({ removedPapers: 27, keptPapers: 2 });
    expect(await db.notes.get(noted)).toMatchObject({ text: 'Read section 3 again.' });
    expect(await db.queue.get(queued)).toMatchObject({ order: 1 });
    expect((await db.papers.bulkGet([noted, queued])).map((p) => p?.title)).toEqual([
      'DisCO: Reinforcing Large Reasoning Models with Discriminative Constrained Optimization',
      expect.any(String),
    ]);
    expect(await counts()).toEqual({ papers: 2, digests: 0, entries: 0 });

    // Importing the digest again finds those papers and links them, creating only the others.
    expect(await importNamed(DIGEST_FILES.sep01)).toMatchObject({ newPapers: 27, knownPapers: 2 });
  });
});
