/**
 * The researcher's everyday on the saved pages (issue 11, points 1–3 and the commands of 7): queue
 * or note any paper of a list from its light hover/focus control, one queue control per paper,
 * the collapsed panel with strength words and its threshold, the note collapsed until used and
 * closed with ✕ or Escape, the "≈ related" marker naming its digest papers, the popup's related
 * list on an arXiv PDF tab, and the keyboard commands. Needs `npx wxt build` first.
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, OurUi, sessionForThisFile } from './session';
import { fixtureDigestPapers, openSitePage, SITE_PAGES } from './site-pages';

const WAIT = { timeout: 15_000 };
const READY_PANEL = '[data-testid=digestlens-panel][data-state=ready]';
const RELATED_ITEM = '[data-testid=digestlens-related-item]';
const NOTE_FRAME = 'iframe[src*="note-editor.html"]';
const { searched } = fixtureDigestPapers();

/** A stored paper row, read in the service worker straight from IndexedDB (what DigestLens kept). */
function storedPaper(worker: Worker, id: string): Promise<Record<string, unknown> | null> {
  return worker.evaluate(
    (key) =>
      new Promise<Record<string, unknown> | null>((resolve, reject) => {
        const open = indexedDB.open('digestlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('papers').objectStore('papers').get(key);
          get.onsuccess = () => {
            resolve((get.result as Record<string, unknown> | undefined) ?? null);
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    id,
  );
}

/** The tab's id as the worker knows it (commands get the tab they were pressed in). */
function tabOf(worker: Worker, url: string): Promise<{ id: number; url: string }> {
  return worker.evaluate(async (u) => {
    const chromeTabs = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url: string }>> } } })
      .chrome.tabs;
    const [tab] = await chromeTabs.query({ url: u });
    if (!tab) throw new Error(`no tab at ${u}`);
    return { id: tab.id, url: tab.url };
  }, url);
}

/**
 * Runs a command as the browser does on its shortcut: the background's registered handler with the
 * tab it was pressed in. CDP cannot press a browser-level shortcut, so the test calls the handler
 * the worker registered with chrome.commands.onCommand (kept on the worker's global for this).
 */
function runCommand(worker: Worker, command: string, tab: { id: number; url: string }): Promise<string> {
  return worker.evaluate(
    ({ command, tab }) =>
      (globalThis as unknown as { digestLensCommand(c: string, t: object): Promise<string> }).digestLensCommand(command, tab),
    { command, tab },
  );
}

/** Where the mouse hovers a search result: its author line (inside the entry, away from our controls). */
async function hoverResult(tab: Page, index: number) {
  await tab.locator('li.arxiv-result').nth(index).locator('p.authors').hover();
}

const focusedHost = (tab: Page) => tab.evaluate(() => document.activeElement?.localName ?? null);

describe('queue or note any paper of a list', () => {
  const current = sessionForThisFile({ digests: 'fixtures' });

  it('queues a paper that is in no digest from the 200-result search page, stored from the page’s own data', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.search);
    const ui = await OurUi.of(tab);
    await expect.poll(() => tab.locator('digestlens-badge').count(), WAIT).toBe(3);
    // Nothing is mounted for the 197 other results until one is used.
    await tab.waitForTimeout(500);
    expect(await tab.locator('digestlens-actions').count()).toBe(0);

    const paper = searched[1];
    await hoverResult(tab, 1);
    await expect.poll(() => ui.count('[data-testid=digestlens-actions][data-shown=true]', 'digestlens-actions'), WAIT).toBe(1);
    // A digest paper's entry gets no second control: its badge holds its queue toggle.
    await hoverResult(tab, 0);
    await tab.waitForTimeout(300);
    expect(await tab.locator('digestlens-actions').count()).toBe(1);
    expect(await ui.count('[data-testid=digestlens-actions][data-shown=true]', 'digestlens-actions')).toBe(0);

    await hoverResult(tab, 1);
    await ui.click('[data-testid=digestlens-action-queue]', 0, 'digestlens-actions');
    await expect.poll(async () => (await ui.all('[data-testid=digestlens-action-queue]'))[0]?.attributes['data-queued'], WAIT).toBe('true');
    const stored = await storedPaper(current().worker, `arxiv:${paper?.arxivId}`);
    expect(paper?.authors?.length).toBe(3);
    expect(stored).toMatchObject({
      id: `arxiv:${paper?.arxivId}`,
      title: paper?.title,
      arxivId: paper?.arxivId,
      abstract: paper?.abstract,
      authorNames: paper?.authors,
      url: SITE_PAGES.search.url,
    });
    await tab.screenshot({ path: artifact('everyday-search-hover-queue.png') });

    // By keyboard: from the entry's last link before the title, one Tab reaches the control.
    const third = tab.locator('li.arxiv-result').nth(2);
    await third.locator('a[href*="/format/"]').focus();
    await expect.poll(() => tab.locator('digestlens-actions').count(), WAIT).toBe(2);
    await tab.keyboard.press('Tab');
    expect(await focusedHost(tab)).toBe('digestlens-actions');
    await tab.keyboard.press('Enter');
    await expect
      .poll(
        async () => (await ui.all('[data-testid=digestlens-action-queue]', 'digestlens-actions')).map((e) => e.attributes['data-queued']),
        WAIT,
      )
      .toEqual(['true', 'true']);
    expect(await storedPaper(current().worker, `arxiv:${searched[2]?.arxivId}`)).toMatchObject({ title: searched[2]?.title });
    await ui.detach();
    await tab.close();
  });

  it('opens a note from a badge under its entry and closes it with Escape, and with ✕', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.search);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count('[data-testid=digestlens-note-open]'), WAIT).toBe(3);
    await ui.click('[data-testid=digestlens-note-open]', 0);
    const editor = tab.frameLocator(NOTE_FRAME).getByTestId('note-text');
    await editor.waitFor(WAIT);
    expect(await tab.locator(NOTE_FRAME).count()).toBe(1);
    await tab.screenshot({ path: artifact('everyday-inline-note.png') });
    await editor.click();
    await tab.keyboard.press('Escape');
    await expect.poll(() => tab.locator(NOTE_FRAME).count(), WAIT).toBe(0);
    expect(await tab.locator('digestlens-note').count()).toBe(0);

    await ui.click('[data-testid=digestlens-note-open]', 1);
    await tab.frameLocator(NOTE_FRAME).getByTestId('note-text').waitFor(WAIT);
    await ui.click('[data-testid=digestlens-note-close]', 0, 'digestlens-note');
    await expect.poll(() => tab.locator(NOTE_FRAME).count(), WAIT).toBe(0);
    // A page's own message shaped like the editor's closes nothing: only the frame's own window is heard.
    await ui.click('[data-testid=digestlens-note-open]', 2);
    await tab.frameLocator(NOTE_FRAME).getByTestId('note-text').waitFor(WAIT);
    await tab.evaluate(() => window.postMessage('digestlens:close-note', '*'));
    await tab.waitForTimeout(300);
    expect(await tab.locator(NOTE_FRAME).count()).toBe(1);
    await ui.detach();
    await tab.close();
  });

  it('names and links the digest paper a "≈ related" marker relates to, by a search when it has no arXiv id', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.search);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count('[data-testid=digestlens-related-marker]', 'digestlens-marker'), WAIT).toBe(1);
    const [marker] = await ui.all('[data-testid=digestlens-related-marker]', 'digestlens-marker');
    const digestTitle = 'Recursive Comprehension Frameworks for Teaching Languages, Revisited';
    expect(marker?.attributes.title).toBe(`DigestLens: related to “${digestTitle}” in your digests`);
    await ui.click('[data-testid=digestlens-related-marker]', 0, 'digestlens-marker');
    const links = await ui.inEachRoot((root) =>
      Array.from(root.querySelectorAll('[data-testid=digestlens-marker-papers]:not([hidden]) a')).map((a) => [
        a.textContent,
        a.getAttribute('href'),
      ]),
    );
    expect(links.flat()).toEqual([[digestTitle, `https://huggingface.co/papers?q=${encodeURIComponent(digestTitle)}`]]);
    await tab.screenshot({ path: artifact('everyday-related-marker.png') });
    await ui.detach();
    await tab.close();
  });
});

describe('a lighter paper page, and related papers you can trust', () => {
  const current = sessionForThisFile({ digests: 'fixtures' });

  it('collapses the panel to compact rows with a strength word and the note to "✎ Add a note", with one queue control', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.absNew);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count(READY_PANEL), WAIT).toBe(1);
    expect((await ui.texts(READY_PANEL, 'digestlens-panel')).join()).not.toMatch(/score/);
    // The badge of the page's own paper has no buttons: the panel's is the one queue control.
    expect(await ui.count('[data-testid=digestlens-queue-toggle]')).toBe(0);
    expect(await ui.count('[data-testid=digestlens-panel-queue]')).toBe(1);
    await expect.poll(() => ui.count('[data-testid=digestlens-note-add]', 'digestlens-note'), WAIT).toBe(1);
    expect(await tab.locator(NOTE_FRAME).count()).toBe(0);
    const panelHeight = await tab.locator('digestlens-panel').evaluate((host) => host.getBoundingClientRect().height);
    const noteHeight = await tab.locator('digestlens-note').evaluate((host) => host.getBoundingClientRect().height);
    expect(panelHeight + noteHeight).toBeLessThan(200);
    await tab.screenshot({ path: artifact('everyday-abs-collapsed.png') });
    await ui.detach();
    await tab.close();
  });

  it('says "no strong matches in your digests" on a weak query: a heat-transfer paper whose best match is 0.203', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.absNew);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count(READY_PANEL), WAIT).toBe(1);
    expect(await ui.texts('[data-testid=digestlens-related-none]', 'digestlens-panel')).toEqual(['No strong matches in your digests.']);
    expect(await ui.count(RELATED_ITEM, 'digestlens-panel')).toBe(0);
    await tab.screenshot({ path: artifact('everyday-abs-no-strong-match.png') });
    await ui.detach();
    await tab.close();
  });

  it('lists in the popup, for an arXiv PDF tab, the related papers its abstract page shows, from the stored title and abstract', async () => {
    const abs = await openSitePage(current(), SITE_PAGES.absOld);
    const ui = await OurUi.of(abs);
    await expect.poll(() => ui.count(READY_PANEL), WAIT).toBe(1);
    const onAbs = await ui.texts(`${RELATED_ITEM} .title`, 'digestlens-panel');
    expect(onAbs).toEqual([searched[0]?.title]);
    // Queued from its page, the paper is stored with its title and abstract.
    await ui.click('[data-testid=digestlens-panel-queue]');
    await expect.poll(async () => (await ui.all('[data-testid=digestlens-panel-queue]'))[0]?.attributes['data-queued'], WAIT).toBe('true');
    await ui.detach();
    await abs.close();

    const pdfUrl = 'https://arxiv.org/pdf/0704.0001v2';
    const pdf = await current().context.newPage();
    await pdf.route(pdfUrl, (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain', body: '%PDF-1.7 (a stand-in: no content script reads a PDF)' }),
    );
    await pdf.goto(pdfUrl);
    const popup = await current().openPage('popup.html#page', { width: 460, height: 600 });
    await pdf.bringToFront();
    await popup.reload();
    await expect.poll(() => popup.getByTestId('page-related-item').locator('a').allTextContents(), WAIT).toEqual(onAbs);
    expect(await popup.getByTestId('page-related-item').textContent()).toContain('good match');
    await popup.screenshot({ path: artifact('everyday-popup-pdf-related.png') });
    await popup.close();
    await pdf.close();
  });
});

describe('keyboard commands', () => {
  const current = sessionForThisFile({ digests: 'fixtures' });

  it('declares queue, note and popup commands, queues the tab’s paper and opens its note, in the page or in a tab for a PDF', async () => {
    const { worker } = current();
    const commands = await worker.evaluate(
      () =>
        (globalThis as unknown as { chrome: { runtime: { getManifest(): { commands: object } } } }).chrome.runtime.getManifest().commands,
    );
    expect(Object.keys(commands).sort()).toEqual(['_execute_action', 'open-note', 'queue-paper']);

    const tab = await openSitePage(current(), SITE_PAGES.absOld);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count(READY_PANEL), WAIT).toBe(1);
    const where = await tabOf(worker, SITE_PAGES.absOld.url);
    expect(await runCommand(worker, 'queue-paper', where)).toBe('queued');
    expect(await storedPaper(worker, 'arxiv:0704.0001')).toMatchObject({ arxivId: '0704.0001', url: SITE_PAGES.absOld.url });
    // The page knew no stored paper to follow before; its queue button follows it once it is stored.
    await expect.poll(async () => (await ui.all('[data-testid=digestlens-panel-queue]'))[0]?.attributes['data-queued'], WAIT).toBe('true');

    expect(await runCommand(worker, 'open-note', where)).toBe('note-opened-in-page');
    await tab.frameLocator(NOTE_FRAME).getByTestId('note-text').waitFor(WAIT);
    await tab.screenshot({ path: artifact('everyday-command-note.png') });
    await ui.detach();
    await tab.close();

    const pdfUrl = 'https://arxiv.org/pdf/2609.22268';
    const pdf = await current().context.newPage();
    await pdf.route(pdfUrl, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: '%PDF-1.7' }));
    await pdf.goto(pdfUrl);
    const opened = current().context.waitForEvent('page', { timeout: 15_000 });
    expect(await runCommand(worker, 'open-note', await tabOf(worker, pdfUrl))).toBe('note-opened-in-tab');
    const editorTab = await opened;
    await editorTab.waitForLoadState('domcontentloaded');
    expect(new URL(editorTab.url()).searchParams.get('arxivId')).toBe('2609.22268');
    await editorTab.getByTestId('note-text').waitFor(WAIT);
    await editorTab.close();
    await pdf.close();
  });
});
