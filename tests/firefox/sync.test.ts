/**
 * Sync in Firefox: two Firefox profiles (two launches) and the test's own CouchDB-protocol server
 * (pouchdb-server on 127.0.0.1, tests/support/sync-server.ts). Each profile connects from the
 * Library's Sync panel through the panel's real `browser.permissions.request`: headless Firefox
 * cannot click a permission prompt, so the pref `extensions.webextOptionalPermissionPrompts: false`
 * grants optional permissions without one, which is the user's "Allow". A note typed in profile
 * A's note editor reaches the server by itself and shows in profile B's editor; Disconnect gives
 * the permission back. The Chromium twin is tests/browser/sync.test.ts. The tests run in order.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SyncServer, startSyncServer } from '../support/sync-server';
import { extensionPage } from './extension-db';
import { firefoxAvailable } from './harness';
import { expectNothingLeft, type FirefoxSession, launchSession } from './session';

const WAIT = { timeout: 30_000 };
const DATABASE = 'digestlens-ann';
const USER = { user: 'ann', password: 'correct horse 7d1' };
const PAPER = { title: 'Attention Sinks in Sync Engines', arxivId: '2511.04242' };
const TEXT = 'Typed in Firefox profile A: sinks absorb attention mass';
const OFF = 'Sync is off: DigestLens makes no network requests.';
/** The manifest's own host permissions: all `permissions.getAll()` lists before connecting. */
const MANIFEST_ORIGINS = ['https://arxiv.org/*', 'https://huggingface.co/*'];
/** Firefox match patterns take no port: the grant is for the server's host. */
const SERVER_PATTERN = 'http://127.0.0.1/*';

let server: SyncServer;
let a: FirefoxSession;
let b: FirefoxSession;

async function grantedOrigins(session: FirefoxSession): Promise<string[]> {
  const page = await extensionPage(session);
  const origins = await page.evaluate(async () => {
    const { permissions } = (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }).browser;
    return (await permissions.getAll()).origins ?? [];
  });
  await page.close();
  return origins.sort();
}

async function openSyncPanel(session: FirefoxSession): Promise<Page> {
  return session.openExtensionPage('library.html#settings', '[data-testid=sync-panel]');
}

const status = (panel: Page) => panel.$eval('[data-testid=sync-status]', (e) => e.textContent);

async function connect(panel: Page): Promise<void> {
  const fields = { serverUrl: server.origin, user: USER.user, password: USER.password, privateDatabase: DATABASE };
  for (const [name, value] of Object.entries(fields)) await panel.type(`[data-testid=sync-${name}]`, value);
  // A trusted click: Firefox grants `permissions.request` only while handling user input.
  await panel.click('[data-testid=sync-connect]');
}

async function openNoteEditor(session: FirefoxSession): Promise<Page> {
  const query = new URLSearchParams({ ...PAPER, url: `https://arxiv.org/abs/${PAPER.arxivId}` });
  const editor = await session.openExtensionPage(`note-editor.html?${query}`, '[data-testid=note-text]');
  // The text area is there, empty and read-only, before the stored note is read.
  await expect.poll(() => editor.$eval('[data-testid=note-text]', (e) => (e as HTMLTextAreaElement).readOnly), WAIT).toBe(false);
  return editor;
}

const noteText = (editor: Page) => editor.$eval('[data-testid=note-text]', (e) => (e as HTMLTextAreaElement).value);

describe.runIf(firefoxAvailable())('DigestLens in Firefox ESR: sync between two profiles through a CouchDB-protocol server', () => {
  beforeAll(async () => {
    server = await startSyncServer();
    await server.createDatabase(DATABASE, USER);
    const options = {
      digests: 'none',
      prefs: { 'extensions.webextOptionalPermissionPrompts': false },
      passThroughOrigins: [server.origin],
    } as const;
    [a, b] = await Promise.all([launchSession(options), launchSession(options)]);
  }, 120_000);

  afterAll(async () => {
    try {
      for (const session of [a, b]) if (session) expectNothingLeft(session);
    } finally {
      await Promise.all([a?.close(), b?.close()]);
      await server?.stop();
    }
  });

  it('connects profile A through the permission request for the server host only, and pushes a note typed in its editor by itself', async () => {
    expect(await grantedOrigins(a)).toEqual(MANIFEST_ORIGINS);
    const panel = await openSyncPanel(a);
    await expect.poll(() => status(panel), WAIT).toBe(OFF);
    await connect(panel);
    await expect.poll(() => status(panel), WAIT).toMatch(/^Last synced .* · nothing waiting$/);
    expect(await grantedOrigins(a)).toEqual([...MANIFEST_ORIGINS, SERVER_PATTERN].sort());

    const editor = await openNoteEditor(a);
    await editor.type('[data-testid=note-text]', TEXT);
    await expect.poll(() => editor.$eval('[data-testid=note-status]', (e) => e.textContent), WAIT).toBe('Saved');
    // No "Sync now": the write itself starts a sync a few seconds later.
    await expect.poll(async () => (await server.readDoc<{ text: string }>(DATABASE, `note:arxiv:${PAPER.arxivId}`))?.text, WAIT).toBe(TEXT);
    await expect.poll(() => status(panel), WAIT).toMatch(/^Last synced .* · nothing waiting$/);
    await editor.close();
    await panel.close();
  });

  it("shows the note in profile B's note editor once B connects, and Disconnect gives the permission back", async () => {
    const panel = await openSyncPanel(b);
    await connect(panel);
    await expect.poll(() => status(panel), WAIT).toMatch(/^Last synced .* · nothing waiting$/);
    const editor = await openNoteEditor(b);
    expect(await noteText(editor)).toBe(TEXT);
    await editor.close();

    await panel.click('[data-testid=sync-disconnect]');
    await expect.poll(() => status(panel), WAIT).toBe(OFF);
    expect(await grantedOrigins(b)).toEqual(MANIFEST_ORIGINS);
    await panel.close();
  });
});
