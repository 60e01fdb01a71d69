import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../browser/harness';
import { type FirefoxSession, firefoxAvailable, launchFirefox } from './harness';

const SAMPLES = ['sep-01', 'jun-05', 'nov-19'].map((d) => join(SHARED_DIR, `digests/hf-daily-papers-${d}.txt`));

/** Counts rows in the extension's database from one of its pages (same origin as the background). */
async function tableCounts(session: FirefoxSession): Promise<Record<string, number>> {
  const page = await session.openExtensionPage('library.html', '[data-testid=paper-count]');
  const counts = await page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('digestlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => {
              out[name] = request.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );
  await page.close();
  return counts;
}

describe.runIf(firefoxAvailable())('DigestLens in Firefox ESR: the Library', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports the three sample digests through the Library page file input and shows 117 papers from 3 digests', async () => {
    const page = await session.openExtensionPage('library.html', '[data-testid=file-input]');
    const input = await page.$('input[data-testid=file-input]');
    await (input as ElementHandle<HTMLInputElement> | null)?.uploadFile(...SAMPLES);
    await page.waitForSelector('[data-testid=import-progress][data-running=false]', { timeout: 30_000 });
    const results = await page.$$eval('[data-testid=import-result]', (items) => items.map((li) => li.textContent ?? ''));
    expect(results).toHaveLength(3);
    expect(results.join('\n')).toContain('60 new papers, 6 already known, 66 entries');
    expect(await page.$eval('[data-testid=paper-count]', (e) => e.textContent)).toBe('117');
    expect(await page.$eval('[data-testid=digest-count]', (e) => e.textContent)).toBe('3');
    await page.close();
    expect((await tableCounts(session)).papers).toBe(117);
  });

  it('keeps the data when the same build is installed again over itself (the fixed add-on id)', async () => {
    await session.reinstall();
    expect((await tableCounts(session)).papers).toBe(117);
  });

  it('sends nothing to the network: the only requests are the test pages it was asked to open', async () => {
    expect(session.requests).toEqual([]);
  });
});
