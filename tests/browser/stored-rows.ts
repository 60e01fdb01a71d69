/**
 * What the extension has stored, read straight from its IndexedDB in an extension page (no
 * DigestLens code involved), and the service worker's two bad moods the note tests need: stopped,
 * and too busy to answer.
 */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './harness';

/** Every row of the object stores named, read in one transaction in a neutral extension page. */
export async function storedRows(session: ExtensionSession, stores: string[]): Promise<Record<string, unknown[]>> {
  // The note editor without a paper shows a message and touches nothing.
  const page = await session.openPage('note-editor.html');
  try {
    return await page.evaluate(
      (names) =>
        new Promise<Record<string, unknown[]>>((resolve, reject) => {
          const open = indexedDB.open('digestlens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(names, 'readonly');
            const requests = names.map((name) => tx.objectStore(name).getAll());
            tx.oncomplete = () => {
              db.close();
              resolve(Object.fromEntries(names.map((name, i) => [name, requests[i]?.result ?? []])));
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      stores,
    );
  } finally {
    await page.close();
  }
}

/** The stored note texts, by paper id. */
export async function storedNotes(session: ExtensionSession): Promise<Map<string, string>> {
  const { notes = [] } = await storedRows(session, ['notes']);
  return new Map((notes as Array<{ paperId: string; text: string }>).map((n) => [n.paperId, n.text]));
}

/** Stops every service worker of the profile, as Chromium does to an idle one. */
export async function stopServiceWorker(session: ExtensionSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * Keeps the service worker's thread busy for `ms` (as a large import or a cold start does), without
 * waiting: resolves once the busy loop has started.
 */
export async function keepWorkerBusy(session: ExtensionSession, ms: number): Promise<void> {
  // After a stop the profile has a new worker: the newest one is the one running.
  const worker = session.context.serviceWorkers().at(-1) ?? session.worker;
  void worker
    .evaluate((busyMs) => {
      const end = Date.now() + busyMs;
      while (Date.now() < end) {
        // Busy on purpose: nothing else runs in the worker meanwhile.
      }
    }, ms)
    .catch(() => {});
  // The evaluation reaches the worker quickly; give it a moment to be inside the loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
}
