import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DigestLensDB, ensurePaper, resolvePapers } from '@/lib/db';
import { paperIdentity, sameByTitle } from '@/lib/identity/same-paper';
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
