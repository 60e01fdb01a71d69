/**
 * What is different in Firefox, tested in Firefox: the build is Manifest V2 with a persistent
 * background page and a `browserAction`; the popup closes when a file dialog opens, so it offers
 * the import in the Library tab; a sync server's host permission is written without its port.
 * (The fixed add-on id keeping data across reinstalls: tests/firefox/library.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { hostPermissionPattern } from '../../lib/sync/connection';
import { extensionPage } from './extension-db';
import { ADDON_ID, EXTENSION_ORIGIN, FIREFOX_EXTENSION_DIR, firefoxAvailable } from './harness';
import { sessionForThisFile } from './session';

const WAIT = { timeout: 15_000 };
/** Firefox stops a non-persistent background page after this long without events (default 30 s). */
const IDLE_TIMEOUT_MS = 1000;

interface Manifest {
  manifest_version: number;
  background: { scripts?: string[]; persistent?: boolean; service_worker?: string };
  browser_action?: { default_popup?: string };
  action?: unknown;
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
}

/** What `browser.runtime.getBackgroundPage()` finds: when the page started, and a mark a test left on it. */
function backgroundPageState(page: Page, mark?: string): Promise<{ timeOrigin: number; mark: string | null }> {
  return page.evaluate(async (newMark) => {
    type MarkedWindow = Window & { digestlensTestMark?: string };
    const runtime = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<MarkedWindow> } } }).browser.runtime;
    const background = await runtime.getBackgroundPage();
    if (newMark) background.digestlensTestMark = newMark;
    return { timeOrigin: background.performance.timeOrigin, mark: background.digestlensTestMark ?? null };
  }, mark);
}

function openTabUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const tabs = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ url?: string }>> } } }).browser.tabs;
    return (await tabs.query({})).map((t) => t.url ?? '');
  });
}

describe.runIf(firefoxAvailable())('DigestLens in Firefox ESR: what is different in Firefox', () => {
  const current = sessionForThisFile({ digests: 'none', prefs: { 'extensions.background.idle.timeout': IDLE_TIMEOUT_MS } });

  it('is built as Manifest V2 with a persistent background page, a browserAction popup and the fixed add-on id', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.background.scripts).toEqual(['background.js']);
    // MV2 backgrounds are persistent unless they say `persistent: false` (an event page).
    expect(manifest.background.persistent).not.toBe(false);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.browser_action?.default_popup).toBe('popup.html');
    expect(manifest.action).toBeUndefined();
    expect(manifest.browser_specific_settings?.gecko).toEqual({ id: ADDON_ID, strict_min_version: '128.0' });
  });

  it(`keeps its background page running through ${(4 * IDLE_TIMEOUT_MS) / 1000} s of idleness, where an event page would be stopped after ${IDLE_TIMEOUT_MS / 1000} s`, async () => {
    const page = await extensionPage(current());
    const before = await backgroundPageState(page, 'still here 5e1d');
    await page.close();
    // No extension page open, no message, no port: nothing keeps an event page awake.
    await new Promise((resolve) => setTimeout(resolve, 4 * IDLE_TIMEOUT_MS));
    const again = await extensionPage(current());
    expect(await backgroundPageState(again)).toEqual(before);
    expect(before.mark).toBe('still here 5e1d');
    await again.close();
  });

  it('offers the import in the Library tab from the popup, since Firefox closes a popup when its file dialog opens', async () => {
    const popup = await current().openExtensionPage('popup.html#library', '[data-testid=import-in-library-tab]');
    // No control in the popup opens a file dialog; dropping files on it still works (no dialog).
    expect(await popup.$$('input[type=file]')).toHaveLength(0);
    expect(await popup.$$('[data-testid=dropzone]')).toHaveLength(1);
    await popup.click('[data-testid=import-in-library-tab]');
    const page = await extensionPage(current());
    await expect.poll(() => openTabUrls(page), WAIT).toContain(`${EXTENSION_ORIGIN}/library.html`);
    await page.close();
    await popup.close().catch(() => undefined);
  });

  it('asks for a sync server’s host permission in a form Firefox accepts: the host without its port', async () => {
    const page = await extensionPage(current());
    const pattern = hostPermissionPattern('http://127.0.0.1:5984', 'firefox');
    expect(pattern).toBe('http://127.0.0.1/*');
    const contains = (origin: string) =>
      page.evaluate(async (o) => {
        const permissions = (globalThis as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } }).browser
          .permissions;
        return permissions.contains({ origins: [o] }).then(
          (granted) => `granted: ${granted}`,
          (error: Error) => `refused: ${error.message}`,
        );
      }, origin);
    expect(await contains(pattern)).toBe('granted: false');
    await page.close();
  });
});
