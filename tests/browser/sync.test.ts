/**
 * Sync in the built extension: two Chromium profiles (two launches, each with its own fresh
 * user-data dir) and the test's own CouchDB-protocol server (pouchdb-server on 127.0.0.1,
 * tests/support/sync-server.ts). Each profile connects from the Library's Sync panel; a note
 * typed in profile A's note editor reaches the server by itself a few seconds later and appears
 * in profile B's note editor; B first connects with a wrong password, is told why, loses nothing,
 * and syncs once the password is fixed; Disconnect forgets the password and gives the permission
 * back. The tests run in order: each builds on the one before.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SyncServer, startSyncServer } from '../support/sync-server';
import { artifact, type ExtensionSession, launchSession } from './session';

const WAIT = { timeout: 30_000 };
const DATABASE = 'digestlens-ann';
const USER = { user: 'ann', password: 'correct horse 7d1' };
const WRONG_PASSWORD = 'not the password';
const PAPER = { title: 'Attention Sinks in Sync Engines', arxivId: '2511.04242' };
const B_PAPER = { title: 'Offline Notes Survive Wrong Passwords', arxivId: '2511.04243' };

let server: SyncServer;
let a: ExtensionSession;
let b: ExtensionSession;

beforeAll(async () => {
  server = await startSyncServer();
  await server.createDatabase(DATABASE, USER);
  a = await launchSession({ digests: 'none', passThroughOrigins: [server.origin] });
  b = await launchSession({ digests: 'none', passThroughOrigins: [server.origin] });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.stop();
});

/**
 * Stands in for the user's "Allow" in the permission prompt, which headless Chromium cannot show:
 * grants the server's origin from the extension's Details page (Site access), as a user can. The
 * Connect click's `permissions.request` then finds it granted and resolves without a prompt.
 */
async function allowSiteAccess(session: ExtensionSession, origin: string): Promise<void> {
  const details = await session.context.newPage();
  await details.goto(`chrome://extensions/?id=${session.extensionId}`);
  await details.evaluate(
    ([id, pattern]) =>
      (
        globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }
      ).chrome.developerPrivate.addHostPermission(id, pattern),
    [session.extensionId, `${origin}/*`] as const,
  );
  await details.close();
}

async function grantedOrigins(session: ExtensionSession): Promise<string[]> {
  return session.worker.evaluate(
    async () =>
      (
        await (
          globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }
        ).chrome.permissions.getAll()
      ).origins ?? [],
  );
}

async function openSyncPanel(session: ExtensionSession): Promise<Page> {
  const page = await session.openPage('library.html#settings');
  await page.getByTestId('sync-panel').waitFor(WAIT);
  return page;
}

async function connect(panel: Page, password: string): Promise<void> {
  await panel.getByTestId('sync-serverUrl').fill(server.origin);
  await panel.getByTestId('sync-user').fill(USER.user);
  await panel.getByTestId('sync-password').fill(password);
  await panel.getByTestId('sync-privateDatabase').fill(DATABASE);
  await panel.getByTestId('sync-connect').click();
}

const status = (panel: Page) => panel.getByTestId('sync-status').textContent();

async function openNoteEditor(session: ExtensionSession, paper: { title: string; arxivId: string }): Promise<Page> {
  const query = new URLSearchParams({ ...paper, url: `https://arxiv.org/abs/${paper.arxivId}` });
  const page = await session.openPage(`note-editor.html?${query}`);
  // The text area is there, empty and read-only, before the stored note is read.
  await expect.poll(() => page.getByTestId('note-text').isEditable(), WAIT).toBe(true);
  return page;
}

async function typeNote(editor: Page, text: string): Promise<void> {
  await editor.getByTestId('note-text').fill(text);
  await expect.poll(() => editor.getByTestId('note-status').textContent(), WAIT).toBe('Saved');
}

/** The text of the note document for `arxivId` on the server. */
async function noteOnServer(arxivId: string): Promise<string | null> {
  return (await server.readDoc<{ text?: string }>(DATABASE, `note:arxiv:${arxivId}`))?.text ?? null;
}

describe('sync between two browser profiles through a CouchDB-protocol server', () => {
  it('connects profile A, asking for the server origin only, and pushes a note typed in its editor a few seconds later by itself', async () => {
    const panel = await openSyncPanel(a);
    expect(await status(panel)).toBe('Sync is off: DigestLens makes no network requests.');
    await allowSiteAccess(a, server.origin);
    await connect(panel, USER.password);
    await expect.poll(() => status(panel), WAIT).toMatch(/^Last synced .* · nothing waiting$/);
    // The password field is emptied, and the page never gets the password back.
    expect(await panel.getByTestId('sync-password').inputValue()).toBe('');
    expect(await panel.content()).not.toContain(USER.password);
    expect(await grantedOrigins(a)).toContain(`${server.origin}/*`);

    const editor = await openNoteEditor(a, PAPER);
    await typeNote(editor, 'Typed in profile A: sinks absorb attention mass');
    // No "Sync now": the write itself starts a sync after a few seconds.
    await expect.poll(() => noteOnServer(PAPER.arxivId), WAIT).toBe('Typed in profile A: sinks absorb attention mass');
    await expect.poll(() => status(panel), WAIT).toMatch(/· nothing waiting$/);
    await editor.close();
    await panel.close();
  });

  it('tells profile B that its password is wrong, loses nothing of its own, and syncs once the password is fixed', async () => {
    // B has a note of its own before it ever connects.
    const own = await openNoteEditor(b, B_PAPER);
    await typeNote(own, 'Written in profile B before connecting');
    await own.close();

    const panel = await openSyncPanel(b);
    await allowSiteAccess(b, server.origin);
    await connect(panel, WRONG_PASSWORD);
    await expect.poll(() => status(panel), WAIT).toMatch(/Not synced: the user name or password is wrong \(next try .*\)$/);
    expect(await status(panel)).toMatch(/^Not synced yet · 2 changes waiting · /);
    expect(await noteOnServer(B_PAPER.arxivId)).toBeNull();
    await panel.screenshot({ path: artifact('sync-wrong-password.png') });

    await connect(panel, USER.password);
    await expect.poll(() => status(panel), WAIT).toMatch(/^Last synced .* · nothing waiting$/);
    expect(await noteOnServer(B_PAPER.arxivId)).toBe('Written in profile B before connecting');
    const again = await openNoteEditor(b, B_PAPER);
    expect(await again.getByTestId('note-text').inputValue()).toBe('Written in profile B before connecting');
    await again.close();
    await panel.screenshot({ path: artifact('sync-connected.png') });
    await panel.close();
  });

  it("shows a note typed in profile A's note editor in profile B's note editor, and follows A's next edit", async () => {
    const editorB = await openNoteEditor(b, PAPER);
    expect(await editorB.getByTestId('note-text').inputValue()).toBe('Typed in profile A: sinks absorb attention mass');

    const editorA = await openNoteEditor(a, PAPER);
    await typeNote(editorA, 'Typed in profile A, edited: sinks absorb attention mass at the first token');
    await expect
      .poll(() => noteOnServer(PAPER.arxivId), WAIT)
      .toBe('Typed in profile A, edited: sinks absorb attention mass at the first token');

    // B's open editor follows once B syncs ("Sync now").
    const panelB = await openSyncPanel(b);
    await panelB.getByTestId('sync-now').click();
    await expect
      .poll(() => editorB.getByTestId('note-text').inputValue(), WAIT)
      .toBe('Typed in profile A, edited: sinks absorb attention mass at the first token');
    await editorB.screenshot({ path: artifact('sync-note-in-profile-b.png') });

    // And B's own note reached A.
    const panelA = await openSyncPanel(a);
    await panelA.getByTestId('sync-now').click();
    await expect.poll(() => panelA.getByTestId('sync-message').textContent(), WAIT).toBe('Synced');
    const ownInA = await openNoteEditor(a, B_PAPER);
    expect(await ownInA.getByTestId('note-text').inputValue()).toBe('Written in profile B before connecting');
    for (const page of [editorA, editorB, panelA, panelB, ownInA]) await page.close();
  });

  it('forgets the password and gives the host permission back on Disconnect', async () => {
    const panel = await openSyncPanel(b);
    await panel.getByTestId('sync-disconnect').click();
    await expect.poll(() => status(panel), WAIT).toBe('Sync is off: DigestLens makes no network requests.');
    expect(await grantedOrigins(b)).not.toContain(`${server.origin}/*`);
    const stored = await panel.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('digestlens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('meta').objectStore('meta').get('syncConnection');
            get.onsuccess = () => resolve(get.result ?? null);
            get.onerror = () => reject(get.error);
          };
        }),
    );
    expect(stored).toBeNull();
    await panel.close();
  });
});
