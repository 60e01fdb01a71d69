/**
 * Takes the README's screenshots with the built extension (`npx wxt build` first): the popup
 * after importing the sample digests, the Library page (search with filters, a digest opened, a
 * paper's view), and the saved arXiv abstract page with its badge, related papers and note
 * editor. Writes docs/screenshot-*.png.
 */
import { join } from 'node:path';
import { launchExtension, REPO_ROOT } from '../tests/browser/harness';
import { importSamplesAndFixtureDigest, openSitePage, SITE_PAGES } from '../tests/browser/site-pages';

async function main() {
  const session = await launchExtension();
  try {
    await importSamplesAndFixtureDigest(session);
    const popup = await session.openPage('popup.html#library', { width: 460, height: 560 });
    await popup.getByTestId('search-input').fill('entropy policy');
    await popup.getByTestId('search-result').first().waitFor();
    await popup.screenshot({ path: join(REPO_ROOT, 'docs/screenshot-popup.png') });

    const library = await session.openPage('library.html#library', { width: 1280, height: 860 });
    await library.getByTestId('search-input').fill('entropy');
    await library.getByTestId('search-result').first().waitFor();
    await library.screenshot({ path: join(REPO_ROOT, 'docs/screenshot-library-search.png') });
    await library.getByTestId('search-input').fill('');
    await library.getByTestId('open-digest').first().click();
    await library.getByTestId('digest-view').waitFor();
    await library.screenshot({ path: join(REPO_ROOT, 'docs/screenshot-library-digest.png') });
    await library.getByTestId('paper-open').nth(2).click();
    await library.getByTestId('paper-view').waitFor();
    await library
      .getByTestId('note-text')
      .fill('Entropy collapse in private inference: compare $H(p) = -\\sum_i p_i \\log p_i$ with 2510.14968.');
    await library.getByTestId('library-back').click();
    await library.getByTestId('digest-view').waitFor();
    await library.getByTestId('paper-open').nth(2).click();
    await library.getByTestId('paper-note').locator('.katex').first().waitFor();
    await library.screenshot({ path: join(REPO_ROOT, 'docs/screenshot-library-paper.png') });

    const tab = await openSitePage(session, SITE_PAGES.absNew);
    await tab.setViewportSize({ width: 1100, height: 1000 });
    await tab.locator('[data-testid=digestlens-panel][data-state=ready]').waitFor();
    const editor = tab.frameLocator('iframe[src*="note-editor.html"]').getByTestId('note-text');
    await editor.fill(
      'Compare with **TOMATOES** (latent heat storage): same nonlinear heat equation, $\\rho c_p \\partial_t T$.\n\n- check the 227× GPU speed-up claim',
    );
    await tab.locator('h1.title').scrollIntoViewIfNeeded();
    await tab.evaluate(() => window.scrollTo(0, (document.querySelector('h1.title') as HTMLElement).offsetTop - 20));
    await tab.waitForTimeout(500);
    await tab.screenshot({ path: join(REPO_ROOT, 'docs/screenshot-abs.png') });
  } finally {
    await session.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
