/**
 * Notes and the reading queue in Firefox, on the saved pages at their real URLs: a note typed in
 * the framed editor is saved (in the database), survives a reload and never appears in the host
 * page's DOM; a paper queued from a badge shows in the popup's Queue and on the toolbar button.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Note, QueueItem } from '../../lib/db/entities';
import { hostPageTextInPage } from '../support/host-page-text';
import { fixtureDigestPapers, SITE_PAGES } from '../support/site-pages';
import { extensionPage, tableRows } from './extension-db';
import { firefoxAvailable } from './harness';
import { OurUi } from './our-ui';
import { openPaperNote } from './paper-note';
import { sessionForThisFile } from './session';

const WAIT = { timeout: 15_000 };
const { daily } = fixtureDigestPapers();

/** What the host page's own scripts could read (tests/support/host-page-text.ts). */
const hostPageText = (tab: Page): Promise<string> => tab.evaluate(hostPageTextInPage);

describe.runIf(firefoxAvailable())('DigestLens in Firefox ESR: notes and the queue', () => {
  const current = sessionForThisFile({ digests: 'fixtures' });

  it('saves a note typed in the framed editor, keeps it across a reload, and never puts its text in the host page', async () => {
    const secret = 'Private marker 7f3a9: check eq. (4) against $\\sigma$Reparam';
    const tab = await current().openSitePage(SITE_PAGES.absNew);
    const editor = await openPaperNote(tab);
    await (await editor.$('[data-testid=note-text]'))?.click();
    await tab.keyboard.type(secret);
    await expect.poll(() => editor.$eval('[data-testid=note-status]', (e) => e.textContent), WAIT).toBe('Saved');
    expect(await hostPageText(tab)).not.toContain('7f3a9');
    const db = await extensionPage(current());
    expect((await tableRows<Note>(db, 'notes')).map((n) => n.text)).toEqual([secret]);

    await tab.reload({ waitUntil: 'domcontentloaded' });
    const again = await openPaperNote(tab);
    await expect.poll(() => again.$eval('[data-testid=note-text]', (e) => (e as HTMLTextAreaElement).value), WAIT).toBe(secret);
    expect(await hostPageText(tab)).not.toContain('7f3a9');
    await db.close();
    await tab.close();
  });

  it('queues a paper from its badge on the Hugging Face daily page; the popup’s Queue and the toolbar button show it', async () => {
    const tab = await current().openSitePage(SITE_PAGES.hfDaily);
    const ui = OurUi.of(tab);
    const TOGGLE = '[data-testid=digestlens-queue-toggle]';
    await expect.poll(() => ui.count(TOGGLE), WAIT).toBe(2);
    // By keyboard, as a user without a mouse: from the second paper's title link, Tab reaches its
    // badge's first button, and Enter presses it. (The saved page, served without its stylesheets,
    // lays its author avatars over the badges, so a mouse click there would hit the page.)
    await tab.$$eval('digestlens-badge', (hosts) => (hosts[1]?.previousElementSibling as HTMLElement | null)?.focus());
    await tab.keyboard.press('Tab');
    expect(await ui.isFocused(TOGGLE, 1)).toBe(true);
    await tab.keyboard.press('Enter');
    await expect.poll(() => ui.attribute(TOGGLE, 'data-queued', 1), WAIT).toBe('true');
    expect(await ui.attribute(TOGGLE, 'data-queued', 0)).toBe('false');

    const db = await extensionPage(current());
    const queued = await tableRows<QueueItem>(db, 'queue');
    expect(queued.map((q) => [q.source, q.readAt])).toEqual([[SITE_PAGES.hfDaily.url, null]]);
    const papers = await tableRows<{ id: string; title: string }>(db, 'papers');
    expect(papers.find((p) => p.id === queued[0]?.paperId)?.title).toBe(daily[2]?.title);
    // Firefox's MV2 build counts the queue on `browserAction` (Chrome's on `action`: lib/platform/toolbar-button.ts).
    const badgeText = () =>
      db.evaluate(() =>
        (
          globalThis as unknown as { browser: { browserAction: { getBadgeText(d: object): Promise<string> } } }
        ).browser.browserAction.getBadgeText({}),
      );
    await expect.poll(badgeText, WAIT).toBe('1');

    const popup = await current().openExtensionPage('popup.html#queue', '[data-testid=queue-title]');
    expect(await popup.$$eval('[data-testid=queue-title]', (titles) => titles.map((t) => t.textContent))).toEqual([daily[2]?.title]);
    await popup.close();
    await db.close();
    await tab.close();
  });
});
