/**
 * Hostile pages (issue 5, item 4), served at real arXiv URLs so the content script runs on them:
 * a page that replaces `browser`, `chrome` and built-ins in its main world (the content script's
 * isolated world must not care), a search page flooded with 5,000 results (annotated without
 * blocking the page), and a page posting messages shaped like ours (nothing may happen).
 * Needs `npx wxt build` first.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAX_ENTRIES_READ } from '../../lib/sites/arxiv';
import { artifact, OurUi, sessionForThisFile } from './session';
import { fixtureDigestPapers, openSitePage, pageHtml, SITE_PAGES } from './site-pages';

const WAIT = { timeout: 15_000 };
const TOGGLE = '[data-testid=digestlens-queue-toggle]';
const { searched } = fixtureDigestPapers();

/** Puts `script` first in <head>, so it runs before anything else the page has. */
function withHeadScript(html: string, script: string): string {
  return html.replace(/<head[^>]*>/i, (head) => `${head}<script>${script}</script>`);
}

/** The page's main world turned against anything that trusts its globals. */
const OVERRIDES = `
  (function () {
    var boom = function (name) { return function () { throw new Error('hostile page: ' + name); }; };
    var fakeRuntime = { id: 'fake', sendMessage: function () { window.__hijacked = (window.__hijacked || 0) + 1; }, onMessage: { addListener: function () {} } };
    window.browser = { runtime: fakeRuntime };
    try { window.chrome = { runtime: fakeRuntime }; } catch (e) {}
    Object.defineProperty(window, 'chrome', { value: { runtime: fakeRuntime }, configurable: true, writable: true });
    Array.prototype.map = boom('Array.prototype.map');
    Array.prototype.forEach = boom('Array.prototype.forEach');
    Element.prototype.attachShadow = boom('Element.prototype.attachShadow');
    JSON.parse = boom('JSON.parse');
    window.Promise = boom('Promise');
    window.__overridden = true;
  })();`;

/**
 * Measures how late a 50 ms timer fires on the page's main thread (shared with the content
 * script's isolated world), and the longest long task, from the top of <head> onwards.
 */
const DRIFT_MONITOR = `
  (function () {
    // Only what happens once the page is parsed counts: the parse itself is the page's own cost.
    var report = (window.__drift = { max: 0, samples: 0, longest: 0, parsedAt: 0 });
    document.addEventListener('readystatechange', function () {
      if (!report.parsedAt) report.parsedAt = performance.now();
    });
    var last = performance.now();
    setInterval(function () {
      var now = performance.now();
      var late = now - last - 50;
      if (report.parsedAt && last >= report.parsedAt && late > report.max) report.max = late;
      report.samples++;
      last = now;
    }, 50);
    try {
      new PerformanceObserver(function (list) {
        for (var entry of list.getEntries()) {
          if (report.parsedAt && entry.startTime >= report.parsedAt && entry.duration > report.longest) report.longest = entry.duration;
        }
      }).observe({ type: 'longtask', buffered: true });
    } catch (e) {}
  })();`;

/** The saved search page with its 200 results repeated `times` times. */
function floodedSearchPage(times: number): string {
  const html = pageHtml(SITE_PAGES.search);
  const first = html.indexOf('<li class="arxiv-result">');
  const end = html.indexOf('</ol>', html.lastIndexOf('<li class="arxiv-result">'));
  if (first < 0 || end < 0) throw new Error('the saved search page has no result list');
  return html.slice(0, first) + html.slice(first, end).repeat(times) + html.slice(end);
}

function collectErrors(tab: Page): string[] {
  const errors: string[] = [];
  tab.on('pageerror', (e) => {
    // The hostile page's own overrides break its own scripts; only ours matter here.
    if (!e.message.startsWith('hostile page:')) errors.push(e.message);
  });
  tab.on('console', (m) => {
    if (m.text().includes('DigestLens')) errors.push(m.text());
  });
  return errors;
}

describe('hostile pages', () => {
  const current = sessionForThisFile({ digests: 'fixtures' });

  it('annotates a page that replaces browser, chrome, Array.prototype.map/forEach, attachShadow, JSON.parse and Promise', async () => {
    const tab = await current().context.newPage();
    const errors = collectErrors(tab);
    await tab.route(SITE_PAGES.search.url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: withHeadScript(pageHtml(SITE_PAGES.search), OVERRIDES) }),
    );
    await tab.goto(SITE_PAGES.search.url, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => tab.locator('digestlens-badge').count(), WAIT).toBe(3);
    // The page's own DOM is all there, and its overrides really were in force in its world.
    expect(await tab.locator('li.arxiv-result').count()).toBe(200);
    expect(
      await tab.evaluate(() => {
        const w = window as unknown as { __overridden?: boolean; __hijacked?: number; browser?: { runtime?: { id?: string } } };
        let mapThrows = false;
        try {
          [1].map((x) => x);
        } catch {
          mapThrows = true;
        }
        return { overridden: w.__overridden, mapThrows, fakeId: w.browser?.runtime?.id, hijacked: w.__hijacked ?? 0 };
      }),
    ).toEqual({ overridden: true, mapThrows: true, fakeId: 'fake', hijacked: 0 });
    // The badges work: queueing from one reaches the background (through the real runtime, not the page's).
    const ui = await OurUi.of(tab);
    const queued = async () => (await ui.all(TOGGLE))[0]?.attributes['data-queued'];
    await ui.click(TOGGLE);
    await expect.poll(queued, WAIT).toBe('true');
    await ui.click(TOGGLE);
    await expect.poll(queued, WAIT).toBe('false');
    expect(await tab.evaluate(() => (window as unknown as { __hijacked?: number }).__hijacked ?? 0)).toBe(0);
    expect(errors).toEqual([]);
    await tab.screenshot({ path: artifact('hostile-overrides.png') });
    await tab.close();
  });

  it('annotates a search page flooded with 5,000 results within seconds, without blocking it for long', async () => {
    const times = 25;
    const html = withHeadScript(floodedSearchPage(times), DRIFT_MONITOR);
    const open = async (url: string) => {
      const tab = await current().context.newPage();
      await tab.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await tab.goto(url, { waitUntil: 'domcontentloaded' });
      return { tab, started: Date.now() };
    };

    // The same page where no content script runs, for the page's own cost of parsing it.
    const baseline = await open('https://example.org/flood');
    await baseline.tab.waitForTimeout(1500);
    const baseDrift = await baseline.tab.evaluate(() => (window as unknown as { __drift: { max: number; longest: number } }).__drift);
    await baseline.tab.close();

    const { tab, started } = await open(SITE_PAGES.search.url);
    const errors = collectErrors(tab);
    expect(await tab.locator('li.arxiv-result').count()).toBe(200 * times);
    // The first 2,000 results are read (MAX_ENTRIES_READ in lib/sites/arxiv.ts, arXiv's largest page):
    // the copies of the three digest papers among them get their badges, the rest is left alone.
    const read = MAX_ENTRIES_READ / 200;
    await expect.poll(() => tab.locator('digestlens-badge').count(), { timeout: 10_000, interval: 200 }).toBe(3 * read);
    const annotatedAfterMs = Date.now() - started;
    await tab.waitForTimeout(500);
    const drift = await tab.evaluate(() => (window as unknown as { __drift: { max: number; samples: number; longest: number } }).__drift);
    console.info(
      `flooded page: ${3 * read} badges ${annotatedAfterMs} ms after DOMContentLoaded; timer drift max ${Math.round(drift.max)} ms ` +
        `(longest task ${Math.round(drift.longest)} ms); without the extension: drift ${Math.round(baseDrift.max)} ms, longest task ${Math.round(baseDrift.longest)} ms`,
    );
    expect(annotatedAfterMs).toBeLessThan(8000);
    // No single task of the page's main thread runs for a second (measured ~200 ms). A 50 ms timer can
    // still be starved for longer (measured 0.9 to 1.5 s) by the queue of shorter tasks that mount the
    // badges and markers (each forcing a style pass on the huge page): bounded here, not yet under 1 s.
    expect(drift.longest).toBeLessThan(1000);
    expect(drift.max).toBeLessThan(3000);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('ignores messages shaped like its own that the page posts or dispatches', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.search);
    const errors = collectErrors(tab);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count(TOGGLE), WAIT).toBe(3);
    const target = searched[0];
    const reachable = await tab.evaluate(
      (paper) => {
        const pagePaper = { title: paper.title, arxivId: paper.arxivId, abstract: null };
        const messages = [
          { type: 'queue-toggle', paper: pagePaper, pageUrl: location.href, queued: true },
          { type: 'lookup-papers', papers: [pagePaper] },
          { type: 'related-papers', paper: pagePaper, limit: 20 },
          { type: 'paper-state', queued: [paper.arxivId], noted: [paper.arxivId] },
          { type: 'watch', paperIds: [paper.arxivId] },
          { type: 'save', requestId: 1, text: 'planted by the page', baseVersion: 0 },
          { type: 'import-file', name: 'x.txt', text: 'x' },
        ];
        for (const message of messages) {
          window.postMessage(message, '*');
          window.postMessage(JSON.stringify(message), '*');
          document.dispatchEvent(new CustomEvent(message.type, { detail: message }));
          window.dispatchEvent(new MessageEvent('message', { data: message, origin: location.origin }));
        }
        const chrome = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
        return typeof chrome?.runtime?.sendMessage;
      },
      { title: target?.title ?? '', arxivId: target?.arxivId ?? '' },
    );
    // No externally_connectable: the page has no runtime to message the extension with.
    expect(reachable).toBe('undefined');
    await tab.waitForTimeout(1000);
    expect((await ui.all(TOGGLE)).map((toggle) => toggle.attributes['data-queued'])).toEqual(['false', 'false', 'false']);

    const popup = await current().openPage('popup.html#queue', { width: 460, height: 600 });
    await popup.getByTestId('queue-empty').waitFor(WAIT);
    expect(await popup.getByTestId('queue-item').count()).toBe(0);
    expect(await popup.getByTestId('tab-queue').textContent()).toBe('Queue');
    await popup.close();
    expect(errors).toEqual([]);
    await tab.close();
  });
});
