/**
 * Backup in Firefox, through the Library page (Backup & settings): a profile with the fixture
 * digests and a note exports one JSON file (saved by Firefox's own download), which restores
 * into an empty profile, whose export is the same document again.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../lib/db/entities';
import { FIXTURE_PAPER_COUNT, SITE_PAGES } from '../support/site-pages';
import { extensionPage, tableCounts, tableRows } from './extension-db';
import { type FirefoxSession, firefoxAvailable } from './harness';
import { openPaperNote } from './paper-note';
import { expectNothingLeft, launchSession, sessionForThisFile } from './session';

const WAIT = { timeout: 15_000 };
const NOTE = 'a note to back up 0c4e';

/** Clicks Export backup on the Library page and reads the file Firefox saved. */
async function exportBackup(session: FirefoxSession): Promise<Record<string, unknown>> {
  const library = await session.openExtensionPage('library.html#backup', '[data-testid=backup-export]');
  const before = new Set(readdirSync(session.downloadsDir));
  await library.click('[data-testid=backup-export]');
  let saved: string | undefined;
  await expect
    .poll(() => {
      const names = readdirSync(session.downloadsDir);
      saved = names.find((n) => !before.has(n) && /^digestlens-backup-\d{4}-\d{2}-\d{2}.*\.json$/.test(n));
      return saved !== undefined && !existsSync(join(session.downloadsDir, `${saved}.part`));
    }, WAIT)
    .toBe(true);
  await library.close();
  return JSON.parse(readFileSync(join(session.downloadsDir, saved as string), 'utf8'));
}

describe.runIf(firefoxAvailable())('DigestLens in Firefox ESR: backup through the Library page', () => {
  const current = sessionForThisFile({ digests: 'fixtures' });

  it(`exports ${FIXTURE_PAPER_COUNT} papers and a note, restores them into an empty profile, and exports the same document again`, async () => {
    const tab = await current().openSitePage(SITE_PAGES.absNew);
    const editor = await openPaperNote(tab);
    await (await editor.waitForSelector('[data-testid=note-text]', WAIT))?.click();
    await tab.keyboard.type(NOTE);
    await expect.poll(() => editor?.$eval('[data-testid=note-status]', (e) => e.textContent), WAIT).toBe('Saved');
    await tab.close();
    const exported = await exportBackup(current());
    const sourceCounts = await tableCounts(await extensionPage(current()));

    const target = await launchSession({ digests: 'none' });
    try {
      const library = await target.openExtensionPage('library.html#backup', '[data-testid=backup-restore-input]');
      const input = (await library.$('[data-testid=backup-restore-input]')) as ElementHandle<HTMLInputElement> | null;
      const file = join(current().downloadsDir, readdirSync(current().downloadsDir).find((n) => n.endsWith('.json')) as string);
      await input?.uploadFile(file);
      await expect
        .poll(() => library.$eval('[data-testid=backup-result]', (e) => e.textContent).catch(() => ''), WAIT)
        .toMatch(new RegExp(`${FIXTURE_PAPER_COUNT} papers added`));
      await library.close();

      const again = await exportBackup(target);
      expect({ ...again, exportedAt: null }).toEqual({ ...exported, exportedAt: null });
      const db = await extensionPage(target);
      expect((await tableRows<Note>(db, 'notes')).map((n) => n.text)).toEqual([NOTE]);
      const counts = await tableCounts(db);
      expect([counts.papers, counts.digests, counts.listings, counts.notes]).toEqual([FIXTURE_PAPER_COUNT, 4, 4, 1]);
      for (const table of ['papers', 'digests', 'listings', 'notes', 'noteVersions', 'queue'])
        expect([table, counts[table]]).toEqual([table, sourceCounts[table]]);
      expectNothingLeft(target);
    } finally {
      await target.close();
    }
  });
});
