/**
 * Issue 9, point 1: a note survives its tab being closed right after typing, with the service
 * worker too busy to answer (as during a large import or a cold start) and with the worker stopped.
 * Every change leaves the editor frame as it is typed; nothing depends on `pagehide`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPaperNote } from './paper-note';
import { sessionForThisFile } from './session';
import { openSitePage, SITE_PAGES } from './site-pages';
import { keepWorkerBusy, stopServiceWorker, storedNotes } from './stored-rows';

const WAIT = { timeout: 15_000 };
const TRIES = 10;
const PAPER_ID = 'arxiv:0704.0001';

const current = sessionForThisFile({ digests: 'none' });

/** Opens the abstract page, and waits for its note editor to show the stored note and take the focus. */
async function openEditor(expected: string): Promise<Page> {
  const tab = await openSitePage(current(), SITE_PAGES.absOld);
  const editor = await openPaperNote(tab);
  // The editor takes input only while the user can see it (issue 9, point 5): bring it into view.
  await tab.locator('iframe[src*="note-editor.html"]').evaluate((frame) => frame.scrollIntoView({ block: 'center' }));
  await expect.poll(() => editor.inputValue(), WAIT).toBe(expected);
  await expect.poll(() => editor.evaluate((e) => (e as HTMLTextAreaElement).readOnly), WAIT).toBe(false);
  await editor.click();
  await editor.press('End');
  return tab;
}

/** Types `text` at the end of the note, key by key, as a user does. */
async function type(tab: Page, text: string): Promise<void> {
  await tab.frameLocator('iframe[src*="note-editor.html"]').getByTestId('note-text').pressSequentially(text, { delay: 5 });
}

/** Waits (up to 8 s) for the stored note to be `expected`; returns whether it got there, and what is stored. */
async function storedBecomes(expected: string): Promise<{ kept: boolean; stored: string }> {
  const deadline = Date.now() + 8000;
  let stored = '';
  while (Date.now() < deadline) {
    stored = (await storedNotes(current())).get(PAPER_ID) ?? '';
    if (stored === expected) return { kept: true, stored };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { kept: false, stored };
}

describe('a note typed just before its tab is closed', () => {
  it(`is stored in full with the worker busy for 1.5 s and the tab closed 50 ms after typing (${TRIES} of ${TRIES})`, async () => {
    let expected = '';
    let kept = 0;
    for (let i = 0; i < TRIES; i++) {
      const tab = await openEditor(expected);
      await keepWorkerBusy(current(), 1500);
      const typed = ` busy${i} abcdefghijklmnopqrstu`;
      await type(tab, typed);
      await tab.waitForTimeout(50);
      await tab.close();
      const outcome = await storedBecomes(expected + typed);
      if (outcome.kept) kept++;
      expected = outcome.stored;
    }
    console.log(`worker busy 1.5 s, tab closed 50 ms after typing: ${kept} of ${TRIES} kept every character`);
    expect(kept).toBe(TRIES);
  });

  it(`is stored in full with the worker stopped before typing and the tab closed at once (${TRIES} of ${TRIES})`, async () => {
    let expected = (await storedNotes(current())).get(PAPER_ID) ?? '';
    let kept = 0;
    for (let i = 0; i < TRIES; i++) {
      const tab = await openEditor(expected);
      await stopServiceWorker(current(), tab);
      const typed = ` stopped${i} abcdefghijklmnop`;
      await type(tab, typed);
      await tab.close();
      const outcome = await storedBecomes(expected + typed);
      if (outcome.kept) kept++;
      expected = outcome.stored;
    }
    console.log(`worker stopped, tab closed at once after typing: ${kept} of ${TRIES} kept every character`);
    expect(kept).toBe(TRIES);
  });
});
