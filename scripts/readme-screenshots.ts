/**
 * Takes the README's screenshots with the built extension (`npx wxt build` first), following the
 * README as a new user does: the three sample digests imported with one click, then today's
 * Hugging Face Daily Papers page (the saved 2026-09-28 page, served at its real address) added
 * with "+ Add this page to my digests". Then: that page with its badges and summary, the popup,
 * the Library page (search with filters, a digest opened, a paper's view), and an arXiv abstract
 * page with its related panel and a note. Nothing comes from a test digest. Writes docs/screenshot-*.png.
 */
import { join } from 'node:path';
import { launchExtension, REPO_ROOT } from '../tests/browser/harness';
import { OurUi } from '../tests/browser/session';
import { openSitePage, SITE_PAGES } from '../tests/browser/site-pages';

async function main() {
  const session = await launchExtension();
  try {
    const start = await session.openPage('popup.html#library', { width: 460, height: 560 });
    await start.getByTestId('import-samples').click();
    await start.getByTestId('next-steps').waitFor({ timeout: 60_000 });
    await start.close();

    const daily = await openSitePage(session, SITE_PAGES.hfDaily);
    await daily.setViewportSize({ width: 1280, height: 900 });
    const dailyUi = await OurUi.of(daily);
    await dailyUi.click('[data-testid=digestlens-capture]', 0, 'digestlens-capture');
    for (let i = 0; i < 100 && (await dailyUi.count('[data-testid=digestlens-badge]', 'digestlens-badge')) === 0; i++) {
      await daily.waitForTimeout(200);
    }
    await daily.waitForTimeout(800);
    await daily.screenshot({ path: join(REPO_ROOT, 'docs/screenshot-daily.png') });
    await dailyUi.detach();
    await daily.close();
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
    const tabUi = await OurUi.of(tab);
    for (let i = 0; i < 100 && (await tabUi.count('[data-testid=digestlens-panel][data-state=ready]')) === 0; i++) {
      await tab.waitForTimeout(200);
    }
    // The note is collapsed to "✎ Add a note" until used: open it as a user does.
    await tabUi.click('[data-testid=digestlens-note-add]', 0, 'digestlens-note');
    await tabUi.detach();
    const frame = tab.locator('iframe[src*="note-editor.html"]');
    await frame.waitFor();
    await frame.evaluate((f) => f.scrollIntoView({ block: 'center' }));
    const editor = tab.frameLocator('iframe[src*="note-editor.html"]').getByTestId('note-text');
    for (let i = 0; i < 100 && (await editor.evaluate((e) => (e as HTMLTextAreaElement).readOnly)); i++) await tab.waitForTimeout(100);
    await editor.fill(
      'Compare with **TOMATOES** (latent heat storage): same nonlinear heat equation, $\\rho c_p \\partial_t T$.\n\n- check the 227× GPU speed-up claim',
    );
    await tab.evaluate(() => window.scrollTo(0, (document.querySelector('h1.title') as HTMLElement).offsetTop - 20));
    await tab.waitForTimeout(800);
    await tab.screenshot({ path: join(REPO_ROOT, 'docs/screenshot-abs.png') });
  } finally {
    await session.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
