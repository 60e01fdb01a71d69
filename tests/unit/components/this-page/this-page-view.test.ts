// @vitest-environment jsdom
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThisPageView } from '@/components/this-page/ThisPageView';
import type { PageInfo } from '@/components/this-page/usePagePaper';
import { addToQueue, importDigest } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { seenPaper } from '@/lib/identity/seen-paper';

// The popup uses the extension's database; here, a fake IndexedDB of its own.
vi.mock('@/lib/db/instance', async () => {
  const { makeTestDb } = await import('../../../support/test-db');
  return { db: makeTestDb() };
});
// The tab's paper, as the content script would describe it.
let page: PageInfo = { state: 'loading' };
vi.mock('@/components/this-page/usePagePaper', () => ({ usePagePaper: () => page }));
// Related papers come from the background; not what these tests look at.
vi.mock('@/lib/annotate/ask', () => ({ ask: async () => [] }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// Live queries run only where Dexie found an IndexedDB at load; the test database brings its own.
Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

const TITLE = 'Attention Is All You Need';
const TAB_URL = 'https://arxiv.org/abs/2401.00001';
let root: Root;
let container: HTMLElement;

/** A digest of 2026-09-01 holding "Attention Is All You Need" as arXiv 1706.03762. */
async function importAttentionDigest() {
  await importDigest(
    db,
    {
      fileName: 'attention.json',
      format: 'hf-daily-json',
      digestDate: { raw: 'Sep 1', iso: '2026-09-01' },
      papers: [
        {
          title: TITLE,
          abstract: 'Transformers.',
          authors: 8,
          organization: null,
          published: null,
          upvotes: 5,
          arxivId: '1706.03762',
          line: 1,
        },
      ],
    },
    'digest-attention',
  );
}

async function showTab(paper: { title: string; arxivId: string | null }) {
  page = { state: 'paper', paper: seenPaper({ ...paper, url: TAB_URL }), url: TAB_URL };
  await act(async () => root.render(createElement(ThisPageView)));
}

const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

/** Lets the fake IndexedDB and the live queries run until `condition` holds. */
async function until(condition: () => boolean, what = 'condition') {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
  throw new Error(`timed out waiting for ${what}: ${container.innerHTML.slice(0, 400)}`);
}

/** Lets the live queries finish: the view shows "not in your digests" while it is still looking, too. */
async function settle() {
  for (let i = 0; i < 10; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

describe("the popup's This page view", () => {
  it('shows the stored paper and its digests when the tab shows the same arXiv id', async () => {
    await importAttentionDigest();
    await showTab({ title: TITLE, arxivId: '1706.03762' });
    await until(() => byTestId('this-page')?.textContent?.includes('in your digests of') ?? false, 'the digest date');
    expect(byTestId('this-page')?.textContent).toContain('in your digests of');
  });

  it('shows a paper that only shares the title of a stored one (another arXiv id) as not in the digests', async () => {
    await importAttentionDigest();
    await showTab({ title: TITLE, arxivId: '2401.00001' });
    await settle();
    expect(byTestId('this-page')?.textContent).toContain('not in your digests');
  });

  it('queues the paper the tab shows, not a stored paper that shares its title', async () => {
    await importAttentionDigest();
    await showTab({ title: TITLE, arxivId: '2401.00001' });
    await settle();
    expect(byTestId('this-page-queue')?.textContent).toBe('+ Add to queue');
    await act(async () => byTestId('this-page-queue')?.click());
    await until(() => byTestId('this-page-queue')?.textContent === '✓ In your queue', 'the queued state');
    expect(await db.queue.toCollection().primaryKeys()).toEqual(['arxiv:2401.00001']);
    expect(await db.papers.get('arxiv:2401.00001')).toMatchObject({ title: TITLE, arxivId: '2401.00001' });
  });

  it('says "In your queue" for the stored paper when the tab shows the same paper without an arXiv id', async () => {
    await importAttentionDigest();
    await addToQueue(db, 'arxiv:1706.03762', 'digest:digest-attention');
    await showTab({ title: TITLE, arxivId: null });
    await until(() => byTestId('this-page-queue')?.textContent === '✓ In your queue', 'the queued state');
  });
});
