/**
 * Takes the README's screenshots with the built extension (`npx wxt build` first): the popup
 * after importing the sample digests, and the saved arXiv abstract page with its badge, related
 * papers and note editor. Writes docs/screenshot-*.png.
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
