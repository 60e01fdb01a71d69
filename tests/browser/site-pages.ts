/**
 * The saved pages (tests/support/site-pages.ts) in Chromium: served at their real URLs through
 * Playwright, and the fixture digests imported through the popup.
 */
import type { Page } from 'playwright-core';
import { FIXTURE_PAPER_COUNT, fixtureDigestFiles, pageHtml, type SitePage } from '../support/site-pages';
import type { ExtensionSession } from './harness';

export { digestText, fixtureDigestPapers, pageHtml, papersOn, SITE_PAGES, type SitePage } from '../support/site-pages';

/** Serves the saved page at its real URL (later routes win over the harness's catch-all 404). */
export async function openSitePage(session: ExtensionSession, page: SitePage, html = pageHtml(page)): Promise<Page> {
  const tab = await session.context.newPage();
  await tab.setViewportSize({ width: 1200, height: 900 });
  await tab.route(page.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
  return tab;
}

/** Imports the three sample digests and the digest of fixture papers through the popup's file input. */
export async function importSamplesAndFixtureDigest(session: ExtensionSession): Promise<void> {
  const popup = await session.openPage('popup.html#library');
  await popup.setInputFiles('[data-testid=file-input]', fixtureDigestFiles());
  await popup.waitForSelector('[data-testid=import-progress][data-running=false]', { timeout: 30_000 });
  const count = await popup.getByTestId('paper-count').textContent();
  if (count !== String(FIXTURE_PAPER_COUNT)) {
    throw new Error(`expected ${FIXTURE_PAPER_COUNT} papers after importing the fixture digests, the popup shows ${count}`);
  }
  await popup.close();
}
