/**
 * The note under a paper page's abstract, opened in Firefox as a user opens it: collapsed to
 * "✎ Add a note" until the paper has one (a paper with a note shows it open), opened with a trusted
 * click, scrolled into view (the editor takes no input while off screen), and waited on until it
 * takes input. The Chromium suite's twin is tests/browser/paper-note.ts.
 */
import type { Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { OurUi } from './our-ui';

const WAIT = { timeout: 15_000 };
const NOTE_FRAME = 'iframe[src*="note-editor.html"]';

export async function openPaperNote(tab: Page): Promise<Frame> {
  const ui = OurUi.of(tab);
  const state = async () =>
    (await tab.$(NOTE_FRAME))
      ? 'open'
      : (await ui.count('[data-testid=digestlens-note-add]', 'digestlens-note')) > 0
        ? 'collapsed'
        : 'loading';
  await expect.poll(state, WAIT).not.toBe('loading');
  if ((await state()) === 'collapsed') await ui.click('[data-testid=digestlens-note-add]', 0, 'digestlens-note');
  const iframe = await tab.waitForSelector(NOTE_FRAME, WAIT);
  await iframe?.evaluate((frame) => frame.scrollIntoView({ block: 'center' }));
  const frame = await iframe?.contentFrame();
  if (!frame) throw new Error('the note editor frame has no document');
  await frame.waitForSelector('[data-testid=note-text]', WAIT);
  await expect.poll(() => frame.$eval('[data-testid=note-text]', (e) => (e as HTMLTextAreaElement).readOnly), WAIT).toBe(false);
  return frame;
}
