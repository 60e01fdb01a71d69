/**
 * "Add this page to my digests" on the real saved pages, served at their real URLs, in a fresh
 * profile (no digest yet): the Hugging Face daily page and both arXiv /new listings, with exact
 * counts and ids, then the badges the capture brings on the same page; a second capture adding
 * nothing; a capture after the Hugging Face page changed its date in place. Needs `npx wxt build`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ExtensionSession, OurUi, sessionForThisFile } from './session';
import { openSitePage, papersOn, SITE_PAGES } from './site-pages';

const WAIT = { timeout: 20_000 };
const CAPTURE = '[data-testid=digestlens-capture]';
const RESULT = '[data-testid=digestlens-capture-result]';

/** The arXiv ids of every stored paper, read in an extension page. */
async function storedArxivIds(session: ExtensionSession): Promise<string[]> {
  const page = await session.openPage('popup.html#library');
  const ids = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('digestlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('papers').objectStore('papers').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as Array<{ arxivId: string | null }>).map((p) => p.arxivId ?? '').sort());
          };
        };
      }),
  );
  await page.close();
  return ids;
}

async function captureOn(tab: Page): Promise<{ ui: OurUi; result: string }> {
  const ui = await OurUi.of(tab);
  await expect.poll(() => ui.count(CAPTURE, 'digestlens-capture'), WAIT).toBe(1);
  const before = (await ui.texts(RESULT, 'digestlens-capture'))[0] ?? '';
  await ui.click(CAPTURE, 0, 'digestlens-capture');
  let result = '';
  await expect
    .poll(async () => {
      result = (await ui.texts(RESULT, 'digestlens-capture'))[0] ?? '';
      return result !== '' && result !== 'Adding…' && result !== before;
    }, WAIT)
    .toBe(true);
  return { ui, result };
}

describe('capturing the page you are on', () => {
  const current = sessionForThisFile({ digests: 'none' });
  let dailyTab: Page;

  it('the Hugging Face daily page: 28 papers of 2026-09-28 with their arXiv ids, then a badge on every card', async () => {
    dailyTab = await openSitePage(current(), SITE_PAGES.hfDaily);
    const { ui, result } = await captureOn(dailyTab);
    expect(result).toBe('digest of Sep 28, 2026: 28 new papers, 0 already known, 28 entries');
    const ids = papersOn(SITE_PAGES.hfDaily).map((p) => p.arxivId ?? '');
    expect(ids).toHaveLength(28);
    expect(await storedArxivIds(current())).toEqual([...ids].sort());
    await expect.poll(() => ui.count('[data-testid=digestlens-badge]', 'digestlens-badge'), WAIT).toBe(28);
    const badges = await ui.texts('[data-testid=digestlens-badge]', 'digestlens-badge');
    expect(badges[0]).toMatch(/^◆Digest Sep 28 ▲110$/);
    // The result line stays after the page's features restarted to show the badges.
    expect(await ui.texts(RESULT, 'digestlens-capture')).toEqual([result]);
  });

  it('a second capture of the same page adds nothing, and says so', async () => {
    const { result } = await captureOn(dailyTab);
    expect(result).toBe('already imported (digest of Sep 28, 2026, 28 papers): nothing added');
    expect(await storedArxivIds(current())).toHaveLength(28);
  });

  it('after the page switched to another day in place, captures the cards it now shows, dated by its address', async () => {
    const ui = await OurUi.of(dailyTab);
    // What the site does when the date changes: a new address without a reload, other cards, the
    // server-rendered data left as it was. Here: 9 of the cards stay.
    await dailyTab.evaluate(() => {
      const articles = [...document.querySelectorAll('article')];
      for (const article of articles.slice(10)) article.remove();
      articles[0]?.remove();
      history.pushState(null, '', '/papers/date/2026-09-25');
    });
    // WXT notices the new address and every feature restarts on the new cards.
    await expect.poll(() => ui.count('[data-testid=digestlens-badge]', 'digestlens-badge'), WAIT).toBe(9);
    await expect.poll(async () => (await ui.texts(RESULT, 'digestlens-capture'))[0] ?? '', WAIT).toBe('');
    const { result } = await captureOn(dailyTab);
    expect(result).toBe('digest of Sep 25, 2026: 0 new papers, 9 already known, 9 entries');
    await expect
      .poll(async () => (await ui.texts('[data-testid=digestlens-badge]', 'digestlens-badge'))[0] ?? '', WAIT)
      .toBe('◆Digest Sep 28 ▲42 +1');
    await dailyTab.close();
  });

  it('the 2026 arXiv /new listing (excerpt): its 5 entries of 2026-09-22, then their badges', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.listNew);
    const { ui, result } = await captureOn(tab);
    expect(result).toBe('digest of Sep 22, 2026: 5 new papers, 0 already known, 5 entries');
    const ids = await storedArxivIds(current());
    for (const id of ['2609.22268', '2609.22287', '2609.22341', '2607.14029', '2607.28461']) expect(ids).toContain(id);
    expect(ids).toHaveLength(33);
    await expect.poll(() => ui.count('[data-testid=digestlens-badge]', 'digestlens-badge'), WAIT).toBe(5);
    expect((await ui.texts('[data-testid=digestlens-badge]', 'digestlens-badge'))[0]).toBe('◆Digest Sep 22');
    await tab.close();
  });

  it('the 2017 legacy listing: its 44 entries of 2017-10-20 in three sections, then their badges', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.listLegacy);
    const { ui, result } = await captureOn(tab);
    expect(result).toBe('digest of Oct 20, 2017: 44 new papers, 0 already known, 44 entries');
    const ids = await storedArxivIds(current());
    expect(ids).toHaveLength(77);
    for (const id of ['1710.06869', '1710.06883', '1404.5746']) expect(ids).toContain(id);
    await expect.poll(() => ui.count('[data-testid=digestlens-badge]', 'digestlens-badge'), WAIT).toBe(44);
    expect((await ui.texts('[data-testid=digestlens-badge]', 'digestlens-badge'))[0]).toBe('◆Digest Oct 20, 2017');
    await tab.close();
  });

  it('shows no capture control where there is no day to capture (search results)', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.search);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count('[data-testid=digestlens-summary]', 'digestlens-summary'), WAIT).toBe(1);
    expect(await ui.count(CAPTURE)).toBe(0);
    await tab.close();
  });
});
