/**
 * The content scripts in Firefox on the real saved arXiv and Hugging Face pages, served at their
 * real URLs, with the fixture digests imported (tests/support/site-pages.ts): badges, the related
 * panel and the note frame on the abstract page, badges on the Hugging Face daily page. What the
 * badges claim is checked against the database.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { fixtureDigestPapers, SITE_PAGES } from '../support/site-pages';
import { extensionPage, tableRows } from './extension-db';
import { firefoxAvailable } from './harness';
import { OurUi } from './our-ui';
import { openPaperNote } from './paper-note';
import { sessionForThisFile } from './session';

const WAIT = { timeout: 15_000 };
const READY_PANEL = '[data-testid=digestlens-panel][data-state=ready]';
const RELATED_ITEM = '[data-testid=digestlens-related-item]';
const { absPaper, daily } = fixtureDigestPapers();

/** The title each badge sits beside: the element it is in, or the title link before it. */
function badgeTitles(tab: Page): Promise<string[]> {
  return tab.$$eval('digestlens-badge', (hosts) =>
    hosts.map((host) => {
      const titleElement = host.previousElementSibling?.tagName === 'A' ? host.previousElementSibling : host.parentElement;
      return (titleElement?.textContent ?? '')
        .replace(/^Title:/, '')
        .replace(/\s+/g, ' ')
        .trim();
    }),
  );
}

describe.runIf(firefoxAvailable())('DigestLens in Firefox ESR: annotating saved arXiv and Hugging Face pages', () => {
  const current = sessionForThisFile({ digests: 'fixtures' });

  it('badges the abstract page’s own paper, says it has no strong match, puts the note after the panel; on the 2007 page lists its one strong match with shared terms', async () => {
    const tab = await current().openSitePage(SITE_PAGES.absNew);
    const ui = OurUi.of(tab);
    await expect.poll(() => ui.count(READY_PANEL), WAIT).toBe(1);
    expect(await badgeTitles(tab)).toEqual([absPaper?.title]);
    // The badge names the digest the database lists the paper in.
    const [badge] = await ui.texts('.badge', 'digestlens-badge');
    const digests = await tableRows<{ date: string }>(await extensionPage(current()), 'digests');
    expect(digests.map((d) => d.date)).toContain('2026-11-21');
    expect(badge).toMatch(/^◆Digest Nov 21 ▲1/);
    // Its best match is below the calibrated strength (lib/related/strength-scale.ts): no filler rows.
    expect(await ui.count(RELATED_ITEM, 'digestlens-panel')).toBe(0);
    // The panel follows the abstract, and the note follows the panel (collapsed until used).
    expect(await tab.$eval('digestlens-panel', (host) => host.previousElementSibling?.matches('blockquote.abstract'))).toBe(true);
    expect(await tab.$eval('digestlens-panel', (host) => host.nextElementSibling?.localName)).toBe('digestlens-note');
    const editor = await openPaperNote(tab);
    expect(await editor.$eval('[data-testid=note-text]', (e) => e.localName)).toBe('textarea');
    expect(await tab.$eval('iframe[src*="note-editor.html"]', (frame) => (frame as HTMLIFrameElement).src.split('?')[0])).toMatch(
      /^moz-extension:\/\/[0-9a-f-]+\/note-editor\.html$/,
    );
    await tab.close();

    const old = await current().openSitePage(SITE_PAGES.absOld);
    const oldUi = OurUi.of(old);
    await expect.poll(() => oldUi.count(READY_PANEL), WAIT).toBe(1);
    await expect.poll(() => oldUi.count(RELATED_ITEM, 'digestlens-panel'), WAIT).toBe(1);
    await oldUi.click('[data-testid=digestlens-related-more]');
    await expect.poll(() => oldUi.count('[data-testid=digestlens-related-terms]', 'digestlens-panel'), WAIT).toBe(1);
    const [shared] = await oldUi.texts('[data-testid=digestlens-related-terms]', 'digestlens-panel');
    expect(shared?.startsWith('Shared terms: ')).toBe(true);
    await old.close();
  });

  it('badges exactly the two digest papers of the Hugging Face daily page', async () => {
    const tab = await current().openSitePage(SITE_PAGES.hfDaily);
    await expect.poll(() => tab.$$eval('digestlens-badge', (hosts) => hosts.length), WAIT).toBe(2);
    expect(await badgeTitles(tab)).toEqual([daily[0]?.title, daily[2]?.title]);
    const ui = OurUi.of(tab);
    await expect.poll(() => ui.count('[data-testid=digestlens-queue-toggle]', 'digestlens-badge'), WAIT).toBe(2);
    expect(await tab.$$('digestlens-panel')).toHaveLength(0);
    await tab.close();
  });
});
