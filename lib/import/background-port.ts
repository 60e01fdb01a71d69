import type { browser } from 'wxt/browser';
import type { DigestLensDB } from '../db';
import { Refusal, servePort } from '../messaging/channel';
import { IMPORT_PORT, type ImportRequest, ImportRequestSchema, type ImportResponses } from '../messaging/protocol/page-to-background';
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
          const outcome = await queue.add(prepareFile(name, text));
          if (!outcome.ok) throw new Refusal(outcome.error);
          return outcome.value;
        } finally {
          if (--pending === 0) onIdle();
        }
      },
      'import-page-digests': async ({ name, digests }) => {
        const outcome = await importPageDigests(db, name, digests);
        if (!outcome.ok) throw new Refusal(outcome.error);
        return outcome.value;
      },
    }),
  });
}
