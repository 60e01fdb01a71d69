import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusIndexes } from '@/lib/corpus/corpus-indexes';
import { lookupPapers } from '@/lib/corpus/lookup';
import { relatedPapers, relatedToDigests } from '@/lib/corpus/related-papers';
import { type DigestLensDB, deleteDigest, learnArxivIds } from '@/lib/db';
import { titleKey } from '@/lib/identity/title-key';
import { importFileText } from '@/lib/import/import-file';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { makeTestDb } from '../../support/test-db';

let db: DigestLensDB;
beforeEach(async () => {
  db = makeTestDb();
  for (const name of Object.values(DIGEST_FILES)) await importFileText(db, name, readDigest(name), new Date('2026-11-22T12:00:00Z'));
});
afterEach(() => db.close());

const DISCO = 'DisCO: Reinforcing Large Reasoning Models with Discriminative Constrained Optimization';

describe('matching papers found on a page', () => {
  it('matches by title, by a small title edit, and not at all, and learns the arXiv id a page shows only when told to', async () => {
    const indexes = new CorpusIndexes(db);
    const [exact, edited, unknown] = await lookupPapers(db, indexes, [
      { title: DISCO, arxivId: '2505.12366v2' },
      { title: 'DisCO: Reinforcing Large Reasoning Models with Discriminative Constrained Optimisation', arxivId: null },
      { title: 'A paper nobody imported about something else entirely', arxivId: '2501.00001' },
    ]);
    expect(exact).toMatchObject({
      paperId: expect.stringMatching(/^title:/),
      matchedBy: 'title',
      digests: [{ date: '2026-09-01', upvotes: 0 }],
    });
    expect(edited).toMatchObject({ paperId: exact?.paperId, matchedBy: 'fuzzy-title' });
    expect(unknown).toBeNull();
    expect(exact).toMatchObject({ queued: false, noted: false });
    // A lookup only reads: the id is learned by its own request, which the page sends for its own records.
    expect((await db.papers.get(exact?.paperId ?? ''))?.arxivId).toBeNull();
    expect(await learnArxivIds(db, [{ paperId: exact?.paperId ?? '', title: DISCO, arxivId: '2505.12366v2' }])).toBe(1);
    expect((await db.papers.get(exact?.paperId ?? ''))?.arxivId).toBe('2505.12366');
    const [byId] = await lookupPapers(db, indexes, [{ title: 'whatever the page calls it', arxivId: '2505.12366' }]);
    expect(byId).toMatchObject({ paperId: exact?.paperId, matchedBy: 'arxiv-id' });
  });
});

describe('learning an arXiv id', () => {
  it('never learns from a fuzzy title match, nor for a paper that has an id, nor an id another paper has', async () => {
    const indexes = new CorpusIndexes(db);
    const edited = 'DisCO: Reinforcing Large Reasoning Models with Discriminative Constrained Optimisation';
    const [fuzzy] = await lookupPapers(db, indexes, [{ title: edited, arxivId: '2505.12366' }]);
    expect(fuzzy).toMatchObject({ matchedBy: 'fuzzy-title' });
    // Even if asked: the claimed title's key is not the stored paper's.
    expect(await learnArxivIds(db, [{ paperId: fuzzy?.paperId ?? '', title: edited, arxivId: '2505.12366' }])).toBe(0);
    expect((await db.papers.get(fuzzy?.paperId ?? ''))?.arxivId).toBeNull();
    const withId = await db.papers.filter((p) => p.arxivId !== null).first();
    expect(await learnArxivIds(db, [{ paperId: withId?.id ?? '', title: withId?.title ?? '', arxivId: '2999.00001' }])).toBe(0);
    expect(await learnArxivIds(db, [{ paperId: fuzzy?.paperId ?? '', title: DISCO, arxivId: withId?.arxivId ?? '' }])).toBe(0);
  });
});

describe('the persisted corpus indexes', () => {
  it('answer a woken worker from the snapshot, identically, and follow a deleted digest', async () => {
    const query = {
      title: 'Entropy regularised policy optimisation for reasoning models',
      arxivId: null,
      abstract: 'We study entropy collapse in reinforcement learning of language models.',
    };
    const warm = new CorpusIndexes(db, 0);
    const before = await relatedPapers(db, warm, query, null, 5);
    expect(before).toHaveLength(5);
    await warm.persist();

    // A new instance is what a woken service worker has: it loads the snapshot instead of the papers.
    const woken = new CorpusIndexes(db, 0);
    expect(await relatedPapers(db, woken, query, null, 5)).toEqual(before);

    const sep = await db.digests.where('date').equals('2026-09-01').first();
    await deleteDigest(db, sep?.id ?? '');
    const after = await relatedPapers(db, woken, query, null, 20);
    const remaining = new Set((await db.papers.toArray()).map((p) => p.id));
    for (const hit of after) expect(remaining.has(hit.paperId)).toBe(true);
    expect((await woken.fresh()).related.size).toBe(100);
  });
});

describe('the digest papers a paper of a list relates to', () => {
  it('names, per paper, the digest papers at or above the strength asked, each with its own strength, best first', async () => {
    const indexes = new CorpusIndexes(db);
    const disco = await db.papers.where('titleKey').equals(titleKey(DISCO)).first();
    const query = { title: DISCO, abstract: disco?.abstract ?? null };
    const unrelated = {
      title: 'Tidal heating of icy moons',
      abstract: 'Ice shells of Europa flex under Jupiter tides, warming the ocean below.',
    };
    const [forDisco, forMoons, again] = await relatedToDigests(db, indexes, [query, unrelated, query], 0.4, 3);
    // DisCO is itself in the digests: its best match is its own record, at full strength.
    expect(forDisco?.[0]).toMatchObject({ paperId: disco?.id, title: DISCO, strength: 1 });
    expect(forDisco?.length).toBeGreaterThanOrEqual(1);
    for (const hit of forDisco ?? []) expect(hit.strength).toBeGreaterThanOrEqual(0.4);
    expect(forMoons).toEqual([]);
    expect(again).toEqual(forDisco);
    // The answer asked for the fuzzy index to be built next: let it finish before the database closes.
    await (await indexes.fresh()).fuzzy();
  });
});
