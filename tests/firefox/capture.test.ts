/**
 * The one-click capture in Firefox: "+ Add this page to my digests" on the saved Hugging Face
 * daily page (2026-09-28, served at its real address) in an empty profile stores its 28 papers
 * with their arXiv ids, badges every card, and a second click adds nothing. The database is read
 * from an extension page; the click is a trusted mouse click (tests/firefox/our-ui.ts).
 */
import { describe, expect, it } from 'vitest';
import { papersOn, SITE_PAGES } from '../support/site-pages';
import { extensionPage, tableRows } from './extension-db';
import { firefoxAvailable } from './harness';
import { OurUi } from './our-ui';
import { sessionForThisFile } from './session';

const WAIT = { timeout: 20_000 };
const CAPTURE = '[data-testid=digestlens-capture]';
const RESULT = '[data-testid=digestlens-capture-result]';

describe.runIf(firefoxAvailable())('DigestLens in Firefox ESR: capturing the page you are on', () => {
  const current = sessionForThisFile({ digests: 'none' });

  it('adds the Hugging Face daily page: 28 papers of Sep 28 with their ids, a badge on each card; again, nothing', async () => {
    const tab = await current().openSitePage(SITE_PAGES.hfDaily);
    const ui = OurUi.of(tab);
    await expect.poll(() => ui.count(CAPTURE, 'digestlens-capture'), WAIT).toBe(1);
    const resultAfterClick = async () => {
      const before = (await ui.texts(RESULT, 'digestlens-capture'))[0] ?? '';
      await ui.click(CAPTURE, 0, 'digestlens-capture');
      let result = '';
      await expect
        .poll(async () => {
          result = (await ui.texts(RESULT, 'digestlens-capture'))[0] ?? '';
          return result !== '' && result !== 'Adding…' && result !== before;
        }, WAIT)
        .toBe(true);
      return result;
    };
    expect(await resultAfterClick()).toBe('digest of Sep 28, 2026: 28 new papers, 0 already known, 28 entries');
    const stored = await tableRows<{ arxivId: string | null }>(await extensionPage(current()), 'papers');
    expect(stored.map((p) => p.arxivId).sort()).toEqual(
      papersOn(SITE_PAGES.hfDaily)
        .map((p) => p.arxivId)
        .sort(),
    );
    await expect.poll(() => tab.$$eval('digestlens-badge', (hosts) => hosts.length), WAIT).toBe(28);
    expect(await resultAfterClick()).toBe('already imported (digest of Sep 28, 2026, 28 papers): nothing added');
    await tab.close();
  });
});
