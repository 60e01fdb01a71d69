import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addToQueue,
  type DigestLensDB,
  ensurePaper,
  moveInQueue,
  placeholderTitle,
  queueItems,
  removeFromQueue,
  restoreQueueItem,
  setQueuedFromPage,
  setRead,
  unreadCount,
} from '@/lib/db';
import { makeTestDb } from '../../support/test-db';

let db: DigestLensDB;
beforeEach(() => {
  db = makeTestDb();
});
afterEach(() => db.close());

const ids = async () => (await queueItems(db)).unread.map((i) => i.paperId);

describe('the reading queue', () => {
  it('appends papers in order, remembers where each came from, and ignores a second add', async () => {
    await addToQueue(db, 'a', 'https://arxiv.org/abs/2501.11120', new Date('2026-11-22T10:00:00Z'));
    await addToQueue(db, 'b', 'digest:abc');
    await addToQueue(db, 'a', 'elsewhere');
    expect(await ids()).toEqual(['a', 'b']);
    expect(await db.queue.get('a')).toMatchObject({
      source: 'https://arxiv.org/abs/2501.11120',
      addedAt: '2026-11-22T10:00:00.000Z',
      readAt: null,
    });
  });

  it('moves an item to any position among the unread ones', async () => {
    for (const id of ['a', 'b', 'c', 'd']) await addToQueue(db, id, 'test');
    await moveInQueue(db, 'd', 0);
    expect(await ids()).toEqual(['d', 'a', 'b', 'c']);
    await moveInQueue(db, 'd', 2);
    expect(await ids()).toEqual(['a', 'b', 'd', 'c']);
    await moveInQueue(db, 'a', 99);
    expect(await ids()).toEqual(['b', 'd', 'c', 'a']);
  });

  it('moves read papers to the Read list and counts only unread ones', async () => {
    for (const id of ['a', 'b', 'c']) await addToQueue(db, id, 'test');
    await setRead(db, 'b', true);
    const { unread, read } = await queueItems(db);
    expect(unread.map((i) => i.paperId)).toEqual(['a', 'c']);
    expect(read.map((i) => i.paperId)).toEqual(['b']);
    expect(await unreadCount(db)).toBe(2);
    await setRead(db, 'b', false);
    expect(await ids()).toEqual(['a', 'b', 'c']);
  });

  it('puts a removed item back exactly where it was on undo', async () => {
    for (const id of ['a', 'b', 'c']) await addToQueue(db, id, 'test');
    const removed = await removeFromQueue(db, 'b');
    expect(await ids()).toEqual(['a', 'c']);
    await restoreQueueItem(db, removed ?? (null as never));
    expect(await ids()).toEqual(['a', 'b', 'c']);
  });
});

describe('papers created from a page', () => {
  it('creates a paper from what the page shows, and finds it again by id or by title', async () => {
    const made = await ensurePaper(db, {
      title: 'σReparam: Stable Transformers',
      arxivId: '2303.06296v2',
      abstract: 'We study…',
      url: 'https://arxiv.org/abs/2303.06296v2',
    });
    expect(made).toMatchObject({
      id: 'arxiv:2303.06296',
      arxivId: '2303.06296',
      titleKey: 'sigmareparamstabletransformers',
      url: 'https://arxiv.org/abs/2303.06296v2',
    });
    expect((await ensurePaper(db, { title: 'other title', arxivId: 'arXiv:2303.06296', abstract: null, url: null })).id).toBe(made.id);
    expect((await ensurePaper(db, { title: '$\\sigma$Reparam: stable transformers', arxivId: null, abstract: null, url: null })).id).toBe(
      made.id,
    );
    expect(await db.papers.count()).toBe(1);
  });

  it('queues a paper new to DigestLens with what the page shows: title, arXiv id, abstract, author names and address', async () => {
    const seen = {
      title: 'Consensus Under Partial Synchrony, Revisited',
      arxivId: '2512.01234v2',
      abstract: 'We revisit consensus.',
      authors: ['Ada Lovelace', 'Alan Turing'],
    };
    const { paperId } = await setQueuedFromPage(db, seen, 'https://arxiv.org/search/?query=consensus', true);
    expect(await db.papers.get(paperId)).toMatchObject({
      id: 'arxiv:2512.01234',
      title: seen.title,
      arxivId: '2512.01234',
      abstract: 'We revisit consensus.',
      authors: null,
      authorNames: ['Ada Lovelace', 'Alan Turing'],
      url: 'https://arxiv.org/search/?query=consensus',
    });
    expect(await ids()).toEqual(['arxiv:2512.01234']);
  });

  it("never gives a title-only paper the arXiv id a note or queue item is made with (only the site's own record teaches ids)", async () => {
    const first = await ensurePaper(db, { title: 'A Title Only Paper', arxivId: null, abstract: null, url: null });
    expect(first.id).toBe('title:atitleonlypaper');
    const again = await ensurePaper(db, { title: 'A title only paper', arxivId: '2511.00001', abstract: null, url: null });
    expect(again).toMatchObject({ id: 'title:atitleonlypaper', arxivId: null });
    expect((await db.papers.get('title:atitleonlypaper'))?.arxivId).toBeNull();
  });
});

describe('a paper first seen as a PDF link', () => {
  it('takes the real title when a page shows it', async () => {
    const bare = await ensurePaper(db, {
      title: placeholderTitle('2501.11120'),
      arxivId: '2501.11120',
      abstract: null,
      url: 'https://arxiv.org/pdf/2501.11120v1',
    });
    expect(bare.title).toBe('arXiv:2501.11120');
    const named = await ensurePaper(db, {
      title: 'Tell me about yourself: LLMs are aware of their learned behaviors',
      arxivId: '2501.11120',
      abstract: 'We study…',
      url: null,
    });
    expect(named).toMatchObject({
      id: 'arxiv:2501.11120',
      title: 'Tell me about yourself: LLMs are aware of their learned behaviors',
      abstract: 'We study…',
    });
    expect(await db.papers.count()).toBe(1);
  });
});
