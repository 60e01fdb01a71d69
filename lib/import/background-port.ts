import type { browser } from 'wxt/browser';
import type { DigestLensDB } from '../db';
import type { DigestContent } from '../digest/types';
import { Refusal, SerialQueue, servePort } from '../messaging/channel';
import {
  type FileOutcome,
  IMPORT_PORT,
  type ImportedFile,
  type ImportRequest,
  ImportRequestSchema,
  type ImportResponses,
} from '../messaging/protocol/page-to-background';
import { fromExtensionPages } from '../messaging/sender';
import { importPageDigests, prepareFile, storeFile } from './import-file';

/**
 * Serves import ports in the background worker. Files are stored one at a time, in the order
 * they arrive, across all ports: the worker holds every file it was sent, so a popup closed
 * mid-import loses nothing (the remaining files are still imported, the answers just go nowhere).
 * `onIdle` runs when every file sent so far has its outcome.
 *
 * Two things overlap, without changing what is stored (`npm run bench:import` measures them):
 * - a file is parsed and hashed as soon as it arrives, while the files before it are stored;
 * - a file's transaction is opened as soon as the previous file's is, not once it has committed.
 *   IndexedDB runs read-write transactions over the same tables one after another, in the order
 *   they were opened, so each file still sees everything the files before it stored, and each
 *   is still all or nothing; but the database starts the next file the moment the previous one
 *   commits, instead of idling while the worker hears of the commit and opens the next.
 */
export function serveImports(runtime: typeof browser.runtime, db: DigestLensDB, onIdle: () => void = () => {}): void {
  /** Opens the transactions in arrival order: a task ends once its file's transaction is opened. */
  const opening = new SerialQueue();
  let pending = 0;
  servePort<ImportRequest, ImportResponses, never>(runtime.onConnect, {
    name: IMPORT_PORT,
    schema: ImportRequestSchema,
    allow: fromExtensionPages(runtime),
    open: () => ({
      'import-file': async ({ name, text }) => {
        pending++;
        try {
          const prepared = prepareFile(name, text);
          // Wrapped, so that the task ends when storeFile has opened the transaction (Dexie
          // opens it in order of the calls), not when the file is stored.
          const { stored } = await opening.run(async () => {
            const file = await prepared;
            // Opened first, so that every transaction takes the same path to being opened.
            if (!db.isOpen()) await db.open();
            return { stored: storeFile(db, file) };
          });
          return storedOrRefused(await stored);
        } finally {
          if (--pending === 0) onIdle();
        }
      },
      'import-page-digests': ({ name, digests }) => storePageDigests(db, name, digests, onIdle),
    }),
  });
}

/**
 * A page's digests, read where there is a DOM (the one-click capture in a content script, a saved
 * page file in the popup), stored in one transaction; `onStored` runs after a successful import.
 */
export async function storePageDigests(
  db: DigestLensDB,
  name: string,
  digests: DigestContent[],
  onStored: () => void,
): Promise<ImportedFile[]> {
  const imported = storedOrRefused(await importPageDigests(db, name, digests));
  onStored();
  return imported;
}

/** A file's outcome as a channel answers it: its stored digests, or a refusal carrying its message. */
function storedOrRefused(outcome: FileOutcome): ImportedFile[] {
  if (!outcome.ok) throw new Refusal(outcome.error);
  return outcome.value;
}
