import { describe, expect, it } from 'vitest';
import { importFileText } from '@/lib/import/import-file';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { makeTestDb } from '../../support/test-db';

const NOW = new Date('2026-11-22T12:00:00Z');
const TITLE = 'DisCO: Reinforcing Large Reasoning Models with Discriminative Constrained Optimization';

describe('one paper across formats', () => {
  it('a paper imported by title from a text digest, then with its arXiv id from JSON, is one paper that gains the id', async () => {
    const db = makeTestDb();
    const text = await importFileText(db, DIGEST_FILES.sep01, readDigest(DIGEST_FILES.sep01), NOW);
    expect(text).toMatchObject({ ok: true, value: [{ status: 'imported', newPapers: 29 }] });
    expect(await db.papers.count()).toBe(29);
    const before = (await db.papers.toArray()).find((p) => p.title === TITLE);
    expect(before?.arxivId).toBeNull();

    // The same title, spaced and cased differently, as the Hugging Face API serves it with its id.
    const json = JSON.stringify([
      {
        paper: {
          id: '2505.12366',
          title: `  ${TITLE.toUpperCase()} `,
          summary: 'The recent success and openness of DeepSeek-R1 …',
          authors: [{ name: 'A' }, { name: 'B' }],
          upvotes: 3,
          publishedAt: '2025-05-18T00:00:00.000Z',
          submittedOnDailyAt: '2025-05-19T00:00:00.000Z',
        },
        publishedAt: '2025-05-19T00:00:00.000Z',
      },
    ]);
    const fromJson = await importFileText(db, 'daily.json', json, NOW);
    expect(fromJson).toMatchObject({ ok: true, value: [{ status: 'imported', newPapers: 0, knownPapers: 1, date: '2025-05-19' }] });
    expect(await db.papers.count()).toBe(29);
    const after = await db.papers.get(before?.id ?? '');
    expect(after?.arxivId).toBe('2505.12366');
    expect(await db.papers.where('arxivId').equals('2505.12366').count()).toBe(1);
    const digests = await db.digests.toArray();
    expect(digests.map((d) => d.format).sort()).toEqual(['hf-daily-json', 'hf-daily-text']);
  });
});
