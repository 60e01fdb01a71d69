/**
 * The content scripts on the real saved arXiv and Hugging Face pages, served at their real URLs,
 * with the three sample digests and one digest made here from papers those pages show (so that
 * there is something to mark on each). Needs `npx wxt build` first.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, OurUi, sessionForThisFile } from './session';
import { fixtureDigestPapers, openSitePage, pageHtml, SITE_PAGES } from './site-pages';

const WAIT = { timeout: 15_000 };
const READY_PANEL = '[data-testid=digestlens-panel][data-state=ready]';
const RELATED_ITEM = '[data-testid=digestlens-related-item]';

const { absPaper, listed, searched, daily, searchedFuzzy } = fixtureDigestPapers();

async function badgeTitles(tab: Page): Promise<string[]> {
  // Each badge sits beside its title: read the title text of the element the badge is in or after.
  return tab.locator('digestlens-badge').evaluateAll((hosts) =>
    hosts.map((host) => {
      const titleElement = host.previousElementSibling?.tagName === 'A' ? host.previousElementSibling : host.parentElement;
      return (titleElement?.textContent ?? '')
        .replace(/^Title:/, '')
        .replace(/\s+/g, ' ')
        .trim();
    }),
  );
}

async function waitForAnnotations(tab: Page) {
  // The lookup answers in one message, so badges appear together; give the markers time too.
  await tab.waitForTimeout(300);
  await tab.waitForLoadState('load');
}

describe('annotating saved arXiv and Hugging Face pages', () => {
  const current = sessionForThisFile({ digests: 'fixtures' });

  it('marks the abstract page’s own paper, and says its digests hold no strong match for it (its best, 0.203, is under 0.23)', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.absNew);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count(READY_PANEL), WAIT).toBe(1);
    expect(await badgeTitles(tab)).toEqual([absPaper?.title]);
    expect(await ui.texts('[data-testid=digestlens-related-none]', 'digestlens-panel')).toEqual(['No strong matches in your digests.']);
    expect(await ui.count(RELATED_ITEM, 'digestlens-panel')).toBe(0);
    // The panel follows the abstract; the title did not move from where the page put it.
    expect(await tab.locator('digestlens-panel').evaluate((host) => host.previousElementSibling?.matches('blockquote.abstract'))).toBe(
      true,
    );
    await tab.screenshot({ path: artifact('page-arxiv-abs.png'), fullPage: false });
    await tab.close();
  });

  it('lists, for a paper that is in no digest and has no badge, its one strong digest match with its shared terms', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.absOld);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count(READY_PANEL), WAIT).toBe(1);
    expect(await tab.locator('digestlens-badge').count()).toBe(0);
    // Collapsed (the default setting): one-line rows with a strength word; "More" opens the details.
    expect(await ui.texts(`${RELATED_ITEM} .title`, 'digestlens-panel')).toEqual([searched[0]?.title]);
    expect(await ui.texts('[data-testid=digestlens-related-strength]', 'digestlens-panel')).toEqual(['good']);
    await ui.click('[data-testid=digestlens-related-more]');
    await expect.poll(() => ui.count(`${RELATED_ITEM} [data-testid=digestlens-related-terms]`, 'digestlens-panel'), WAIT).toBe(1);
    const [terms] = await ui.texts(`${RELATED_ITEM} [data-testid=digestlens-related-terms]`, 'digestlens-panel');
    expect(terms?.startsWith('Shared terms: ')).toBe(true);
    await tab.screenshot({ path: artifact('page-arxiv-abs-2018.png') });
    await tab.close();
  });

  it('badges exactly the digest papers of a listing, matched by title, and learns their arXiv ids', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.listNew);
    await expect.poll(() => tab.locator('digestlens-badge').count(), WAIT).toBe(2);
    await waitForAnnotations(tab);
    expect(await badgeTitles(tab)).toEqual([listed[0]?.title, listed[2]?.title]);
    await tab.screenshot({ path: artifact('page-arxiv-listing.png') });
    await tab.close();

    // The listing showed NTBuilder's id: the Library now links it to arXiv.
    const popup = await current().openPage('popup.html');
    await popup.getByTestId('search-input').fill('NTBuilder');
    await expect.poll(() => popup.getByTestId('search-result').first().textContent(), WAIT).toContain(`arXiv:${listed[2]?.arxivId}`);
    await popup.close();
  });

  it('badges three of the 200 search results, one through a fuzzy title match, and marks one other as related', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.search);
    await expect.poll(() => tab.locator('digestlens-badge').count(), WAIT).toBe(3);
    await waitForAnnotations(tab);
    expect(await badgeTitles(tab)).toEqual([searched[0]?.title, searched[49]?.title, searchedFuzzy?.title]);
    expect(await tab.locator('li.arxiv-result').count()).toBe(200);
    const markers = await tab
      .locator('digestlens-marker')
      .evaluateAll((hosts) => hosts.map((h) => h.parentElement?.textContent?.replace(/\s+/g, ' ').trim()));
    // The one unknown result close enough to a digest paper (it shares that paper's abstract) gets the faint marker.
    expect(markers).toEqual([searched[120]?.title]);
    await tab.screenshot({ path: artifact('page-arxiv-search.png') });
    await tab.close();
  });

  it('leaves the 2017 listing, which holds no digest paper, as it was', async () => {
    const errors: string[] = [];
    const tab = await current().context.newPage();
    tab.on('console', (m) => {
      if (m.type() === 'error' && m.text().includes('DigestLens')) errors.push(m.text());
    });
    await tab.route(SITE_PAGES.listLegacy.url, (r) => r.fulfill({ contentType: 'text/html', body: pageHtml(SITE_PAGES.listLegacy) }));
    await tab.goto(SITE_PAGES.listLegacy.url);
    await waitForAnnotations(tab);
    await tab.waitForTimeout(700);
    expect(await tab.locator('digestlens-badge').count()).toBe(0);
    expect(await tab.locator('digestlens-marker').count()).toBe(0);
    expect(await tab.locator('digestlens-panel').count()).toBe(0);
    expect(errors).toEqual([]);
    await tab.screenshot({ path: artifact('page-arxiv-listing-2017.png') });
    await tab.close();
  });

  it('badges the digest papers on the Hugging Face daily page and replaces its UI on in-page navigation', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.hfDaily);
    await expect.poll(() => tab.locator('digestlens-badge').count(), WAIT).toBe(2);
    expect(await badgeTitles(tab)).toEqual([daily[0]?.title, daily[2]?.title]);
    await tab.screenshot({ path: artifact('page-hf-daily.png') });

    // The site swaps its content and pushes the new URL without a reload, as a single-page app does.
    const navigate = (html: string, path: string) =>
      tab.evaluate(
        ({ html, path }) => {
          const next = new DOMParser().parseFromString(html, 'text/html');
          history.pushState({}, '', path);
          document.body.replaceChildren(...Array.from(next.body.childNodes));
        },
        { html, path },
      );
    await navigate(pageHtml(SITE_PAGES.hfPaper), '/papers/2608.09888');
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count(READY_PANEL), WAIT).toBe(1);
    expect(await tab.locator('digestlens-badge').count()).toBe(0);
    await tab.screenshot({ path: artifact('page-hf-paper.png') });

    // Another paper: one panel, answering for the new paper.
    const other = daily[0];
    const otherHtml = pageHtml(SITE_PAGES.hfPaper)
      .replaceAll('2608.09888', other?.arxivId ?? '')
      .replaceAll('BDH-CQ: In-Context Learning with Recurrent Latent Reasoning', other?.title ?? '');
    // (Both papers may have no strong match, so the new panel is told by being a new element.)
    await tab.evaluate(() => Object.assign(window, { firstPanel: document.querySelector('digestlens-panel') }));
    await navigate(otherHtml, `/papers/${other?.arxivId}`);
    await expect
      .poll(
        async () =>
          (await ui.count(READY_PANEL)) === 1 &&
          (await tab.evaluate(
            () => document.querySelector('digestlens-panel') !== (window as unknown as { firstPanel: Element }).firstPanel,
          )),
        WAIT,
      )
      .toBe(true);
    expect(await tab.locator('digestlens-panel').count()).toBe(1);
    await tab.close();
  });
});
