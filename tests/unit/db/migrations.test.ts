import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { corpusRevision, DigestLensDB, digestMemberships, paperCount, papersByTitleKey } from '@/lib/db';
import { SCHEMA_HISTORY } from '@/lib/db/schema';

/**
 * The migration pattern: write a database exactly as an older version of the extension did
 * (a bare Dexie with that version's stores, frozen in SCHEMA_HISTORY), close it, open it with
 * today's DigestLensDB and check every row. Each new version adds a test like the one below.
 */
function writeAsVersion(version: keyof typeof SCHEMA_HISTORY, indexedDB: IDBFactory) {
  const old = new Dexie('digestlens-migration', { indexedDB, IDBKeyRange });
  old.version(version).stores(SCHEMA_HISTORY[version]);
  return old;
}

describe('database schema versions', () => {
  it('upgrades a database written by schema version 1, keeping every paper, digest, entry, note and queue item', async () => {
    const indexedDB = new IDBFactory();
    const v1 = writeAsVersion(1, indexedDB);
    await v1.table('papers').put({
      id: 'title:sigmareparam',
      title: 'σReparam',
      titleKey: 'sigmareparam',
      arxivId: null,
      abstract: 'A.',
      authors: 3,
      organization: null,
      addedAt: '2026-09-01T00:00:00.000Z',
    });
    await v1.table('digests').put({
      id: 'abc',
      fileName: 'd.txt',
      format: 'hf-daily-text',
      dateRaw: 'Sep 1',
      date: '2026-09-01',
      paperCount: 1,
      importedAt: '2026-09-01T00:00:00.000Z',
    });
    await v1
      .table('entries')
      .put({ digestId: 'abc', paperId: 'title:sigmareparam', position: 0, upvotes: 2, publishedRaw: null, published: null });
    await v1.table('notes').put({ paperId: 'title:sigmareparam', text: 'keep me', updatedAt: '2026-09-02T00:00:00.000Z' });
    await v1
      .table('queue')
      .put({ paperId: 'title:sigmareparam', order: 1, addedAt: '2026-09-02T00:00:00.000Z', source: 'digest:abc', readAt: null });
    v1.close();

    const current = new DigestLensDB('digestlens-migration', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(Math.max(...Object.keys(SCHEMA_HISTORY).map(Number)));
    expect(await current.papers.where('titleKey').equals('sigmareparam').count()).toBe(1);
    expect(await current.listings.where('paperIds').equals('title:sigmareparam').count()).toBe(1);
    expect(await current.notes.get('title:sigmareparam')).toMatchObject({ text: 'keep me' });
    expect(await current.queue.get('title:sigmareparam')).toMatchObject({ order: 1, source: 'digest:abc' });
    expect(await current.digests.get('abc')).toMatchObject({ paperCount: 1 });
    // v2 added the corpus revision: an upgraded corpus starts at 1, so any cache built before is stale.
    expect(await corpusRevision(current)).toBe(1);
    current.close();
  });

  it('upgrades a version 2 database to version 3, keeping every note and numbering it version 1', async () => {
    const indexedDB = new IDBFactory();
    const v2 = writeAsVersion(2, indexedDB);
    const notes = Array.from({ length: 25 }, (_, i) => ({
      paperId: `title:paper${i}`,
      text: `note ${i}\n- with $\\sigma$`,
      updatedAt: `2026-10-0${(i % 9) + 1}T00:00:00.000Z`,
    }));
    await v2.table('notes').bulkPut(notes);
    await v2.table('meta').put({ key: 'corpusRevision', value: 7 });
    v2.close();

    const current = new DigestLensDB('digestlens-migration', { indexedDB, IDBKeyRange });
    const migrated = await current.notes.orderBy('paperId').toArray();
    expect(migrated).toHaveLength(25);
    expect(migrated.map(({ version, ...rest }) => [version, rest])).toEqual(
      [...notes].sort((a, b) => a.paperId.localeCompare(b.paperId)).map((n) => [1, n]),
    );
    expect(await current.noteVersions.count()).toBe(0);
    expect(await corpusRevision(current)).toBe(7);
    current.close();
  });

  it('upgrades a version 3 database to version 4, indexing papers stored under another id by title and counting papers', async () => {
    const indexedDB = new IDBFactory();
    const v3 = writeAsVersion(3, indexedDB);
    const paper = (id: string, key: string, arxivId: string | null) => ({
      id,
      title: key,
      titleKey: key,
      arxivId,
      abstract: '',
      authors: null,
      organization: null,
      addedAt: '2026-10-01T00:00:00.000Z',
    });
    await v3
      .table('papers')
      .bulkPut([
        paper('title:alpha', 'alpha', null),
        paper('title:beta', 'beta', '2501.00001'),
        paper('arxiv:2501.00002', 'gamma', '2501.00002'),
      ]);
    v3.close();

    const current = new DigestLensDB('digestlens-migration', { indexedDB, IDBKeyRange });
    const papers = await current.papers.orderBy('id').toArray();
    expect(papers.map((p) => [p.id, p.aliasKey])).toEqual([
      ['arxiv:2501.00002', 'gamma'],
      ['title:alpha', undefined],
      ['title:beta', undefined],
    ]);
    expect(await paperCount(current)).toBe(3);
    expect([...(await papersByTitleKey(current, ['alpha', 'gamma', 'delta'])).keys()].sort()).toEqual(['alpha', 'gamma']);
    current.close();
  });

  it('upgrades a version 4 database to version 5, moving each digest’s entries into one listing row and dropping the entries table', async () => {
    const indexedDB = new IDBFactory();
    const v4 = writeAsVersion(4, indexedDB);
    const digest = (id: string, date: string, paperCount: number) => ({
      id,
      fileName: `${id}.txt`,
      format: 'hf-daily-text',
      dateRaw: date,
      date,
      paperCount,
      importedAt: '2026-10-01T00:00:00.000Z',
    });
    await v4.table('digests').bulkPut([digest('d1', '2026-09-01', 3), digest('d2', '2026-09-02', 2), digest('d3', '2026-09-03', 0)]);
    const entry = (digestId: string, position: number, paperId: string, upvotes: number, published: string | null) => ({
      digestId,
      paperId,
      position,
      upvotes,
      publishedRaw: published && 'Sep 1',
      published,
    });
    // Written out of order; d1 skips position 1 (a paper listed twice counts at its first position).
    await v4
      .table('entries')
      .bulkPut([
        entry('d2', 1, 'title:alpha', 0, null),
        entry('d1', 3, 'title:gamma', 7, '2026-09-01'),
        entry('d1', 0, 'title:alpha', 2, null),
        entry('d2', 0, 'arxiv:2501.00001', 5, '2026-08-30'),
        { ...entry('d1', 2, 'arxiv:2501.00001', 1, null), futureField: 'kept' },
      ]);
    await v4.table('meta').bulkPut([
      { key: 'corpusRevision', value: 4 },
      { key: 'paperCount', value: 3 },
    ]);
    v4.close();

    const current = new DigestLensDB('digestlens-migration', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.backendDB().objectStoreNames.contains('entries')).toBe(false);
    expect(await current.listings.orderBy('digestId').toArray()).toEqual([
      {
        digestId: 'd1',
        entries: [
          { paperId: 'title:alpha', position: 0, upvotes: 2, publishedRaw: null, published: null },
          { paperId: 'arxiv:2501.00001', position: 2, upvotes: 1, publishedRaw: null, published: null, futureField: 'kept' },
          { paperId: 'title:gamma', position: 3, upvotes: 7, publishedRaw: 'Sep 1', published: '2026-09-01' },
        ],
        paperIds: ['title:alpha', 'arxiv:2501.00001', 'title:gamma'],
      },
      {
        digestId: 'd2',
        entries: [
          { paperId: 'arxiv:2501.00001', position: 0, upvotes: 5, publishedRaw: 'Sep 1', published: '2026-08-30' },
          { paperId: 'title:alpha', position: 1, upvotes: 0, publishedRaw: null, published: null },
        ],
        paperIds: ['arxiv:2501.00001', 'title:alpha'],
      },
    ]);
    expect(await current.digests.count()).toBe(3);
    expect(await current.listings.where('paperIds').equals('title:alpha').primaryKeys()).toEqual(['d1', 'd2']);
    expect(await digestMemberships(current, ['title:alpha', 'title:gamma', 'title:none'])).toEqual(
      new Map([
        [
          'title:alpha',
          [
            { digestId: 'd2', date: '2026-09-02', upvotes: 0 },
            { digestId: 'd1', date: '2026-09-01', upvotes: 2 },
          ],
        ],
        ['title:gamma', [{ digestId: 'd1', date: '2026-09-01', upvotes: 7 }]],
      ]),
    );
    // Where the papers are listed did not change: the caches built on it stay valid.
    expect(await corpusRevision(current)).toBe(4);
    expect(await paperCount(current)).toBe(3);
    current.close();
  });

  it('upgrades a version 5 database to version 6, keeping every row as it was, with sync off and an empty outbox', async () => {
    const indexedDB = new IDBFactory();
    const v5 = writeAsVersion(5, indexedDB);
    const paper = {
      id: 'arxiv:2501.00001',
      title: 'Alpha',
      titleKey: 'alpha',
      arxivId: '2501.00001',
      abstract: 'A.',
      authors: 2,
      organization: null,
      addedAt: '2026-10-01T00:00:00.000Z',
      aliasKey: 'alpha',
    };
    const note = { paperId: paper.id, text: 'current text', updatedAt: '2026-10-03T00:00:00.000Z', version: 3 };
    const versions = [
      { paperId: paper.id, text: 'first text', savedAt: '2026-10-01T00:00:00.000Z', version: 1 },
      { paperId: paper.id, text: 'second text', savedAt: '2026-10-02T00:00:00.000Z', version: 2 },
    ];
    const queueItem = { paperId: paper.id, order: 1, addedAt: '2026-10-01T00:00:00.000Z', source: 'digest:d1', readAt: null };
    const listing = {
      digestId: 'd1',
      entries: [{ paperId: paper.id, position: 0, upvotes: 4, publishedRaw: null, published: null }],
      paperIds: [paper.id],
    };
    const meta = [
      { key: 'corpusRevision', value: 5 },
      { key: 'paperCount', value: 1 },
      { key: 'setting:noteSpellCheck', value: true },
    ];
    await v5.table('papers').put(paper);
    await v5.table('notes').put(note);
    await v5.table('noteVersions').bulkAdd(versions);
    await v5.table('queue').put(queueItem);
    await v5.table('listings').put(listing);
    await v5.table('meta').bulkPut(meta);
    v5.close();

    const current = new DigestLensDB('digestlens-migration', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(6);
    expect(await current.papers.toArray()).toEqual([paper]);
    expect(await current.notes.toArray()).toEqual([note]);
    expect(await current.noteVersions.orderBy('id').toArray()).toEqual([
      { id: 1, ...versions[0] },
      { id: 2, ...versions[1] },
    ]);
    expect(await current.queue.toArray()).toEqual([queueItem]);
    expect(await current.listings.toArray()).toEqual([listing]);
    expect(await current.meta.orderBy('key').toArray()).toEqual(meta);
    expect(await current.outbox.count()).toBe(0);
    current.close();
  });

  it('declares the newest version of SCHEMA_HISTORY as the schema in use', () => {
    const db = new DigestLensDB('digestlens-verno', { indexedDB: new IDBFactory(), IDBKeyRange });
    const latest = Math.max(...Object.keys(SCHEMA_HISTORY).map(Number));
    expect(db.verno).toBe(latest);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_HISTORY[latest as keyof typeof SCHEMA_HISTORY]).sort());
  });
});
