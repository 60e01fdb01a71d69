import type { Browser, browser } from 'wxt/browser';
import type { DigestLensDB } from '../db';
import { IMPORT_PORT, type ImportReply, ImportRequestSchema } from '../messaging/protocol';
import { isExtensionPage } from '../messaging/sender';
import { importFileText } from './import-file';

type Port = Browser.runtime.Port;

/**
 * Serves import ports in the background worker. Files are imported one at a time, in the order
 * they arrive, across all ports: the worker holds every file it was sent, so a popup closed
 * mid-import loses nothing (the remaining files are still imported, the replies just go nowhere).
 * `onIdle` runs when the queue has drained.
 */
export function serveImports(runtime: typeof browser.runtime, db: DigestLensDB, onIdle: () => void = () => {}): void {
  const extensionOrigin = runtime.getURL('/');
  let queue: Promise<void> = Promise.resolve();

  runtime.onConnect.addListener((port: Port) => {
    if (port.name !== IMPORT_PORT) return;
    if (!isExtensionPage(port.sender, runtime.id, extensionOrigin)) {
      port.disconnect();
      return;
    }
    let connected = true;
    port.onDisconnect.addListener(() => {
      connected = false;
    });
    port.onMessage.addListener((message: unknown) => {
      const request = ImportRequestSchema.safeParse(message);
      if (!request.success) {
        console.warn('DigestLens: ignored a malformed import message', request.error.issues);
        return;
      }
      const { index, name, text } = request.data;
      queue = queue.then(async () => {
        const outcome = await importFileText(db, name, text);
        const reply: ImportReply = { type: 'file-done', index, name, outcome };
        if (connected) port.postMessage(reply);
      });
      // When the last queued file is done, let the corpus indexes catch up before pages ask.
      const tail = queue;
      void tail.then(() => {
        if (queue === tail) onIdle();
      });
    });
  });
}
