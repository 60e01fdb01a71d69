/**
 * The Library UI of the built extension, in Chromium: import through the real file input, refusal
 * messages, search, delete, the sample digests, and the Library page. Needs `npx wxt build` first.
 *
 * Tests in a describe share one browser and run in order: each starts from the state the previous
 * one left. The figures are those of the three real digests in ../shared/digests.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { mostRecentDay, shownDay } from './digest-days';
import { SHARED_DIR } from './harness';
import { artifact, launchSession, sessionForThisFile } from './session';

const POPUP_VIEWPORT = { width: 460, height: 600 };
const POLL = { timeout: 10_000, interval: 50 };

/** The real digests in ../shared beside the repo (SHARED_DIR is found from the repo root, not the cwd). */
const digestPath = (name: string) => join(SHARED_DIR, 'digests', `hf-daily-papers-${name}.txt`);
const SEP_01 = digestPath('sep-01');
const JUN_05 = digestPath('jun-05');
const NOV_19 = digestPath('nov-19');

const NOV_19_ISO = mostRecentDay(11, 19);
const SEP_01_ISO = mostRecentDay(9, 1);
const JUN_05_ISO = mostRecentDay(6, 5);

const text = (page: Page, testId: string) => page.getByTestId(testId).first().textContent();

async function counts(page: Page): Promise<{ papers: string | null; digests: string | null }> {
  return { papers: await text(page, 'paper-count'), digests: await text(page, 'digest-count') };
}

/**
 * Gives files to the real (hidden) file input and waits until this run is over: the progress is
 * not running and there is one result line per file, in order, each naming its file. Checking the
 * names keeps a previous run's finished results from passing for this run's.
 */
async function importThroughInput(page: Page, files: string[]) {
  await page.setInputFiles('[data-testid=file-input]', files);
  await page.waitForFunction(
    (names) => {
      const progress = document.querySelector('[data-testid=import-progress]');
      const lines = [...document.querySelectorAll('[data-testid=import-result]')];
      return (
        progress?.getAttribute('data-running') === 'false' &&
        lines.length === names.length &&
        lines.every((line, i) => line.textContent?.includes(names[i] as string))
      );
    },
    files.map((f) => basename(f)),
  );
  const results = page.getByTestId('import-result');
  return Promise.all(
    (await results.all()).map(async (line) => ({
      ok: await line.getAttribute('data-ok'),
      status: await line.getAttribute('data-status'),
      text: await line.textContent(),
    })),
  );
}

describe('the Library in the popup, one profile from empty to imported and back', () => {
  const current = sessionForThisFile({ digests: 'none' });
  let popup: Page;

  beforeAll(async () => {
    popup = await current().openPage('popup.html', POPUP_VIEWPORT);
    await popup.getByTestId('paper-count').waitFor();
  });

  it('shows an empty library with 0 papers, 0 digests and the button to import the sample digests', async () => {
    expect(await counts(popup)).toEqual({ papers: '0', digests: '0' });
    await expect(popup.getByTestId('import-samples').isVisible()).resolves.toBe(true);
    expect(await popup.getByTestId('digest-row').count()).toBe(0);
    await popup.screenshot({ path: artifact('popup-empty.png') });
  });

  it('imports the three digests through the file input: 117 papers in 3 digests, dated and counted per digest', async () => {
    const results = await importThroughInput(popup, [SEP_01, JUN_05, NOV_19]);

    // Sep 1 comes first, so all of its papers are new; the later files share 6 each with what came before.
    expect(results).toEqual([
      {
        ok: 'true',
        status: 'imported',
        text: `hf-daily-papers-sep-01.txt digest of ${await shownDay(popup, SEP_01_ISO)}: 29 new papers, 0 already known, 29 entries`,
      },
      {
        ok: 'true',
        status: 'imported',
        text: `hf-daily-papers-jun-05.txt digest of ${await shownDay(popup, JUN_05_ISO)}: 28 new papers, 6 already known, 34 entries`,
      },
      {
        ok: 'true',
        status: 'imported',
        text: `hf-daily-papers-nov-19.txt digest of ${await shownDay(popup, NOV_19_ISO)}: 60 new papers, 6 already known, 66 entries`,
      },
    ]);
    expect(await counts(popup)).toEqual({ papers: '117', digests: '3' });

    // Newest first.
    const rows = await popup.getByTestId('digest-row').all();
    const listed = await Promise.all(
      rows.map(async (row) => [await row.getAttribute('data-date'), await row.getByTestId('digest-paper-count').textContent()]),
    );
    expect(listed).toEqual([
      [NOV_19_ISO, '66'],
      [SEP_01_ISO, '29'],
      [JUN_05_ISO, '34'],
    ]);
    await expect(popup.getByTestId('import-samples').count()).resolves.toBe(0);
    await popup.screenshot({ path: artifact('popup-imported.png'), fullPage: true });
  });

  it('answers a digest imported again with "already imported" and adds nothing', async () => {
    const results = await importThroughInput(popup, [NOV_19]);

    expect(results).toEqual([
      {
        ok: 'true',
        status: 'already-imported',
        text: `hf-daily-papers-nov-19.txt already imported (digest of ${await shownDay(popup, NOV_19_ISO)}, 66 papers): nothing added`,
      },
    ]);
    expect(await counts(popup)).toEqual({ papers: '117', digests: '3' });
  });

  it('refuses an HTML file and a truncated digest with messages naming the file and line, and stores nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digestlens-bad-'));
    const html = join(dir, 'bad.html');
    writeFileSync(html, '<!doctype html>\n<html><body><h1>Daily Papers</h1></body></html>\n');
    // Lines 1-37 of Nov 19: the header, the date, four whole papers, then a fifth paper's title (line 37) and no abstract.
    const cut = join(dir, 'cut.txt');
    const lines = readFileSync(join(SHARED_DIR, 'digests/hf-daily-papers-nov-19.txt'), 'utf8').split('\n').slice(0, 37);
    expect(lines.at(-1)).toBe('Scaling Law with Learning Rate Annealing');
    writeFileSync(cut, `${lines.join('\n')}\n`);

    const [htmlResult, cutResult] = await importThroughInput(popup, [html, cut]).finally(() =>
      rmSync(dir, { recursive: true, force: true }),
    );

    expect(htmlResult?.ok).toBe('false');
    expect(htmlResult?.text).toMatch(/^bad\.html:1: /);
    expect(htmlResult?.text).toContain('HTML');
    expect(cutResult?.ok).toBe('false');
    expect(cutResult?.text).toMatch(/^cut\.txt:37: /);
    expect(cutResult?.text).toContain('Scaling Law with Learning Rate Annealing');
    expect(cutResult?.text).toContain('truncated');
    expect(await counts(popup)).toEqual({ papers: '117', digests: '3' });
    await popup.screenshot({ path: artifact('popup-refused.png'), fullPage: true });
  });

  it('finds 35 papers for "entropy", each linking to an https page', async () => {
    await popup.getByTestId('search-input').fill('entropy');

    // Poll: while the new query runs, the previous query's (empty) result is shown for a moment.
    await expect.poll(() => text(popup, 'search-total'), POLL).toBe('35 papers match');
    expect(await popup.getByTestId('search-result').count()).toBe(35);
    const first = popup.getByTestId('search-result').first().locator('a');
    expect(await first.textContent()).toBe('Arbitrary Entropy Policy Optimization: Entropy Is Controllable in Reinforcement Fine-tuning');
    expect(new URL((await first.getAttribute('href')) ?? '').protocol).toBe('https:');
  });

  it('deletes the Sep 1 digest after confirmation, and with it the 17 papers no other digest lists', async () => {
    const row = popup.locator(`[data-testid=digest-row][data-date="${SEP_01_ISO}"]`);
    await row.getByTestId('delete-digest').click();
    await row.getByTestId('confirm-delete').click();

    await expect.poll(() => counts(popup), POLL).toEqual({ papers: String(117 - 17), digests: '2' });
    const dates = await popup.getByTestId('digest-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-date')));
    expect(dates).toEqual([NOV_19_ISO, JUN_05_ISO]);
  });

  it('shows on the Library page the same counts as in the popup, from the same database', async () => {
    const library = await current().openPage('library.html');
    await library.getByTestId('paper-count').waitFor();

    expect(await counts(library)).toEqual({ papers: '100', digests: '2' });
    expect(await counts(library)).toEqual(await counts(popup));
    await library.close();
  });

  it('answers the web with 404 in these tests while the extension loads its own files', async () => {
    const fetched = await popup.evaluate(async () => {
      const web = await fetch('https://huggingface.co/papers?q=x');
      const own = await fetch('/manifest.json');
      return { web: web.status, own: own.status };
    });
    expect(fetched).toEqual({ web: 404, own: 200 });
  });
});

describe('the sample digests on a new profile', () => {
  it('imports the three bundled sample digests with one click: 117 papers in 3 digests', async () => {
    // The file's profile is no longer new: this one is (the same setup, closed here).
    const session = await launchSession({ digests: 'none' });
    onTestFinished(() => session.close());
    const popup = await session.openPage('popup.html', POPUP_VIEWPORT);
    await popup.getByTestId('import-samples').click();

    await popup.locator('[data-testid=import-progress][data-running=false]').waitFor();
    const oks = await popup.getByTestId('import-result').evaluateAll((lines) => lines.map((l) => l.getAttribute('data-ok')));
    expect(oks).toEqual(['true', 'true', 'true']);
    expect(await counts(popup)).toEqual({ papers: '117', digests: '3' });
  });
});
