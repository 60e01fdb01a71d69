/**
 * The truth, read where it is kept: the extension's IndexedDB database `digestlens`, opened from
 * one of the extension's own pages (same origin as the background page, which under MV2 is no
 * target of its own). The tests read it to check what the UI claims, never to drive it.
 */
import type { Page } from 'puppeteer-core';
import type { FirefoxSession } from './harness';

/** An extension page kept open for reading the database and asking `browser.*` APIs. */
export async function extensionPage(session: FirefoxSession): Promise<Page> {
  return session.openExtensionPage('library.html', '[data-testid=paper-count]');
}

/** Row counts per table. */
export async function tableCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
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
}

/** Every row of one table, as stored. */
export async function tableRows<Row = Record<string, unknown>>(page: Page, table: string): Promise<Row[]> {
  return page.evaluate(
    (name) =>
      new Promise<Row[]>((resolve, reject) => {
        const open = indexedDB.open('digestlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            resolve(request.result as Row[]);
          };
        };
      }),
    table,
  );
}
