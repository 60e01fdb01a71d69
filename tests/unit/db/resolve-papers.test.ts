import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DigestLensDB, ensurePaper, type Paper, resolveIdentities, resolvePapers } from '@/lib/db';
import { newPaperId, titlePaperId, withAliasKey } from '@/lib/db/paper-keys';
import { resolveOrAdd } from '@/lib/db/resolve-papers';
import { identityKey, type PaperIdentity, paperIdentity, sameByTitle } from '@/lib/identity/same-paper';
import { makeTestDb } from '../../support/test-db';

let db: DigestLensDB;
beforeEach(() => {
  db = makeTestDb();
});
afterEach(() => db.close());

const sighting = (title: string, arxivId: string | null) => ({ title, arxivId, abstract: null, url: null });

describe('the identity rule', () => {
  it('normalises what identifies a seen paper: the bare arXiv id and the title key', () => {
    expect(paperIdentity({ title: 'Attention Is All You Need', arxivId: 'arXiv:1706.03762v7' })).toEqual({
      arxivId: '1706.03762',
      titleKey: 'attentionisallyouneed',
    });
    expect(paperIdentity({ title: 'T', arxivId: '../../../etc' }).arxivId).toBeNull();
  });

  it('takes a paper found by title for the seen one unless both have arXiv ids and they differ', () => {
    expect(sameByTitle({ arxivId: null }, '2401.00001')).toBe(true);
    expect(sameByTitle({ arxivId: '1706.03762' }, null)).toBe(true);
    expect(sameByTitle({ arxivId: '1706.03762' }, '1706.03762')).toBe(true);
    expect(sameByTitle({ arxivId: '1706.03762' }, '2401.00001')).toBe(false);
  });
});

describe('resolving seen papers to stored ones', () => {
  it('finds by arXiv id, else by title (also a paper stored under its arXiv id), and refuses a title shared by another arXiv id', async () => {
    const attention = await ensurePaper(db, sighting('Attention Is All You Need', '1706.03762'));
    const titleOnly = await ensurePaper(db, sighting('A Title Only Paper', null));
    expect(attention.id).toBe('arxiv:1706.03762');

    const found = await resolvePapers(db, [
      { title: 'Another title entirely', arxivId: 'arXiv:1706.03762v2' },
      { title: 'attention is all you need', arxivId: null },
      { title: 'Attention Is All You Need', arxivId: '2401.00001' },
      { title: 'A title only paper', arxivId: '2511.00001' },
      { title: 'Not stored', arxivId: null },
    ]);
    expect(found.map((p) => p?.id ?? null)).toEqual([attention.id, attention.id, null, titleOnly.id, null]);
  });
});

describe('resolving or adding (what an import does)', () => {
  /** A small pool of titles and ids, so that sightings and stored papers collide often. */
  const TITLES = ['Alpha Paper', 'Beta Paper', 'Gamma Paper', 'Delta Paper', 'Epsilon Paper'];
  const IDS = ['2401.00001', '2401.00002', '2401.00003'];
  const identityArb = fc.record({ title: fc.constantFrom(...TITLES), arxivId: fc.option(fc.constantFrom(...IDS), { nil: null }) });
  /** A stored paper as the database may hold it: under its arXiv id, under its title, or under its title with an id learned later. */
  const storedArb = fc.record({
    title: fc.constantFrom(...TITLES),
    arxivId: fc.option(fc.constantFrom(...IDS), { nil: null }),
    underTitle: fc.boolean(),
  });

  function paperFor(identity: PaperIdentity, title: string, under: 'new' | 'title'): Paper {
    const id = under === 'title' ? titlePaperId(identity.titleKey) : newPaperId(identity);
    return withAliasKey({
      id,
      title,
      titleKey: identity.titleKey,
      arxivId: identity.arxivId,
      abstract: '',
      authors: null,
      organization: null,
      addedAt: '2026-11-22T12:00:00.000Z',
    });
  }

  async function seed(db: DigestLensDB, stored: Array<{ title: string; arxivId: string | null; underTitle: boolean }>) {
    for (const s of stored) {
      const paper = paperFor(paperIdentity(s), s.title, s.underTitle ? 'title' : 'new');
      // The identity rule never stores two papers with one arXiv id, nor two under one id.
      const clash = (await db.papers.get(paper.id)) || (paper.arxivId && (await db.papers.where('arxivId').equals(paper.arxivId).count()));
      if (!clash) await db.papers.add(paper);
    }
  }

  it('gives what resolveIdentities and adding the misses give, and leaves the same papers stored (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(storedArb, { maxLength: 8 }),
        fc.array(identityArb, { minLength: 1, maxLength: 10 }),
        async (stored, seen) => {
          // One sighting per identity, as an import dedupes them.
          const identities = [...new Map(seen.map((s) => [identityKey(paperIdentity(s)), paperIdentity(s)])).values()];
          const create = (identity: PaperIdentity) => paperFor(identity, identity.titleKey, 'new');
          const expected = makeTestDb();
          const actual = makeTestDb();
          try {
            await seed(expected, stored);
            await seed(actual, stored);
            const resolved = await expected.transaction('rw', expected.papers, async () => {
              const found = await resolveIdentities(expected, identities);
              const added = identities.flatMap((identity, i) => (found[i] ? [] : [create(identity)]));
              await expected.papers.bulkAdd(added);
              return found.map((paper, i) =>
                paper ? { id: paper.id, added: false } : { id: create(identities[i] as PaperIdentity).id, added: true },
              );
            });
            const got = await actual.transaction('rw', actual.papers, () => resolveOrAdd(actual, identities, create));
            expect(got.map((r) => ({ id: r.paper.id, added: r.added }))).toEqual(resolved);
            expect(await actual.papers.orderBy('id').toArray()).toEqual(await expected.papers.orderBy('id').toArray());
          } finally {
            expected.close();
            actual.close();
          }
        },
      ),
      { numRuns: 150, seed: 2026 },
    );
  });

  it('learns from a refused add that a paper known by title is stored, and keeps the transaction going', async () => {
    const stored = await ensurePaper(db, sighting('A Title Only Paper', null));
    const identities = [
      paperIdentity({ title: 'a title only paper', arxivId: null }),
      paperIdentity({ title: 'Brand New', arxivId: null }),
    ];
    const result = await db.transaction('rw', db.papers, db.meta, async () => {
      const got = await resolveOrAdd(db, identities, (identity) => paperFor(identity, 'Brand New', 'new'));
      // The refused add did not abort the transaction: later writes in it are kept.
      await db.meta.put({ key: 'after', value: 1 });
      return got;
    });
    expect(result.map((r) => [r.paper.id, r.added])).toEqual([
      [stored.id, false],
      ['title:brandnew', true],
    ]);
    expect(await db.meta.get('after')).toEqual({ key: 'after', value: 1 });
    expect(await db.papers.count()).toBe(2);
  });
});
