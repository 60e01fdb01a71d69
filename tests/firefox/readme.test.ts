/**
 * The README's Firefox section, step by step, where a test can take it: the build folder loads as
 * a temporary add-on (what about:debugging's "Load Temporary Add-on…" does, and what the harness
 * does for every file), and `npm run zip:firefox` makes the zip to send for signing, with the
 * fixed add-on id, which Firefox installs.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';
import { extensionPage } from './extension-db';
import { ADDON_ID, firefoxAvailable } from './harness';
import { sessionForThisFile } from './session';

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ZIP = join(REPO_ROOT, `.output/digestlens-${VERSION}-firefox.zip`);

interface Self {
  id: string;
  installType: string;
  version: string;
}

function getSelf(page: Page): Promise<Self> {
  return page.evaluate(async () => {
    const management = (globalThis as unknown as { browser: { management: { getSelf(): Promise<Self> } } }).browser.management;
    const { id, installType, version } = await management.getSelf();
    return { id, installType, version };
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => relative(dir, join(dir, name)))
    .sort();
}

describe.runIf(firefoxAvailable())('DigestLens in Firefox ESR: the README’s Firefox steps', () => {
  const current = sessionForThisFile({ digests: 'none' });

  it('loads .output/firefox-mv2 as a temporary add-on under its fixed id, as about:debugging’s Load Temporary Add-on does', async () => {
    const page = await extensionPage(current());
    // Firefox reports an add-on loaded from a folder for the session as a development install.
    expect(await getSelf(page)).toEqual({ id: ADDON_ID, installType: 'development', version: VERSION });
    await page.close();
  });

  it(`makes .output/digestlens-${VERSION}-firefox.zip for signing with \`npm run zip:firefox\`: the build’s files, the fixed id, and Firefox installs it`, async () => {
    execFileSync('npm', ['run', '-s', 'zip:firefox'], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 110_000 });
    const entries = unzipSync(readFileSync(ZIP));
    // `wxt zip` builds .output/firefox-mv2 again and zips that folder.
    expect(Object.keys(entries).sort()).toEqual(filesUnder(join(REPO_ROOT, '.output/firefox-mv2')));
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as {
      manifest_version: number;
      version: string;
      browser_specific_settings?: { gecko?: { id?: string } };
    };
    expect([manifest.manifest_version, manifest.version, manifest.browser_specific_settings?.gecko?.id]).toEqual([2, VERSION, ADDON_ID]);

    // The zip installs over the folder (same id), and its pages open.
    await current().browser.installExtension(ZIP);
    const page = await extensionPage(current());
    expect((await getSelf(page)).id).toBe(ADDON_ID);
    await page.close();
  });
});
