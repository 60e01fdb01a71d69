/**
 * The Library you can browse (issue 11, points 4–8, the extension-page side), in the built
 * extension: a digest opened to its papers, search results with authors, snippets and dates,
 * the filters, the paper view (history, queue, note, learned arXiv id), the authors in the
 * BibTeX export, the ARIA tabs, j/k/Enter in the queue, the Settings section carried by a
 * backup, and the popup's queue row fitting its width. Figures are those of the three real
 * digests in ../shared/digests, the fixture digest of the saved pages (tests/browser/site-pages.ts)
 * and two feeds in ../shared/fixtures/feeds. Tests run in order on one profile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDigestText } from '../../lib/digest';
import { mostRecentDay, shownDay } from './digest-days';
import { launchExtension, SHARED_DIR } from './harness';
import { artifact, sessionForThisFile } from './session';
import { fixtureDigestPapers, openSitePage, SITE_PAGES } from './site-pages';

const WAIT = { timeout: 15_000, interval: 50 };
const FEEDS = join(SHARED_DIR, 'fixtures/feeds');
const ATOM = join(FEEDS, 'arxiv-api-xml/api-query-cat-cs.RO-neural-2025-10-17-oldformat.xml');
const HF_PAPER = join(FEEDS, 'hf-api-json/hf-api-papers-2608.09888-2026-09.json');
const NOV_19_FILE = join(SHARED_DIR, 'digests/hf-daily-papers-nov-19.txt');
const { listed } = fixtureDigestPapers();

const NOV_19_ISO = mostRecentDay(11, 19);
const SEP_01_ISO = mostRecentDay(9, 1);

const current = sessionForThisFile({ digests: 'fixtures' });
let library: Page;

async function total(page: Page): Promise<string | null> {
  return page.getByTestId('search-total').textContent();
}

/** Sets the Library's filters back to none (the query too). */
async function clearFilters(page: Page) {
  await page.getByTestId('search-input').fill('');
  await page.getByTestId('filter-digest').selectOption('');
  await page.getByTestId('filter-from').fill('');
  await page.getByTestId('filter-to').fill('');
  for (const name of ['queued', 'noted', 'read']) await page.getByTestId(`filter-${name}`).setChecked(false);
}

async function openTab(page: Page, id: string) {
  await page.getByTestId(`tab-${id}`).click();
  await page.locator(`#tabpanel-${id}`).waitFor(WAIT);
}

beforeAll(async () => {
  library = await current().openPage('library.html#library', { width: 1280, height: 900 });
  await library.setInputFiles('[data-testid=file-input]', [ATOM, HF_PAPER]);
  await library.locator('[data-testid=import-progress][data-running=false]').waitFor(WAIT);
});

describe('the Library you can browse', () => {
  it('imports an Atom feed and a Hugging Face paper beside the fixture digests: 128 papers in 6 digests, dated as the lists date them', async () => {
    expect(await library.getByTestId('paper-count').textContent()).toBe('128');
    expect(await library.getByTestId('digest-count').textContent()).toBe('6');
    const results = await library.getByTestId('import-result').allTextContents();
    const atomDay = await shownDay(library, '2025-10-17');
    expect(results).toEqual([
      `api-query-cat-cs.RO-neural-2025-10-17-oldformat.xml digest of ${atomDay}: 2 new papers, 0 already known, 2 entries`,
      `hf-api-papers-2608.09888-2026-09.json digest of ${await shownDay(library, '2026-08-11')}: 1 new papers, 0 already known, 1 entries`,
    ]);
    // One way to write a day: the digest list shows the import result's words.
    expect(await library.locator('[data-testid=digest-row][data-date="2025-10-17"] [data-testid=open-digest]').textContent()).toBe(atomDay);
    await library.screenshot({ path: artifact('library-home.png'), fullPage: true });
  });

  it('opens the Nov 19 digest: its 66 papers in page order, each with its upvotes there', async () => {
    const nov19 = parseDigestText('nov-19', readFileSync(NOV_19_FILE, 'utf8'), new Date());
    await library.locator(`[data-testid=digest-row][data-date="${NOV_19_ISO}"] [data-testid=open-digest]`).click();
    await library.getByTestId('digest-view').waitFor(WAIT);
    expect(await library.getByTestId('digest-view-count').textContent()).toBe('66');
    expect(await library.getByTestId('search-result').count()).toBe(66);
    const titles = await library.getByTestId('paper-link').allTextContents();
    expect(titles.slice(0, 3)).toEqual(nov19.papers.slice(0, 3).map((p) => p.title));
    expect(titles.slice(0, 3)).toEqual([
      'Mitigating Premature Exploitation in Particle-based Monte Carlo for Inference-Time Scaling',
      expect.any(String),
      'Entropy-Guided Attention for Private LLMs',
    ]);
    expect(await library.getByTestId('paper-dates').nth(2).textContent()).toMatch(/^▲ 8 · in /);
    await library.screenshot({ path: artifact('library-digest.png') });
    await library.getByTestId('library-back').click();
    await library.getByTestId('corpus-stats').waitFor(WAIT);
  });

  it('shows search results with their authors, a snippet with the matched words, and their digest dates', async () => {
    await library.getByTestId('search-input').fill('Yuping');
    await expect.poll(() => total(library), WAIT).toBe('1 paper matches');
    const row = library.getByTestId('search-result');
    expect(await row.getByTestId('paper-authors').textContent()).toBe('Mingxuan Yan, Yuping Wang, Zechun Liu, Jiachen Li');
    expect(await row.getByTestId('paper-dates').textContent()).toBe(`arXiv:2510.14968 · in ${await shownDay(library, '2025-10-17')}`);

    await library.getByTestId('search-input').fill('entropy policy');
    await expect.poll(() => total(library), WAIT).toBe('9 papers match');
    const marks = await library.getByTestId('search-result').first().locator('[data-testid=paper-snippet] mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => /^(entropy|policy)/i.test(m))).toBe(true);
    expect(await library.getByTestId('search-result').first().getByTestId('paper-queue').textContent()).toBe('+ Queue');
    await library.screenshot({ path: artifact('library-search.png') });
  });

  it('filters by digest, date range, queued, noted and read, with exact counts', async () => {
    await clearFilters(library);
    const sep01 = await library.locator(`[data-testid=digest-row][data-date="${SEP_01_ISO}"]`).getAttribute('data-date');
    expect(sep01).toBe(SEP_01_ISO);
    const options = await library.locator('[data-testid=filter-digest] option').allTextContents();
    const sepDay = await shownDay(library, SEP_01_ISO);
    const novDay = await shownDay(library, NOV_19_ISO);
    const sepLabel = options.find((o) => o.startsWith(`${sepDay} ·`));
    await library.getByTestId('filter-digest').selectOption({ label: sepLabel ?? '' });
    await expect.poll(() => total(library), WAIT).toBe('29 papers match');

    // A date range: only the Atom feed's digest (2025-10-17) is in 2025.
    await library.getByTestId('filter-digest').selectOption('');
    await library.getByTestId('filter-from').fill('2025-01-01');
    await library.getByTestId('filter-to').fill('2025-12-31');
    await expect.poll(() => total(library), WAIT).toBe('2 papers match');
    // Words and a range together.
    await library.getByTestId('search-input').fill('retrieval');
    await expect.poll(() => total(library), WAIT).toBe('1 paper matches');

    // Queue three papers from the results of the Nov 19 digest, read one, note one.
    await clearFilters(library);
    await library.getByTestId('filter-digest').selectOption({ label: options.find((o) => o.startsWith(`${novDay} ·`)) ?? '' });
    await expect.poll(() => total(library), WAIT).toBe('66 papers match, showing 50');
    for (let i = 0; i < 3; i++) {
      const button = library.getByTestId('search-result').nth(i).getByTestId('paper-queue');
      await button.click();
      await expect.poll(() => button.textContent(), WAIT).toBe('✓ Queued');
    }
    await library.getByTestId('filter-queued').check();
    await expect.poll(() => total(library), WAIT).toBe('3 papers match');
    await library.getByTestId('filter-digest').selectOption('');
    await expect.poll(() => total(library), WAIT).toBe('3 papers match');

    await openTab(library, 'queue');
    await library.getByTestId('queue-read').first().click();
    await expect.poll(() => library.getByTestId('read-item').count(), WAIT).toBe(1);
    await openTab(library, 'library');
    await library.getByTestId('filter-queued').check();
    await expect.poll(() => total(library), WAIT).toBe('2 papers match');
    await library.getByTestId('filter-queued').uncheck();
    await library.getByTestId('filter-read').check();
    await expect.poll(() => total(library), WAIT).toBe('1 paper matches');
    await library.getByTestId('filter-read').uncheck();
    await library.getByTestId('filter-noted').check();
    await expect.poll(() => total(library), WAIT).toBe('No paper matches.');
    await library.screenshot({ path: artifact('library-filters.png') });
  });

  it('shows a paper: its history across digests with the upvotes then, where it was queued, its note written in place', async () => {
    await clearFilters(library);
    await library.getByTestId('search-input').fill('Entropy-Guided Attention for Private LLMs');
    await expect.poll(() => total(library), WAIT).toBe('1 paper matches');
    await library.getByTestId('paper-open').click();
    const view = library.getByTestId('paper-view');
    await view.waitFor(WAIT);
    // In the Sep 1 and Nov 19 digests, oldest first.
    const history = await view.getByTestId('paper-history-row').allTextContents();
    expect(history).toHaveLength(2);
    expect(history[0]).toMatch(new RegExp(`^${await shownDay(library, SEP_01_ISO)} · ▲ \\d+ · #\\d+`));
    expect(history[1]).toMatch(new RegExp(`^${await shownDay(library, NOV_19_ISO)} · ▲ 8 · #3 · published `));
    expect(await view.getByTestId('paper-queue-state').textContent()).toBe('Not in the queue');
    await view.getByTestId('paper-queue').click();
    await expect.poll(() => view.getByTestId('paper-queue-state').textContent(), WAIT).toMatch(/^Queued .* from the Library$/);
    expect(await view.getByTestId('paper-arxiv').textContent()).toBe('not known');

    await view.getByTestId('note-text').fill('Entropy collapse: see $H(p) = -\\sum p \\log p$ and 2510.14968.');
    await expect.poll(() => view.getByTestId('note-status').textContent(), WAIT).toBe('Saved');
    await library.screenshot({ path: artifact('library-paper.png'), fullPage: true });
    await library.getByTestId('library-back').click();
    await library.getByTestId('filter-noted').check();
    await library.getByTestId('search-input').fill('');
    await expect.poll(() => total(library), WAIT).toBe('1 paper matches');
  });

  it('removes an arXiv id learned from a listing, and the paper stays found by its title', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.listNew);
    await expect.poll(() => tab.locator('digestlens-badge').count(), WAIT).toBe(2);
    await tab.close();
    await clearFilters(library);
    await library.getByTestId('search-input').fill('NTBuilder');
    await expect.poll(() => library.getByTestId('paper-dates').first().textContent(), WAIT).toContain(`arXiv:${listed[2]?.arxivId}`);
    await library.getByTestId('paper-open').first().click();
    const arxiv = library.getByTestId('paper-arxiv');
    await expect.poll(() => arxiv.textContent(), WAIT).toContain(`arXiv:${listed[2]?.arxivId}`);
    await library.getByTestId('forget-arxiv-id').click();
    await expect.poll(() => arxiv.textContent(), WAIT).toBe('not known');
    await library.getByTestId('library-back').click();
    await expect.poll(() => library.getByTestId('paper-dates').first().textContent(), WAIT).not.toContain('arXiv:');
  });

  it('exports the queue as BibTeX with the authors of papers whose source lists them, and says what a text-digest paper lacks', async () => {
    await clearFilters(library);
    for (const query of ['Yuping', 'Engdahl']) {
      await library.getByTestId('search-input').fill(query);
      // Both queries find one paper: wait for this one's, not the previous query's.
      await expect.poll(() => library.getByTestId('paper-authors').textContent(), WAIT).toContain(query);
      expect(await total(library)).toBe('1 paper matches');
      await library.getByTestId('paper-queue').click();
      await expect.poll(() => library.getByTestId('paper-queue').textContent(), WAIT).toBe('✓ Queued');
    }
    await openTab(library, 'backup');
    const download = library.waitForEvent('download');
    await library.getByTestId('backup-export-bibtex').click();
    const bib = readFileSync((await (await download).path()) as string, 'utf8');
    writeFileSync(artifact('library-queue.bib'), bib);
    expect([...bib.matchAll(/^@misc\{/gm)]).toHaveLength(6);
    expect([...bib.matchAll(/^ {2}author = \{(.*)\},$/gm)].map((m) => m[1])).toEqual([
      'Mingxuan Yan and Yuping Wang and Zechun Liu and Jiachen Li',
      'Björn Engdahl and Adrian Kosowski and Jan Chorowski and Zuzanna Stamirowska and Przemysław Uznański and Junlin Jiang and Rohan Phadke and Remigiusz Kinas and Richard Zhong',
    ]);
    expect(bib).toContain('@misc{yan2025rdd,');
    expect(bib).toContain('  year = {2025},\n  eprint = {2510.14968},');
    // The three queued from the Nov 19 digest and Entropy-Guided Attention are known only from text digests.
    expect([...bib.matchAll(/^% DigestLens does not know this paper's arXiv id, author names/gm)]).toHaveLength(4);
    expect(bib).toContain('@misc{entropy2026,\n  title = {Entropy-Guided Attention for Private LLMs},\n  year = {2026}\n}');
    expect(await library.getByTestId('backup-result').textContent()).toBe(
      'Exported 6 papers as BibTeX; 4 entries lack an arXiv id or authors (marked with a % line).',
    );
  });

  it('renders notes in the Notes list, math included, and edits one in place', async () => {
    await openTab(library, 'notes');
    const item = library.getByTestId('note-item');
    await expect.poll(() => item.count(), WAIT).toBe(1);
    await item.locator('.katex').first().waitFor(WAIT);
    expect(await item.locator('a[href="https://arxiv.org/abs/2510.14968"]').count()).toBe(1);
    await library.screenshot({ path: artifact('library-notes.png') });
    await item.getByTestId('note-item-edit').click();
    await item.getByTestId('note-text').fill('Rewritten in the list: $x^2$');
    await expect.poll(() => item.getByTestId('note-status').textContent(), WAIT).toBe('Saved');
    await item.getByTestId('note-item-edit').click();
    await expect.poll(() => item.getByTestId('note-rendered').textContent(), WAIT).toContain('Rewritten in the list');
  });

  it('moves between tabs with the arrow keys, Home and End, one tab in the Tab order', async () => {
    const selected = () => library.locator('[role=tab][aria-selected=true]').getAttribute('data-testid');
    const focused = () => library.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    await library.getByTestId('tab-library').click();
    expect(await library.locator('[role=tab][tabindex="0"]').count()).toBe(1);
    await library.keyboard.press('ArrowRight');
    expect([await selected(), await focused()]).toEqual(['tab-queue', 'tab-queue']);
    await library.keyboard.press('End');
    expect([await selected(), await focused()]).toEqual(['tab-settings', 'tab-settings']);
    await library.keyboard.press('ArrowRight');
    expect(await selected()).toBe('tab-library');
    await library.keyboard.press('ArrowLeft');
    expect(await selected()).toBe('tab-settings');
    await library.keyboard.press('Home');
    expect([await selected(), await focused()]).toEqual(['tab-library', 'tab-library']);
    expect(await library.locator('[role=tab][tabindex="0"]').getAttribute('data-testid')).toBe('tab-library');
    expect(await library.locator('[role=tabpanel]').getAttribute('aria-labelledby')).toBe('tab-library');

    const popup = await current().openPage('popup.html#queue', { width: 460, height: 600 });
    await popup.getByTestId('tab-queue').focus();
    await popup.keyboard.press('ArrowRight');
    expect(await popup.locator('[role=tab][aria-selected=true]').getAttribute('data-testid')).toBe('tab-library');
    await popup.close();
  });

  it('walks the popup queue with j and k and opens a paper with Enter; the Remove button fits the popup', async () => {
    const popup = await current().openPage('popup.html#queue', { width: 460, height: 600 });
    const rows = popup.getByTestId('queue-item');
    await expect.poll(() => rows.count(), WAIT).toBe(5);
    const ids = await rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-paper-id')));
    const focusedRow = () => popup.evaluate(() => document.activeElement?.getAttribute('data-paper-id') ?? null);
    await rows.first().focus();
    await popup.keyboard.press('j');
    await popup.keyboard.press('j');
    expect(await focusedRow()).toBe(ids[2]);
    await popup.keyboard.press('k');
    expect(await focusedRow()).toBe(ids[1]);
    const opened = current().context.waitForEvent('page');
    await popup.keyboard.press('Enter');
    const tab = await opened;
    expect(tab.url()).toBe(new URL((await rows.nth(1).getByTestId('queue-title').getAttribute('href')) ?? '').href);
    await tab.close();

    const width = await popup.evaluate(() => document.documentElement.clientWidth);
    const edges = await popup.getByTestId('queue-remove').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().right));
    expect(edges).toHaveLength(5);
    for (const right of edges) expect(right).toBeLessThanOrEqual(width);
    await popup.screenshot({ path: artifact('popup-queue.png') });
    await popup.close();
  });

  it('saves the settings as they are changed and a backup carries them to another profile', async () => {
    await openTab(library, 'settings');
    // Each box shows the stored value, so it turns once the setting is written.
    for (const [name, value] of [
      ['relatedMarker', false],
      ['noteSpellcheck', true],
      ['huggingfaceEnabled', false],
    ] as const) {
      const box = library.getByTestId(`setting-${name}`);
      await box.click();
      await expect.poll(() => box.isChecked(), WAIT).toBe(value);
    }
    await library.reload();
    await library.getByTestId('settings-panel').waitFor(WAIT);
    const states = async (page: Page) =>
      page
        .locator('[data-testid^=setting-]')
        .evaluateAll((all) => Object.fromEntries(all.map((c) => [c.getAttribute('data-testid'), (c as HTMLInputElement).checked])));
    const expected = {
      'setting-arxivEnabled': true,
      'setting-huggingfaceEnabled': false,
      'setting-relatedMarker': false,
      'setting-panelCollapsed': true,
      'setting-keyboardWalk': true,
      'setting-noteSpellcheck': true,
    };
    expect(await states(library)).toEqual(expected);
    await library.screenshot({ path: artifact('library-settings.png') });

    await openTab(library, 'backup');
    const download = library.waitForEvent('download');
    await library.getByTestId('backup-export').click();
    const file = artifact('library-settings-backup.json');
    writeFileSync(file, readFileSync((await (await download).path()) as string));
    expect(JSON.parse(readFileSync(file, 'utf8')).settings).toEqual({
      huggingfaceEnabled: false,
      noteSpellcheck: true,
      relatedMarker: false,
    });

    const other = await launchExtension();
    try {
      const page = await other.openPage('library.html#backup');
      await page.setInputFiles('[data-testid=backup-restore-input]', file);
      await expect.poll(() => page.getByTestId('backup-result').textContent(), WAIT).toContain('3 settings');
      await openTab(page, 'settings');
      await page.getByTestId('settings-panel').waitFor(WAIT);
      expect(await states(page)).toEqual(expected);
    } finally {
      await other.close();
    }
  });
});
