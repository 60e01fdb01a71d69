import { describe, expect, it } from 'vitest';
import { DIGEST_FILES, digestPath } from '../support/paths';
import { extensionPage, tableCounts } from './extension-db';
import { firefoxAvailable } from './harness';
import { type FirefoxSession, importThroughLibrary, sessionForThisFile } from './session';

const SAMPLES = [DIGEST_FILES.sep01, DIGEST_FILES.jun05, DIGEST_FILES.nov19].map(digestPath);

async function paperRows(session: FirefoxSession): Promise<number | undefined> {
  const page = await extensionPage(session);
  const { papers } = await tableCounts(page);
  await page.close();
  return papers;
}

describe.runIf(firefoxAvailable())('DigestLens in Firefox ESR: the Library', () => {
  const current = sessionForThisFile({ digests: 'none' });

  it('imports the three sample digests through the Library page file input and shows 117 papers from 3 digests', async () => {
    const page = await importThroughLibrary(current(), SAMPLES);
    const results = await page.$$eval('[data-testid=import-result]', (items) => items.map((li) => li.textContent ?? ''));
    expect(results).toHaveLength(3);
    expect(results.join('\n')).toContain('60 new papers, 6 already known, 66 entries');
    expect(await page.$eval('[data-testid=paper-count]', (e) => e.textContent)).toBe('117');
    expect(await page.$eval('[data-testid=digest-count]', (e) => e.textContent)).toBe('3');
    await page.close();
    expect(await paperRows(current())).toBe(117);
  });

  it('keeps the data when the same build is installed again over itself (the fixed add-on id)', async () => {
    await current().reinstall();
    expect(await paperRows(current())).toBe(117);
  });

  it('sends nothing to the network: no page was served, so no request at all, and none tried to leave', async () => {
    expect(current().requests).toEqual([]);
    expect(current().escaped).toEqual([]);
  });
});
