/**
 * Issue 9, point 5: a page cannot collect the user's typing into their real note. The editor's
 * address changes every session (`use_dynamic_url`), so the page cannot frame it at the address
 * it knows; and the editor DigestLens frames takes no input while the page makes it transparent or
 * covers it. The editor opened in a tab stores nothing before the first save.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPaperNote } from './paper-note';
import { sessionForThisFile } from './session';
import { openSitePage, SITE_PAGES } from './site-pages';
import { storedNotes, storedRows } from './stored-rows';

const WAIT = { timeout: 15_000 };
const PAPER_ID = 'arxiv:0704.0001';
const FRAME = 'iframe[src*="note-editor.html"]';

const current = sessionForThisFile({ digests: 'none' });

function editorIn(tab: Page): FrameLocator {
  return tab.frameLocator(FRAME);
}

/** The page's script, on the frame's element: nothing, a transparent ancestor, or a cover that lets clicks through. */
function hideFrame(frame: Element, how: 'none' | 'transparent' | 'covered'): void {
  const ancestor = frame.parentElement?.parentElement;
  if (how === 'transparent' && ancestor instanceof HTMLElement) ancestor.style.opacity = '0';
  if (how === 'covered') {
    const box = frame.getBoundingClientRect();
    const cover = document.createElement('div');
    cover.textContent = 'Search arXiv';
    cover.style.cssText = `position:fixed;background:white;pointer-events:none;z-index:99999;left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
    document.body.append(cover);
  }
}

/** Opens the abstract page with its note editor in view, then runs the page's script on the frame. */
async function openWithFrame(how: 'none' | 'transparent' | 'covered'): Promise<Page> {
  const tab = await openSitePage(current(), SITE_PAGES.absOld);
  await openPaperNote(tab);
  await tab.locator(FRAME).evaluate(hideFrame, how);
  await tab.waitForTimeout(600);
  return tab;
}

/** The user clicks where the editor is and types. */
async function typeInto(tab: Page, text: string): Promise<void> {
  await editorIn(tab).getByTestId('note-text').click({ force: true });
  await tab.keyboard.type(text, { delay: 10 });
  await tab.waitForTimeout(1500);
}

describe('the note editor on a page that hides or covers it', () => {
  it('stores what is typed when it is shown as DigestLens put it (the cases below could fail)', async () => {
    const tab = await openWithFrame('none');
    await typeInto(tab, 'shown');
    expect((await storedNotes(current())).get(PAPER_ID)).toBe('shown');
    await tab.close();
  });

  it('stores nothing typed while the page makes the frame transparent, and says why', async () => {
    const tab = await openWithFrame('transparent');
    expect(await editorIn(tab).getByTestId('note-hidden').textContent()).toMatch(/^Typing is paused/);
    await typeInto(tab, ' typed while transparent');
    expect((await storedNotes(current())).get(PAPER_ID)).toBe('shown');
    await tab.close();
  });

  it('stores nothing typed while the page covers the frame with an element that lets clicks through', async () => {
    const tab = await openWithFrame('covered');
    await typeInto(tab, ' typed while covered');
    expect((await storedNotes(current())).get(PAPER_ID)).toBe('shown');
    await tab.close();
  });

  it('cannot be framed by the page at the address it knows (the static extension URL)', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.absOld);
    await openPaperNote(tab);
    const { extensionId } = current();
    await tab.evaluate((id) => {
      const frame = document.createElement('iframe');
      frame.id = 'planted';
      frame.src = `chrome-extension://${id}/note-editor.html?title=Planted&arxivId=0704.0001`;
      document.body.prepend(frame);
    }, extensionId);
    await tab.waitForTimeout(2000);
    expect(await tab.frameLocator('#planted').getByTestId('note-text').count()).toBe(0);
    await tab.close();
  });
});

describe('the note editor in a tab of its own', () => {
  it('stores no paper when it opens, only at the first save', async () => {
    const papersBefore = (await storedRows(current(), ['papers'])).papers?.length ?? 0;
    const tab = await current().openPage('note-editor.html?title=A+Paper+Planted+By+A+Page&url=https%3A%2F%2Farxiv.org%2Fabs%2F2601.00001');
    const editor = tab.getByTestId('note-text');
    await editor.waitFor(WAIT);
    await expect.poll(() => editor.evaluate((e) => (e as HTMLTextAreaElement).readOnly), WAIT).toBe(false);
    await tab.waitForTimeout(500);
    expect((await storedRows(current(), ['papers'])).papers?.length ?? 0).toBe(papersBefore);
    await editor.fill('now it is a note');
    await expect.poll(() => tab.getByTestId('note-status').textContent(), WAIT).toBe('Saved');
    expect((await storedRows(current(), ['papers'])).papers?.length ?? 0).toBe(papersBefore + 1);
    await tab.close();
  });
});
