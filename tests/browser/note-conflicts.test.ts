/**
 * Issue 9, point 7: two tabs on one note. A tab whose port closed (the worker stopped) did not
 * hear the other tab's newer text; when it is typed into, it does not silently overwrite that
 * text: it shows the conflict, and both texts are kept.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPaperNote } from './paper-note';
import { sessionForThisFile } from './session';
import { openSitePage, SITE_PAGES } from './site-pages';
import { keepWorkerBusy, stopServiceWorker, storedRows } from './stored-rows';

const WAIT = { timeout: 20_000 };
const PAPER_ID = 'arxiv:0704.0001';
const FRAME = 'iframe[src*="note-editor.html"]';

const current = sessionForThisFile({ digests: 'none' });

async function openEditor(): Promise<Page> {
  const tab = await openSitePage(current(), SITE_PAGES.absOld);
  const editor = await openPaperNote(tab);
  await tab.locator(FRAME).evaluate((frame) => frame.scrollIntoView({ block: 'center' }));
  await expect.poll(() => editor.evaluate((e) => (e as HTMLTextAreaElement).readOnly), WAIT).toBe(false);
  return tab;
}

describe('a stale tab about to overwrite a newer text', () => {
  it('shows the conflict and keeps both texts', async () => {
    const stale = await openEditor();
    const fresh = await openEditor();
    const freshEditor = fresh.frameLocator(FRAME).getByTestId('note-text');
    await freshEditor.click();
    // The worker stops: the stale tab (no focus, nothing to save) stays without a port.
    await stopServiceWorker(current(), fresh);
    await freshEditor.pressSequentially('newer text from the fresh tab', { delay: 5 });
    await expect.poll(() => fresh.frameLocator(FRAME).getByTestId('note-status').textContent(), WAIT).toBe('Saved');

    // The user goes back to the stale tab and types before its new port has told it anything.
    await stale.bringToFront();
    await keepWorkerBusy(current(), 1500);
    const staleEditor = stale.frameLocator(FRAME).getByTestId('note-text');
    await staleEditor.click();
    await staleEditor.pressSequentially('stale tab', { delay: 5 });

    await expect.poll(() => stale.frameLocator(FRAME).getByTestId('note-conflict').count(), WAIT).toBe(1);
    const { notes = [], noteVersions = [] } = await storedRows(current(), ['notes', 'noteVersions']);
    const texts = [
      ...(notes as Array<{ paperId: string; text: string }>).filter((n) => n.paperId === PAPER_ID).map((n) => n.text),
      ...(noteVersions as Array<{ paperId: string; text: string }>).filter((v) => v.paperId === PAPER_ID).map((v) => v.text),
    ];
    expect(texts).toContain('newer text from the fresh tab');
    expect(texts.some((t) => t.includes('stale tab'))).toBe(true);
    await stale.close();
    await fresh.close();
  });
});
