import { browser } from 'wxt/browser';
import { DigestError, decodeDigestBytes, MAX_DIGEST_BYTES } from '../digest';
import { type FileOutcome, IMPORT_PORT, ImportReplySchema, type ImportRequest } from '../messaging/protocol';

/** What an extension page needs of a file: `File` from a picker or a drop, or a fetched sample. */
export interface ImportSource {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Sends files to the background worker to be imported, in order, and reports each outcome as it
 * comes. Encoding problems are found here, before anything is sent; everything else is decided
 * by the worker. Resolves when every file has an outcome.
 */
export function importFiles(files: ImportSource[], onOutcome: (index: number, outcome: FileOutcome) => void): Promise<void> {
  return new Promise((resolve) => {
    if (files.length === 0) return resolve();
    const pending = new Set(files.map((_, i) => i));
    const settle = (index: number, outcome: FileOutcome) => {
      if (!pending.delete(index)) return;
      onOutcome(index, outcome);
      if (pending.size === 0) {
        port.disconnect();
        resolve();
      }
    };

    const port = browser.runtime.connect({ name: IMPORT_PORT });
    port.onMessage.addListener((message: unknown) => {
      const reply = ImportReplySchema.safeParse(message);
      if (reply.success) settle(reply.data.index, reply.data.outcome);
    });
    port.onDisconnect.addListener(() => {
      for (const index of [...pending]) {
        const name = files[index]?.name ?? 'file';
        settle(index, {
          ok: false,
          error: `${name}: the import was interrupted before this file was stored; import it again (files already stored are skipped)`,
        });
      }
    });

    void (async () => {
      for (const [index, file] of files.entries()) {
        if (file.size > MAX_DIGEST_BYTES) {
          const mb = (file.size / 1024 / 1024).toFixed(1);
          settle(index, {
            ok: false,
            error: `${file.name}: the file is ${mb} MB; digests are at most ${MAX_DIGEST_BYTES / 1024 / 1024} MB`,
          });
          continue;
        }
        try {
          const text = decodeDigestBytes(file.name, new Uint8Array(await file.arrayBuffer()));
          const request: ImportRequest = { type: 'import-file', index, name: file.name, text };
          port.postMessage(request);
        } catch (error) {
          const message = error instanceof DigestError ? error.message : `${file.name}: could not be read (${String(error)})`;
          settle(index, { ok: false, error: message });
        }
      }
    })();
  });
}
