import type { browser } from 'wxt/browser';
import type { DigestLensDB } from '../db';
import type { DigestContent } from '../digest/types';
import { Refusal, servePort } from '../messaging/channel';
import {
  type FileOutcome,
  IMPORT_PORT,
  type ImportedFile,
  type ImportRequest,
  ImportRequestSchema,
  type ImportResponses,
} from '../messaging/protocol/page-to-background';
import { fromExtensionPages } from '../messaging/sender';
import { importPageDigests, prepareFile } from './import-file';
import { ImportQueue } from './import-queue';

/**
 * Serves import ports in the background worker. Files are stored in the order they arrive, across
 * all ports: the worker holds every file it was sent, so a popup closed mid-import loses nothing
 * (the remaining files are still imported, the answers just go nowhere). `onIdle` runs when every
 * file sent so far has its outcome.
 *
 * A file is parsed and hashed as soon as it arrives, while the files before it are stored; files
 * that are parsed while others are being stored are then stored together, in one transaction
 * (import-queue.ts). `npm run bench:import` measures both.
 */
export function serveImports(runtime: typeof browser.runtime, db: DigestLensDB, onIdle: () => void = () => {}): void {
  const queue = new ImportQueue(db);
  let pending = 0;
  servePort<ImportRequest, ImportResponses, never>(runtime.onConnect, {
    name: IMPORT_PORT,
    schema: ImportRequestSchema,
    allow: fromExtensionPages(runtime),
    open: () => ({
      'import-file': async ({ name, text }) => {
        pending++;
        try {
          return storedOrRefused(await queue.add(prepareFile(name, text)));
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
