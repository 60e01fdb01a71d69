/**
 * Faults in the built extension: the service worker killed in the middle of an import (the retry
 * completes it once, with no duplicates), and the extension reloaded while an annotated page is
 * open (the old content script must not break the page).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { titleKey } from '../../lib/identity/title-key';
import { SHARED_DIR } from './harness';
import { artifact, type ExtensionSession, launchSession, OurUi } from './session';
import { digestText, openSitePage, SITE_PAGES } from './site-pages';

const WAIT = { timeout: 30_000 };
const FILES = 20;
const PER_FILE = 300;
/** Consecutive files share PER_FILE - STEP papers, so the corpus has papers in several digests. */
const STEP = 200;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Counts {
  papers: number;
  digests: number;
  entries: number;
  paperCount: unknown;
}

/** Dataset papers with distinct title keys, whitespace collapsed so each stays one digest paragraph. */
function datasetPapers(n: number): Array<{ title: string; abstract: string }> {
  const lines = ['000', '001'].flatMap((part) =>
    readFileSync(join(SHARED_DIR, `datasets/arxiv-daily/papers-${part}.jsonl`), 'utf8').split('\n'),
  );
  const keys = new Set<string>();
  const papers: Array<{ title: string; abstract: string }> = [];
  for (const line of lines) {
    if (papers.length === n) break;
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { title?: string; abstract?: string };
    const title = (row.title ?? '').replace(/\s+/g, ' ').trim();
    const abstract = (row.abstract ?? '').replace(/\s+/g, ' ').trim();
    const key = titleKey(title);
    if (title.length < 10 || abstract.length < 50 || keys.has(key)) continue;
    keys.add(key);
    papers.push({ title, abstract });
  }
  if (papers.length < n) throw new Error(`the dataset gave ${papers.length} papers, ${n} needed`);
  return papers;
}

/** Twenty digest files of overlapping runs of dataset papers, each with its own date and content. */
function makeDigestFiles(): { paths: string[]; distinctPapers: number; entries: number } {
  const dir = mkdtempSync(join(tmpdir(), 'digestlens-faults-'));
  const papers = datasetPapers((FILES - 1) * STEP + PER_FILE);
  const paths = Array.from({ length: FILES }, (_, i) => {
    const path = join(dir, `digest-${String(i + 1).padStart(2, '0')}.txt`);
    writeFileSync(path, digestText(`${MONTHS[i % 12]} ${i + 3}`, papers.slice(i * STEP, i * STEP + PER_FILE)));
    return path;
  });
  return { paths, distinctPapers: papers.length, entries: FILES * PER_FILE };
}

/** Row counts straight from the extension's IndexedDB, read in an extension page. */
function storedCounts(page: Page): Promise<Counts> {
  return page.evaluate(
    () =>
      new Promise<Counts>((resolve, reject) => {
        const open = indexedDB.open('digestlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['papers', 'digests', 'listings', 'meta'], 'readonly');
          const papers = tx.objectStore('papers').count();
          const digests = tx.objectStore('digests').count();
          // A digest's entries are one listing row (lib/db/listings.ts).
          const listings = tx.objectStore('listings').getAll();
          const meta = tx.objectStore('meta').get('paperCount');
          tx.oncomplete = () => {
            db.close();
            const entries = (listings.result as Array<{ entries: unknown[] }>).reduce((sum, l) => sum + l.entries.length, 0);
            resolve({ papers: papers.result, digests: digests.result, entries, paperCount: meta.result?.value });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function stopServiceWorker(session: ExtensionSession, page: Page) {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

interface RunResult {
  ok: number;
  statuses: Record<string, number>;
  errors: string[];
}

async function results(popup: Page): Promise<RunResult> {
  const items = popup.getByTestId('import-result');
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  let ok = 0;
  for (const item of await items.all()) {
    if ((await item.getAttribute('data-ok')) === 'true') {
      ok++;
      const status = (await item.getAttribute('data-status')) ?? '?';
      statuses[status] = (statuses[status] ?? 0) + 1;
    } else {
      errors.push((await item.textContent()) ?? '');
    }
  }
  return { ok, statuses, errors };
}

async function importAndWait(popup: Page, paths: string[]) {
  await popup.setInputFiles('[data-testid=file-input]', paths);
  await popup.waitForSelector('[data-testid=import-progress][data-running=false]', WAIT);
}

describe('the service worker killed in the middle of an import', () => {
  const made = makeDigestFiles();

  it('a clean import of the twenty files stores every paper once', async () => {
    const session = await launchSession({ digests: 'none' });
    try {
      const popup = await session.openPage('popup.html#library');
      await importAndWait(popup, made.paths);
      expect(await results(popup)).toEqual({ ok: FILES, statuses: { imported: FILES }, errors: [] });
      expect(await storedCounts(popup)).toEqual({
        papers: made.distinctPapers,
        digests: FILES,
        entries: made.entries,
        paperCount: made.distinctPapers,
      });
    } finally {
      await session.close();
    }
  });

  it('says which files were interrupted, and importing them again completes the import once', async () => {
    const session = await launchSession({ digests: 'none' });
    try {
      const popup = await session.openPage('popup.html#library');
      await popup.setInputFiles('[data-testid=file-input]', made.paths);
      // Kill the worker as soon as the first results are in, while the rest are still queued.
      await popup.waitForFunction(() => document.querySelectorAll('[data-testid=import-result]').length >= 2, null, {
        polling: 5,
        timeout: 30_000,
      });
      await stopServiceWorker(session, popup);
      await popup.waitForSelector('[data-testid=import-progress][data-running=false]', WAIT);
      const first = await results(popup);
      await popup.screenshot({ path: artifact('faults-import-interrupted.png') });

      expect(first.ok + first.errors.length).toBe(FILES);
      expect(first.errors.length, 'the worker finished every file before it was stopped').toBeGreaterThan(0);
      for (const error of first.errors) {
        expect(error).toMatch(
          /^digest-\d\d\.txt: the import was interrupted before this file was stored; import it again \(files already stored are skipped\)$/,
        );
      }
      // Whatever was stored is whole: each stored digest has all its entries, no paper is stored twice.
      const between = await storedCounts(popup);
      expect(between.digests).toBeGreaterThanOrEqual(first.ok);
      expect(between.digests).toBeLessThan(FILES);
      expect(between.entries).toBe(between.digests * PER_FILE);
      expect(between.paperCount).toBe(between.papers);

      // Again, with the same twenty files: the worker wakes up, skips what it has, stores the rest.
      await importAndWait(popup, made.paths);
      const second = await results(popup);
      expect(second.errors).toEqual([]);
      expect(second.statuses).toEqual({ 'already-imported': between.digests, imported: FILES - between.digests });
      expect(await storedCounts(popup)).toEqual({
        papers: made.distinctPapers,
        digests: FILES,
        entries: made.entries,
        paperCount: made.distinctPapers,
      });
      await expect.poll(() => popup.getByTestId('paper-count').textContent(), WAIT).toBe(String(made.distinctPapers));
      console.info(
        `interrupted import: ${first.ok} files done and ${first.errors.length} interrupted; ${between.digests} stored before the retry`,
      );
    } finally {
      await session.close();
    }
  });
});

/**
 * A session with the fixture digests imported and the saved search page open with its three
 * badges, after `runtime.reload()`. In this headless Chromium an extension loaded with
 * --load-extension is unloaded by the reload and does not come back (its pages then fail with
 * ERR_BLOCKED_BY_CLIENT): this is the first half of an update, where the page keeps the old,
 * orphaned content script (Chrome never injects the new one into open tabs).
 */
async function pageOpenAcrossReload() {
  const session = await launchSession({ digests: 'fixtures' });
  const tab = await openSitePage(session, SITE_PAGES.search);
  const ui = await OurUi.of(tab);
  const problems: string[] = [];
  tab.on('pageerror', (error) => problems.push(`pageerror: ${error.message}${process.env.DEBUG_STACK ? `\n${error.stack}` : ''}`));
  tab.on('console', (message) => {
    if (message.type() === 'error' && /digestlens|extension context/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  const badges = { count: () => ui.count('[data-testid=digestlens-badge]') };
  await expect.poll(() => badges.count(), WAIT).toBe(3);
  expect(await tab.locator('li.arxiv-result').count()).toBe(200);

  const reborn = session.context.waitForEvent('serviceworker', { timeout: 5_000 }).catch(() => null);
  await session.worker
    .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
    .catch(() => {
      // The worker may die before the evaluation answers.
    });
  const worker = await reborn;
  console.info(`after runtime.reload(): ${worker ? `a new worker, ${worker.url()}` : 'no new worker within 5 s'}`);
  return { session, tab, ui, problems, badges, worker };
}

describe('the extension reloaded while an annotated page is open', () => {
  it('leaves the page whole and working, with no error from the old content script', async () => {
    const { session, tab, problems, badges, worker } = await pageOpenAcrossReload();
    try {
      await tab.waitForTimeout(1000);
      // Observed: the old badges stay (WXT invalidates a context only when the script next asks),
      // inert but harmless; the page itself is untouched and still runs its own scripts.
      console.info(`after the reload: ${await badges.count()} old badges still on the page`);
      expect(await tab.locator('li.arxiv-result').count()).toBe(200);
      expect(await tab.evaluate(() => document.querySelectorAll('li.arxiv-result p.title').length)).toBe(200);
      await tab.locator('li.arxiv-result a').first().hover();
      expect(problems).toEqual([]);
      await tab.screenshot({ path: artifact('faults-after-extension-reload.png') });

      // Reloading the page: it loads whole; if the extension came back, its new script annotates it.
      await tab.reload({ waitUntil: 'domcontentloaded' });
      expect(await tab.locator('li.arxiv-result').count()).toBe(200);
      if (worker) await expect.poll(() => badges.count(), WAIT).toBe(3);
      expect(problems).toEqual([]);
    } finally {
      await session.close();
    }
  });

  // A click on an orphaned badge's queue button sends a message through the dead runtime; its
  // rejection ("Extension context invalidated.") must be caught, not reach the page.
  it('raises no error when an orphaned badge is clicked', async () => {
    const { session, tab, ui, problems } = await pageOpenAcrossReload();
    try {
      await tab.waitForTimeout(500);
      expect(problems).toEqual([]);
      await ui.click('[data-testid=digestlens-queue-toggle]');
      await tab.waitForTimeout(500);
      console.info(`after clicking an orphaned queue button: ${JSON.stringify(problems)}`);
      expect(await tab.locator('li.arxiv-result').count()).toBe(200);
      expect(problems).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
