/**
 * The note under a paper page's abstract, opened as a user opens it: the note is collapsed to
 * "✎ Add a note" until the paper has one (issue 11), and its editor takes input only while the user
 * can see it (issue 9), so it is opened with a trusted click, scrolled into view, and waited on
 * until it takes input.
 */

import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { OurUi } from './session';

const WAIT = { timeout: 15_000 };
export const NOTE_FRAME = 'iframe[src*="note-editor.html"]';

export function noteFrame(tab: Page): FrameLocator {
  return tab.frameLocator(NOTE_FRAME);
}

/** Opens the page's note (a paper that has one shows it open already), in view; returns its text field. */
export async function openPaperNote(tab: Page): Promise<Locator> {
  const ui = await OurUi.of(tab);
  try {
    // Either the note is open already (the paper has one) or "✎ Add a note" shows; wait for one.
    const state = async () =>
      (await tab.locator(NOTE_FRAME).count()) > 0
        ? 'open'
        : (await ui.count('[data-testid=digestlens-note-add]', 'digestlens-note')) > 0
          ? 'collapsed'
          : 'loading';
    await expect.poll(state, WAIT).not.toBe('loading');
    if ((await state()) === 'collapsed') await ui.click('[data-testid=digestlens-note-add]', 0, 'digestlens-note');
  } finally {
    await ui.detach();
  }
  const editor = noteFrame(tab).getByTestId('note-text');
  await editor.waitFor(WAIT);
  await tab.locator(NOTE_FRAME).evaluate((frame) => frame.scrollIntoView({ block: 'center' }));
  await expect.poll(() => editor.evaluate((e) => (e as HTMLTextAreaElement).readOnly), WAIT).toBe(false);
  return editor;
}
