/**
 * Issue 9, points 4 and 6: a script of the host page (arxiv.org here) tries to read DigestLens's
 * injected UI, drive it with synthetic events, and switch the content script off with WXT's
 * `content-script-started` event. It reads nothing, changes nothing (the queue, notes and papers in
 * IndexedDB and our UI are the same after), and DigestLens stays on.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OurUi, sessionForThisFile } from './session';
import { openSitePage, pageHtml, SITE_PAGES } from './site-pages';
import { storedRows } from './stored-rows';

const WAIT = { timeout: 15_000 };
const TOGGLE = '[data-testid=digestlens-queue-toggle]';
const RELATED_ITEM = '[data-testid=digestlens-related-item]';

const current = sessionForThisFile({ digests: 'fixtures' });

/** What the page script finds out about our hosts, and its attempts to drive them. Runs in the page's own world. */
function readAndDrive(): { hosts: number; openRoots: number; attributes: string[]; text: string; marked: number } {
  const hosts = Array.from(document.querySelectorAll('*')).filter((e) => e.localName.startsWith('digestlens-')) as HTMLElement[];
  const read = {
    hosts: hosts.length,
    openRoots: hosts.filter((h) => h.shadowRoot !== null).length,
    attributes: [...new Set(hosts.flatMap((h) => h.getAttributeNames()))],
    text: hosts.map((h) => h.textContent ?? '').join(''),
    // Anything of ours outside the hosts: data-* attributes the page did not write.
    marked: Array.from(document.querySelectorAll('*')).filter((e) => e.getAttributeNames().some((n) => n.startsWith('data-digestlens')))
      .length,
  };
  const mouse = (type: string, x: number, y: number) =>
    new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y, view: window });
  for (const host of hosts) {
    const box = host.getBoundingClientRect();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    host.click();
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click', 'dblclick']) host.dispatchEvent(mouse(type, x, y));
    // Whatever the page finds at the element's place (our host, as retargeting shows it).
    document.elementFromPoint(x, y)?.dispatchEvent(mouse('click', x, y));
    host.focus();
    for (const key of ['Enter', ' ', 'q', 'n', 'j', 'k']) {
      host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      host.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
      document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }
    host.dispatchEvent(new Event('submit', { bubbles: true, composed: true }));
  }
  return read;
}

/** Everything our UI shows, through closed roots (the test's eyes, not the page's). */
async function ourUiState(ui: OurUi): Promise<string> {
  const elements = await ui.all('*');
  return JSON.stringify(elements.map((e) => [e.host, e.hostIndex, e.text, e.attributes]));
}

async function storedState(): Promise<string> {
  const rows = await storedRows(current(), ['queue', 'notes', 'noteVersions', 'papers']);
  return JSON.stringify(rows);
}

/** The page's script: dispatches WXT's "a newer copy of the script started" event, every way it can. */
async function dispatchStartedEvents(tab: Page, extensionId: string): Promise<void> {
  await tab.evaluate((id) => {
    for (const script of ['arxiv', 'arxiv.content', 'huggingface']) {
      const type = `${id}:${script}:wxt:content-script-started`;
      const detail = { contentScriptName: script, messageId: 'the-page' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      document.body.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
      window.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, contentScriptName: script, messageId: 'the-page' }, '*');
    }
  }, extensionId);
}

describe('a page script against DigestLens on arXiv', () => {
  it('on the search page reads no state of ours and changes nothing with synthetic clicks and keys', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.search);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count(TOGGLE), WAIT).toBe(3);
    await tab.waitForTimeout(1000);
    const [uiBefore, storedBefore] = [await ourUiState(ui), await storedState()];

    const read = await tab.evaluate(readAndDrive);
    console.log(
      `page script on the search page: ${read.hosts} hosts, ${read.openRoots} open roots, attributes ${JSON.stringify(read.attributes)}`,
    );
    expect(read.hosts).toBeGreaterThanOrEqual(3);
    expect(read).toMatchObject({ openRoots: 0, text: '', marked: 0 });
    expect(read.attributes.filter((name) => name !== 'style')).toEqual([]);
    await tab.waitForTimeout(1500);
    expect(await ourUiState(ui)).toBe(uiBefore);
    expect(await storedState()).toBe(storedBefore);
    await ui.detach();
    await tab.close();
  });

  it('on the abstract page cannot open the note, queue the paper, or run a corpus query through "More"', async () => {
    // The 2007 page: its paper has a strong match in the digests, so the panel shows rows and "More".
    const tab = await openSitePage(current(), SITE_PAGES.absOld);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count('[data-testid=digestlens-panel][data-state=ready]'), WAIT).toBe(1);
    await expect.poll(() => ui.count('[data-testid=digestlens-related-more]'), WAIT).toBe(1);
    await tab.waitForTimeout(1000);
    const [uiBefore, storedBefore, itemsBefore] = [await ourUiState(ui), await storedState(), await ui.count(RELATED_ITEM)];

    const read = await tab.evaluate(readAndDrive);
    expect(read).toMatchObject({ openRoots: 0, text: '', marked: 0 });
    expect(read.attributes.filter((name) => name !== 'style')).toEqual([]);
    await tab.waitForTimeout(1500);
    expect(await ui.count(RELATED_ITEM)).toBe(itemsBefore);
    expect(await ourUiState(ui)).toBe(uiBefore);
    expect(await storedState()).toBe(storedBefore);

    // A user's (trusted) click on "More" does run the query: the test above could have failed.
    // (The full view it opens shows each match's shared terms; the compact rows show none.)
    expect(await ui.count('[data-testid=digestlens-related-terms]')).toBe(0);
    await ui.click('[data-testid=digestlens-related-more]');
    await expect.poll(() => ui.count('[data-testid=digestlens-related-terms]'), WAIT).toBeGreaterThan(0);
    await ui.detach();
    await tab.close();
  });

  it("cannot switch DigestLens off with WXT's content-script-started event, and is never told the extension id", async () => {
    const { extensionId } = current();
    // The page listens, from its first line, to every message posted to its window.
    const page = await current().context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __messages: string[] }).__messages = seen;
      window.addEventListener('message', (event) => seen.push(JSON.stringify(event.data)));
    });
    await page.route(SITE_PAGES.search.url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pageHtml(SITE_PAGES.search) }),
    );
    await page.goto(SITE_PAGES.search.url, { waitUntil: 'domcontentloaded' });
    const ui = await OurUi.of(page);
    await expect.poll(() => ui.count(TOGGLE), WAIT).toBe(3);
    const messages = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
    expect(messages.filter((m) => m.includes(extensionId))).toEqual([]);

    await dispatchStartedEvents(page, extensionId);
    await page.waitForTimeout(1500);
    expect(await ui.count(TOGGLE)).toBe(3);
    // Still alive: a user's click queues the paper, a second one takes it out again.
    await ui.click(TOGGLE, 0);
    await expect.poll(async () => (await ui.all(TOGGLE))[0]?.attributes['data-queued'], WAIT).toBe('true');
    await ui.click(TOGGLE, 0);
    await expect.poll(async () => (await ui.all(TOGGLE))[0]?.attributes['data-queued'], WAIT).toBe('false');
    await ui.detach();
    await page.close();
  });
});
