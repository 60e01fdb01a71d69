/**
 * Issue 9, points 2 and 9, in the framed note editor: a text over the length limit is not sent and
 * the editor says so, then saves once it is cut back; spell-check is off unless the user turns it on.
 */
import { describe, expect, it } from 'vitest';
import { openPaperNote } from './paper-note';
import { sessionForThisFile } from './session';
import { openSitePage, SITE_PAGES } from './site-pages';
import { storedNotes } from './stored-rows';

const WAIT = { timeout: 30_000 };
const FRAME = 'iframe[src*="note-editor.html"]';
const MAX_NOTE_LENGTH = 5_000_000;

const current = sessionForThisFile({ digests: 'none' });

describe('the framed note editor', () => {
  it('says a text over 5,000,000 characters is too long, saves nothing of it, and saves again once it is cut back', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.absOld);
    const frame = tab.frameLocator(FRAME);
    const editor = await openPaperNote(tab);
    await tab.locator(FRAME).evaluate((f) => f.scrollIntoView({ block: 'center' }));
    await expect.poll(() => editor.evaluate((e) => (e as HTMLTextAreaElement).readOnly), WAIT).toBe(false);
    await editor.fill('short note');
    await expect.poll(() => frame.getByTestId('note-status').textContent(), WAIT).toBe('Saved');

    await editor.fill('x'.repeat(MAX_NOTE_LENGTH + 1));
    await expect.poll(() => frame.getByTestId('note-status').textContent(), WAIT).toBe('Not saved: too long');
    expect(await frame.getByTestId('note-error').textContent()).toBe('This note is over 5,000,000 characters: shorten it to save it.');
    expect((await storedNotes(current())).get('arxiv:0704.0001')).toBe('short note');

    await editor.fill('cut back');
    await expect.poll(() => frame.getByTestId('note-status').textContent(), WAIT).toBe('Saved');
    expect((await storedNotes(current())).get('arxiv:0704.0001')).toBe('cut back');
    await tab.close();
  });

  it('has spell-check off by default (the noteSpellcheck setting)', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.absOld);
    const editor = await openPaperNote(tab);
    await expect.poll(() => editor.getAttribute('spellcheck'), WAIT).toBe('false');
    await tab.close();
  });
});
