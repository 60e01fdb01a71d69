/**
 * Without sync, DigestLens makes no network requests at all. Every request Chromium makes during
 * a normal session (import, annotated pages, a note, the queue, every Library tab, the popup, a
 * stopped and restarted service worker) is recorded, from the service worker and from every page,
 * and sorted: the extension's own files are local; anything else from the service worker or an
 * extension page is a network request of ours; from a site's tab, the page the test opened and
 * the page's own resources are the site's doing, but a fetch, XHR, WebSocket, EventSource or
 * beacon could be a content script's, and counts as ours.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteFrame, openPaperNote } from './paper-note';
import { type ExtensionSession, launchSession, OurUi } from './session';
import { importSamplesAndFixtureDigest, openSitePage, SITE_PAGES } from './site-pages';

const WAIT = { timeout: 15_000 };
// 'other' is left out: it is the browser fetching a page's favicon.
const SCRIPTED = new Set(['fetch', 'xhr', 'websocket', 'eventsource', 'ping']);

let session: ExtensionSession;
const recorded: Array<{ url: string; from: string; type: string; navigation: boolean }> = [];

function source(request: Request): string {
  if (request.serviceWorker()) return 'service-worker';
  try {
    return request.frame().url();
  } catch {
    return 'unknown';
  }
}

beforeAll(async () => {
  session = await launchSession({ digests: 'none' });
  session.context.on('request', (request) =>
    recorded.push({ url: request.url(), from: source(request), type: request.resourceType(), navigation: request.isNavigationRequest() }),
  );
}, 60_000);

afterAll(async () => {
  await session?.close();
});

/** The requests that left the extension's own files and were not a site page's own doing. */
function ours(openedByTest: ReadonlySet<string>) {
  return recorded.filter((r) => {
    if (r.url.startsWith('chrome-extension://') || r.url.startsWith('data:') || r.url.startsWith('blob:')) return false;
    if (r.from === 'service-worker' || r.from.startsWith('chrome-extension://') || r.from === 'unknown') return true;
    if (r.navigation && openedByTest.has(r.url)) return false;
    return SCRIPTED.has(r.type);
  });
}

async function stopServiceWorker(page: Page) {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

describe('no network without sync', () => {
  it('makes no request beyond its own files during a whole session without sync', async () => {
    const opened = new Set<string>([SITE_PAGES.absOld.url, SITE_PAGES.search.url]);
    await importSamplesAndFixtureDigest(session);

    // The 2007 abstract page: its paper has one strong match in the digests, so the panel asks the corpus.
    const abs = await openSitePage(session, SITE_PAGES.absOld);
    const ui = await OurUi.of(abs);
    await expect.poll(() => ui.count('[data-testid=digestlens-related-item]', 'digestlens-panel'), WAIT).toBeGreaterThan(0);
    await (await openPaperNote(abs)).fill('A note in a session without sync');
    const frame = noteFrame(abs);
    await expect.poll(() => frame.getByTestId('note-status').textContent(), WAIT).toBe('Saved');

    const search = await openSitePage(session, SITE_PAGES.search);
    const searchUi = await OurUi.of(search);
    await expect.poll(() => searchUi.count('[data-testid=digestlens-queue-toggle]'), WAIT).toBe(3);
    await searchUi.click('[data-testid=digestlens-queue-toggle]');
    await expect
      .poll(async () => (await searchUi.all('[data-testid=digestlens-queue-toggle]'))[0]?.attributes['data-queued'], WAIT)
      .toBe('true');

    const library = await session.openPage('library.html');
    for (const tab of ['queue', 'notes', 'backup', 'settings', 'library']) {
      await library.getByTestId(`tab-${tab}`).click();
      await library.waitForTimeout(300);
    }
    await expect.poll(() => library.getByTestId('sync-status').count()).toBe(0);
    await library.getByTestId('tab-settings').click();
    await expect
      .poll(() => library.getByTestId('sync-status').textContent(), WAIT)
      .toBe('Sync is off: DigestLens makes no network requests.');
    const popup = await session.openPage('popup.html#queue', { width: 460, height: 600 });
    await expect.poll(() => popup.getByTestId('queue-title').count(), WAIT).toBe(1);

    // A worker started afresh (the startup path of sync) stays quiet too.
    await stopServiceWorker(popup);
    await popup.reload();
    await expect.poll(() => popup.getByTestId('queue-title').count(), WAIT).toBe(1);
    await popup.waitForTimeout(1000);

    expect(recorded.length).toBeGreaterThan(20);
    expect(ours(opened)).toEqual([]);
    for (const page of [abs, search, library, popup]) await page.close();
  });

  it('would see one: a request from the service worker is recorded (the check above can fail)', async () => {
    const before = recorded.length;
    const worker = session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker'));
    await worker.evaluate(() => fetch('https://example.org/probe').then((r) => r.status));
    expect(ours(new Set()).slice(-1)).toEqual([
      { url: 'https://example.org/probe', from: 'service-worker', type: 'fetch', navigation: false },
    ]);
    expect(recorded.length).toBe(before + 1);
  });
});
