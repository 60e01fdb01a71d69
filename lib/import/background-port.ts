import type { browser } from 'wxt/browser';
import type { DigestLensDB } from '../db';
import { Refusal, SerialQueue, servePort } from '../messaging/channel';
import { IMPORT_PORT, type ImportRequest, ImportRequestSchema, type ImportResponses } from '../messaging/protocol/page-to-background';
import { fromExtensionPages } from '../messaging/sender';
import { importFileText, importPageDigests } from './import-file';

/**
 * Serves import ports in the background worker. Files are imported one at a time, in the order
 * they arrive, across all ports (one queue for the worker): it holds every file it was sent, so a
 * popup closed mid-import loses nothing (the remaining files are still imported, the answers just
 * go nowhere). `onIdle` runs when the queue has drained.
 */
export function serveImports(runtime: typeof browser.runtime, db: DigestLensDB, onIdle: () => void = () => {}): void {
  const queue = new SerialQueue(onIdle);
  servePort<ImportRequest, ImportResponses, never>(runtime.onConnect, {
    name: IMPORT_PORT,
    schema: ImportRequestSchema,
    allow: fromExtensionPages(runtime),
    queue: () => queue,
    open: () => ({
      'import-file': async ({ name, text }) => {
        const outcome = await importFileText(db, name, text);
        if (!outcome.ok) throw new Refusal(outcome.error);
        return outcome.value;
      },
      'import-page-digests': async ({ name, digests }) => {
        const outcome = await importPageDigests(db, name, digests);
        if (!outcome.ok) throw new Refusal(outcome.error);
        return outcome.value;
      },
    }),
  });
}
