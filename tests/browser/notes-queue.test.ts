/**
 * Notes and the reading queue in the built extension, on the saved pages at their real URLs:
 * a note written on the abstract page survives reloads, a closed tab and a stopped service worker,
 * and never appears in the host page's DOM; papers queued from badges show in the popup, where
 * they are reordered, read and removed; backup export and restore through the Library page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hostPageTextInPage } from '../support/host-page-text';
import { launchExtension } from './harness';
import { noteFrame, openPaperNote } from './paper-note';
import { artifact, type ExtensionSession, OurUi, sessionForThisFile } from './session';
import { fixtureDigestPapers, importSamplesAndFixtureDigest, openSitePage, SITE_PAGES } from './site-pages';

const WAIT = { timeout: 15_000 };
const { searched } = fixtureDigestPapers();

/** Types into the note editor and waits until it says the text is saved. */
async function writeNote(tab: Page, text: string) {
  const editor = await openPaperNote(tab);
  await editor.fill(text);
  await expect.poll(() => noteFrame(tab).getByTestId('note-status').textContent(), WAIT).toBe('Saved');
}

/** What the host page's own scripts could read (tests/support/host-page-text.ts). */
const hostPageText = (tab: Page): Promise<string> => tab.evaluate(hostPageTextInPage);

async function stopServiceWorker(session: ExtensionSession, page: Page) {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

// One session for the notes and the queue (the notes touch no queue item); the backup test makes its own two profiles.
const current = sessionForThisFile({ digests: 'fixtures' });

describe('private notes on paper pages', () => {
  it('keeps a note written on the arXiv abstract page across a reload, and never puts its text in the page', async () => {
    const secret = 'Private marker 7f3a9: check eq. (4) against $\\sigma$Reparam <b>not html</b>';
    const tab = await openSitePage(current(), SITE_PAGES.absNew);
    await writeNote(tab, secret);
    expect(await hostPageText(tab)).not.toContain('7f3a9');
    await tab.screenshot({ path: artifact('page-arxiv-abs-note.png') });

    await tab.reload();
    await expect.poll(() => noteFrame(tab).getByTestId('note-text').inputValue(), WAIT).toBe(secret);
    expect(await hostPageText(tab)).not.toContain('7f3a9');
    await tab.close();
  });

  it('saves a note whose tab is closed 100 ms after the last keystroke', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.absOld);
    const editor = await openPaperNote(tab);
    await editor.pressSequentially('closed fast 51c2', { delay: 5 });
    await tab.waitForTimeout(100);
    await tab.close({ runBeforeUnload: true });

    const again = await openSitePage(current(), SITE_PAGES.absOld);
    await expect.poll(() => noteFrame(again).getByTestId('note-text').inputValue(), WAIT).toBe('closed fast 51c2');
    await again.close();
  });

  it('loses nothing when the service worker is stopped in the middle of an edit', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.absNew);
    const editor = await openPaperNote(tab);
    const before = await editor.inputValue();
    await editor.press('End');
    await editor.pressSequentially(' first half', { delay: 5 });
    await stopServiceWorker(current(), tab);
    await editor.pressSequentially(' second half', { delay: 5 });
    await expect.poll(() => noteFrame(tab).getByTestId('note-status').textContent(), WAIT).toBe('Saved');
    await tab.reload();
    await expect.poll(() => noteFrame(tab).getByTestId('note-text').inputValue(), WAIT).toBe(`${before} first half second half`);
    await tab.close();
  });
});

describe('the reading queue', () => {
  it('queues papers from search-page badges, shows them in the popup in order, and reorders, reads and removes them', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.search);
    const ui = await OurUi.of(tab);
    const TOGGLE = '[data-testid=digestlens-queue-toggle]';
    const queuedState = async (i: number) => (await ui.all(TOGGLE))[i]?.attributes['data-queued'];
    await expect.poll(() => ui.count(TOGGLE), WAIT).toBe(3);
    for (let i = 0; i < 3; i++) {
      await ui.click(TOGGLE, i);
      await expect.poll(() => queuedState(i), WAIT).toBe('true');
    }
    await tab.screenshot({ path: artifact('page-arxiv-search-queued.png') });

    const popup = await current().openPage('popup.html#queue', { width: 460, height: 600 });
    const titles = () => popup.getByTestId('queue-title').allTextContents();
    const [first, second, third] = [
      searched[0]?.title,
      searched[49]?.title,
      'Reveal Hidden Pitfalls Navigate Next Generation of Vector Similarity Search from Task-Centric Views',
    ];
    await expect.poll(titles, WAIT).toEqual([first, second, third]);
    expect(
      await current().worker.evaluate(() =>
        (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}),
      ),
    ).toBe('3');

    // Reorder with a button, then with the keyboard (Alt+↑ on the focused row).
    await popup.getByTestId('queue-down').first().click();
    await expect.poll(titles, WAIT).toEqual([second, first, third]);
    await popup.getByTestId('queue-item').nth(2).focus();
    await popup.keyboard.press('Alt+ArrowUp');
    await expect.poll(titles, WAIT).toEqual([second, third, first]);

    // Read: it leaves the queue for the Read list, and the page's badge follows.
    await popup.getByTestId('queue-read').first().click();
    await expect.poll(titles, WAIT).toEqual([third, first]);
    await expect.poll(() => popup.getByTestId('read-item').count(), WAIT).toBe(1);
    await expect.poll(() => queuedState(1), WAIT).toBe('false');

    // Remove, then undo: back in its place.
    await popup.getByTestId('queue-remove').nth(1).click();
    await expect.poll(titles, WAIT).toEqual([third]);
    await popup.getByTestId('queue-undo').click();
    await expect.poll(titles, WAIT).toEqual([third, first]);
    await popup.screenshot({ path: artifact('popup-queue.png') });
    await popup.close();
    await tab.close();
  });
});

describe('backup through the Library page', () => {
  it('exports everything, restores it into an empty profile, and exports the same document again', async () => {
    const source = await launchExtension();
    let exported: Record<string, unknown>;
    try {
      await importSamplesAndFixtureDigest(source);
      const tab = await openSitePage(source, SITE_PAGES.absNew);
      await writeNote(tab, 'a note to back up 0c4e');
      await tab.close();
      const library = await source.openPage('library.html#backup');
      const download = library.waitForEvent('download');
      await library.getByTestId('backup-export').click();
      exported = JSON.parse(readFileSync((await (await download).path()) as string, 'utf8'));
    } finally {
      await source.close();
    }

    const target = await launchExtension();
    try {
      const library = await target.openPage('library.html#backup');
      const file = artifact('backup-roundtrip.json');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(file, JSON.stringify(exported));
      await library.getByTestId('backup-restore-input').setInputFiles(file);
      await expect.poll(() => library.getByTestId('backup-result').textContent(), WAIT).toMatch(/125 papers added/);
      await library.screenshot({ path: artifact('library-backup.png') });

      const download = library.waitForEvent('download');
      await library.getByTestId('backup-export').click();
      const again = JSON.parse(readFileSync((await (await download).path()) as string, 'utf8'));
      expect({ ...again, exportedAt: null }).toEqual({ ...exported, exportedAt: null });

      await library.goto(library.url().replace('#backup', '#notes'));
      await library.reload();
      await expect
        .poll(() => library.getByTestId('note-item').allTextContents(), WAIT)
        .toEqual([expect.stringContaining('a note to back up 0c4e')]);
    } finally {
      await target.close();
    }
  });
});
