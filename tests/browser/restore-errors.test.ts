/**
 * Issue 9, point 8, in the Library page: a backup cut short is refused naming the file and the
 * byte where it ends, and nothing is restored.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { artifact, sessionForThisFile } from './session';
import { storedRows } from './stored-rows';

const WAIT = { timeout: 15_000 };
const current = sessionForThisFile({ digests: 'fixtures' });

describe('restoring a backup cut short', () => {
  it('says the file ends early at byte N, names the file, and restores nothing', async () => {
    const library = await current().openPage('library.html#backup');
    const download = library.waitForEvent('download');
    await library.getByTestId('backup-export').click();
    const { readFileSync } = await import('node:fs');
    const full = readFileSync((await (await download).path()) as string);
    const cut = full.subarray(0, Math.floor(full.length / 3));
    const file = artifact('backup-cut-short.json');
    writeFileSync(file, cut);
    const before = JSON.stringify(await storedRows(current(), ['papers', 'notes', 'queue']));

    await library.getByTestId('backup-restore-input').setInputFiles(file);
    await expect
      .poll(() => library.getByTestId('backup-result').textContent(), WAIT)
      .toBe(`backup-cut-short.json: the file ends early (truncated?) at byte ${cut.length}`);
    expect(JSON.stringify(await storedRows(current(), ['papers', 'notes', 'queue']))).toBe(before);
    await library.close();
  });
});
