/**
 * `npm run bench:pages`: the page-annotation figures of the built extension in Chromium, with the
 * 38,246-paper corpus of ../shared/datasets/arxiv-daily imported through the popup:
 *  (a) related-papers query latency in the background, p50 and p95 over 200 queries, asked from an
 *      extension page as the popup asks (the message round trip included);
 *  (b) the first answer after the service worker is stopped and woken (index loaded from its
 *      persisted snapshot);
 *  (c) from the page's DOMContentLoaded to the last badge on the 200-result arXiv search page, and
 *      to the related panel ready on the abstract page (saved pages served at their real URLs);
 *  (d) the content scripts' size, gzipped (the larger of the two).
 * The last line of output is one JSON object with those figures.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { seenPaper } from '../lib/identity/seen-paper';
import type { ContentRequest } from '../lib/messaging/protocol/content-to-background';
import { EXTENSION_DIR, type ExtensionSession, launchExtension } from '../tests/browser/harness';
import { OurUi } from '../tests/browser/session';
import { pageHtml, SITE_PAGES, type SitePage } from '../tests/browser/site-pages';
import { mulberry32 } from '../tests/support/random';
import { type DatasetPaper, importThroughPopup, readDataset, writeDatasetDigests } from './bench-support';

const QUERIES = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * Asks the background for related papers from an extension page; returns the milliseconds taken.
 * The request is built here, typed by the protocol, so a change to the protocol breaks the build
 * of this script instead of its run.
 */
async function timedRelated(page: Page, paper: { title: string; abstract: string }): Promise<number> {
  const request: ContentRequest = {
    type: 'related-papers',
    // As the abstract page's content script sends it: a SeenPaper, and no stored paper to leave out.
    paper: seenPaper({ title: paper.title, abstract: paper.abstract }),
    excludePaperId: null,
    limit: 5,
  };
  return page.evaluate(async (message) => {
    const started = performance.now();
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
    const answer = (await chrome.runtime.sendMessage(message)) as { ok: boolean; value?: unknown[] };
    const ms = performance.now() - started;
    if (!answer?.ok || !answer.value?.length) throw new Error(`related query failed: ${JSON.stringify(answer).slice(0, 200)}`);
    return ms;
  }, request);
}

/**
 * Opens a saved page at its real URL and measures, in the page, from DOMContentLoaded to the
 * moment `ready` (a check run on every DOM change, in the page's own world) last became true.
 */
async function timeFromDomContentLoaded(
  session: ExtensionSession,
  site: SitePage,
  kind: 'badges' | 'panel',
): Promise<{ ms: number; count: number }> {
  const tab = await session.context.newPage();
  await tab.route(site.url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: pageHtml(site) }));
  await tab.addInitScript((what) => {
    const marks: number[] = [];
    (window as unknown as { __marks: number[] }).__marks = marks;
    // The panel's shadow root is closed, so its content cannot be watched from here. Its host is
    // empty (no height) until the related papers are rendered into it: the first time the host is
    // taller than a stray margin is when the panel became visible. Its state is checked after.
    const sized = new ResizeObserver((entries) => {
      if (marks.length === 0 && entries.some((entry) => entry.contentRect.height > 40)) marks.push(performance.now());
    });
    const observer = new MutationObserver(() => {
      if (what === 'badges') {
        const count = document.querySelectorAll('digestlens-badge').length;
        if (count > marks.length) for (let i = marks.length; i < count; i++) marks.push(performance.now());
      } else {
        const host = document.querySelector('digestlens-panel');
        if (host && !(host as unknown as { __watched?: boolean }).__watched) {
          (host as unknown as { __watched?: boolean }).__watched = true;
          sized.observe(host);
        }
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }, kind);
  await tab.goto(site.url, { waitUntil: 'domcontentloaded' });
  // Badges come in one batch after one lookup; give the page time to finish, then read the marks.
  await tab.waitForTimeout(3000);
  if (kind === 'panel') {
    const ui = await OurUi.of(tab);
    const ready = await ui.count('[data-testid=digestlens-panel][data-state=ready]');
    if (ready !== 1) throw new Error(`the related panel is not ready on ${site.url}`);
  }
  const result = await tab.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const marks = (window as unknown as { __marks: number[] }).__marks;
    return { dcl: nav.domContentLoadedEventStart, last: marks.length ? Math.max(...marks) : Number.NaN, count: marks.length };
  });
  await tab.close();
  return { ms: result.last - result.dcl, count: result.count };
}

function contentScriptGzipBytes(): number {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  return Math.max(
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => gzipSync(readFileSync(join(dir, f))).length),
  );
}

async function main() {
  const { papers } = readDataset();
  const { dir, files } = writeDatasetDigests(papers);
  const session = await launchExtension();
  try {
    const { page, importMs } = await importThroughPopup(session, files);
    // The count is a live query: give it a moment to catch up with the last transaction.
    let corpus = 0;
    for (let tries = 0; tries < 100 && corpus !== papers.length; tries++) {
      corpus = Number(await page.getByTestId('paper-count').textContent());
      if (corpus !== papers.length) await page.waitForTimeout(50);
    }
    console.log(`imported ${corpus} papers from ${files.length} files in ${(importMs / 1000).toFixed(1)} s`);

    // Seeded, so the same papers are asked every run.
    const random = mulberry32(20261122);
    const queries: DatasetPaper[] = Array.from({ length: QUERIES }, () => papers[Math.floor(random() * papers.length)] as DatasetPaper);
    // The first query after an import brings the index up to date; it is not what a reader waits for.
    const warmup = await timedRelated(page, queries[0] as DatasetPaper);
    console.log(`first query after the import (index catch-up): ${warmup.toFixed(0)} ms`);
    const times: number[] = [];
    for (const query of queries) times.push(await timedRelated(page, query));
    times.sort((a, b) => a - b);
    const relatedP50Ms = percentile(times, 50);
    const relatedP95Ms = percentile(times, 95);
    console.log(`related: p50 ${relatedP50Ms.toFixed(1)} ms, p95 ${relatedP95Ms.toFixed(1)} ms over ${times.length} queries`);

    // Let the index snapshot be written (it is written shortly after changes), then stop the
    // worker as Chrome does when it idles, and time the first answer of the woken worker.
    await page.waitForTimeout(4000);
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(1000);
    const coldStartMs = await timedRelated(page, queries[1] as DatasetPaper);
    console.log(`first answer of a woken service worker: ${coldStartMs.toFixed(0)} ms`);

    const search = await timeFromDomContentLoaded(session, SITE_PAGES.search, 'badges');
    console.log(`search page: ${search.count} badges, the last ${search.ms.toFixed(0)} ms after DOMContentLoaded`);
    const abs = await timeFromDomContentLoaded(session, SITE_PAGES.absNew, 'panel');
    console.log(`abstract page: related panel ready ${abs.ms.toFixed(0)} ms after DOMContentLoaded`);

    const result = {
      papers: corpus,
      relatedP50Ms: Number(relatedP50Ms.toFixed(1)),
      relatedP95Ms: Number(relatedP95Ms.toFixed(1)),
      coldStartMs: Math.round(coldStartMs),
      searchPageMs: Math.round(search.ms),
      absPanelMs: Math.round(abs.ms),
      contentScriptGzipBytes: contentScriptGzipBytes(),
    };
    console.log(JSON.stringify(result));
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
