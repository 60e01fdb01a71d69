import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DigestLensDB, ensurePaper, forgetArxivId, learnArxivIds } from '@/lib/db';
import { makeTestDb } from '../../support/test-db';

let db: DigestLensDB;
beforeEach(() => {
  db = makeTestDb();
});
afterEach(() => db.close());

const titleOnly = (title: string) => ensurePaper(db, { title, arxivId: null, abstract: null, url: null });

describe('learning an arXiv id (issue 9, point 3)', () => {
  it("stores the id of the site's own record only under exactly the stored title key", async () => {
    const paper = await titleOnly('Scaling Laws for Neural Language Models');
    expect(await learnArxivIds(db, [{ paperId: paper.id, title: 'Scaling Laws for Neural Language Model', arxivId: '2001.08361' }])).toBe(
      0,
    );
    expect((await db.papers.get(paper.id))?.arxivId).toBeNull();
    expect(await learnArxivIds(db, [{ paperId: paper.id, title: 'Scaling laws for neural language models', arxivId: '2001.08361' }])).toBe(
      1,
    );
    expect((await db.papers.get(paper.id))?.arxivId).toBe('2001.08361');
  });

  it('never takes a second id, nor one another paper has', async () => {
    const a = await titleOnly('Paper A');
    const b = await titleOnly('Paper B');
    await learnArxivIds(db, [{ paperId: a.id, title: 'Paper A', arxivId: '2401.00001' }]);
    expect(await learnArxivIds(db, [{ paperId: a.id, title: 'Paper A', arxivId: '2401.00002' }])).toBe(0);
    expect(await learnArxivIds(db, [{ paperId: b.id, title: 'Paper B', arxivId: '2401.00001' }])).toBe(0);
    expect((await db.papers.get(b.id))?.arxivId).toBeNull();
  });
});

describe('forgetting a learned arXiv id', () => {
  it('takes the learned id off, after which the paper is known by its title again and can learn another', async () => {
    const paper = await titleOnly('Paper A');
    await learnArxivIds(db, [{ paperId: paper.id, title: 'Paper A', arxivId: '2401.00001' }]);
    expect(await forgetArxivId(db, paper.id)).toBe(true);
    expect((await db.papers.get(paper.id))?.arxivId).toBeNull();
    expect(await forgetArxivId(db, paper.id)).toBe(false);
    expect(await learnArxivIds(db, [{ paperId: paper.id, title: 'Paper A', arxivId: '2401.00003' }])).toBe(1);
  });

  it('leaves the id of a paper that came with it (stored under its id)', async () => {
    const paper = await ensurePaper(db, { title: 'Paper C', arxivId: '2401.00009', abstract: null, url: null });
    expect(paper.id).toBe('arxiv:2401.00009');
    expect(await forgetArxivId(db, paper.id)).toBe(false);
    expect((await db.papers.get(paper.id))?.arxivId).toBe('2401.00009');
    expect(await forgetArxivId(db, 'no-such-paper')).toBe(false);
  });
});
