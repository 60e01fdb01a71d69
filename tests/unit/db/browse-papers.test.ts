import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addToQueue,
  browsePapers,
  type DigestLensDB,
  digestWithPapers,
  forgetArxivId,
  learnArxivIds,
  NO_FILTER,
  paperRecord,
  papersByTitleKey,
  saveNote,
  setRead,
} from '@/lib/db';
import { importFileText } from '@/lib/import/import-file';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { makeTestDb } from '../../support/test-db';

const NOW = new Date('2026-11-22T12:00:00Z');
const ENTROPY = 'title:entropyguidedattentionforprivatellms';
let db: DigestLensDB;
const digestIds: Record<string, string> = {};

beforeEach(async () => {
  db = makeTestDb();
  for (const [key, name] of Object.entries(DIGEST_FILES)) {
    const outcome = await importFileText(db, name, readDigest(name), NOW);
    if (!outcome.ok) throw new Error(outcome.error);
    digestIds[key] = outcome.value[0]?.digestId ?? '';
  }
});
afterEach(() => db.close());

describe('browsing the Library', () => {
  it('lists nothing without a filter, a digest’s 29 papers, and a date range’s papers', async () => {
    expect(await browsePapers(db, NO_FILTER)).toEqual({ rows: [], total: 0 });
    expect((await browsePapers(db, { ...NO_FILTER, digestId: digestIds.sep01 ?? '' })).total).toBe(29);
    // Sep 1 and Jun 5 share 6 papers: 29 + 34 - 6.
    expect((await browsePapers(db, { ...NO_FILTER, from: '2026-06-01', to: '2026-09-30' })).total).toBe(57);
    expect((await browsePapers(db, { ...NO_FILTER, from: '2026-11-19', to: '2026-11-19' })).total).toBe(66);
  });

  it('filters by queued, read and noted, and gives each row its digest dates newest first', async () => {
    await addToQueue(db, ENTROPY, 'library', NOW);
    await addToQueue(db, 'title:x-not-stored', 'library', NOW);
    await saveNote(db, ENTROPY, 'n', 0, NOW);
    const queued = await browsePapers(db, { ...NO_FILTER, queued: true });
    expect(queued.rows.map((r) => [r.paper.id, r.digestDates, r.queued, r.noted])).toEqual([
      [ENTROPY, ['2026-11-19', '2026-09-01'], true, true],
    ]);
    await setRead(db, ENTROPY, true, NOW);
    expect((await browsePapers(db, { ...NO_FILTER, queued: true })).total).toBe(0);
    expect((await browsePapers(db, { ...NO_FILTER, read: true })).total).toBe(1);
    expect((await browsePapers(db, { ...NO_FILTER, noted: true, query: 'private' })).total).toBe(1);
    expect((await browsePapers(db, { ...NO_FILTER, noted: true, query: 'zebra' })).total).toBe(0);
  });

  it('opens a digest in page order and a paper with its history oldest first', async () => {
    const opened = await digestWithPapers(db, digestIds.nov19 ?? '');
    expect(opened?.papers).toHaveLength(66);
    expect(opened?.papers[2]?.paper?.title).toBe('Entropy-Guided Attention for Private LLMs');
    const record = await paperRecord(db, ENTROPY);
    expect(record?.history.map((a) => [a.date, a.upvotes, a.position, a.published])).toEqual([
      ['2026-09-01', 0, 6, null],
      ['2026-11-19', 8, 2, '2026-01-06'],
    ]);
    expect(record?.queueItem).toBeNull();
  });
});

describe('forgetArxivId', () => {
  it('removes a learned id, keeps the paper found by its title, and refuses an id that is the paper’s key', async () => {
    expect(await learnArxivIds(db, [{ paperId: ENTROPY, title: 'Entropy-Guided Attention for Private LLMs', arxivId: '2501.03489' }])).toBe(
      1,
    );
    expect((await db.papers.get(ENTROPY))?.arxivId).toBe('2501.03489');
    expect(await forgetArxivId(db, ENTROPY)).toBe(true);
    expect((await db.papers.get(ENTROPY))?.arxivId).toBeNull();
    expect((await papersByTitleKey(db, ['entropyguidedattentionforprivatellms'])).get('entropyguidedattentionforprivatellms')?.id).toBe(
      ENTROPY,
    );
    expect(await forgetArxivId(db, ENTROPY)).toBe(false);
    const stored = await db.papers.get(ENTROPY);
    if (!stored) throw new Error('the paper is gone');
    await db.papers.put({ ...stored, id: 'arxiv:2501.00001', arxivId: '2501.00001' });
    expect(await forgetArxivId(db, 'arxiv:2501.00001')).toBe(false);
  });
});
