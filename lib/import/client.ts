import { browser } from 'wxt/browser';
import { DigestError, decodeDigestBytes, isWebPage, MAX_DIGEST_BYTES, parseDigestFile } from '../digest';
import { ChannelError, connectPort } from '../messaging/channel';
import { type FileOutcome, IMPORT_PORT, type ImportRequest, type ImportResponses } from '../messaging/protocol/page-to-background';

/** What an extension page needs of a file: `File` from a picker or a drop, or a fetched sample. */
export interface ImportSource {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The most files one import takes. A folder of digests is tens of files; thousands at once are a
 * mis-selection (a whole disk, a node_modules) and would queue that many reads in the popup.
 * Over the limit, nothing is read or sent: every file gets the same refusal.
 */
export const MAX_FILES_PER_IMPORT = 1000;

/** The refusal each file gets when too many are chosen at once, or null when the count is fine. */
export function tooManyFilesError(fileName: string, fileCount: number): string | null {
  if (fileCount <= MAX_FILES_PER_IMPORT) return null;
  return `${fileName}: ${fileCount} files at once: DigestLens imports at most ${MAX_FILES_PER_IMPORT} files at a time; choose fewer`;
}

/**
 * Sends files to the background worker to be imported, in order, and reports each outcome as it
 * comes. Encoding problems are found here, before anything is sent; everything else is decided
 * by the worker. More than MAX_FILES_PER_IMPORT files are all refused, none read or sent.
 * Resolves when every file has an outcome.
 */
export function importFiles(files: ImportSource[], onOutcome: (index: number, outcome: FileOutcome) => void): Promise<void> {
  return new Promise((resolve) => {
    if (files.length === 0) return resolve();
    if (files.length > MAX_FILES_PER_IMPORT) {
      for (const [index, file] of files.entries()) {
        onOutcome(index, { ok: false, error: tooManyFilesError(file.name, files.length) ?? '' });
      }
      return resolve();
    }
    const pending = new Set(files.map((_, i) => i));
    const settle = (index: number, outcome: FileOutcome) => {
      if (!pending.delete(index)) return;
      onOutcome(index, outcome);
      if (pending.size === 0) {
        port.disconnect();
        resolve();
      }
    };
    const interrupted = (name: string): FileOutcome => ({
      ok: false,
      error: `${name}: the import was interrupted before this file was stored; import it again (files already stored are skipped)`,
    });

    // No timeout: a file's answer waits behind every file before it (the worker imports one at a
    // time), and a worker that stops closes the port, which settles every file still pending.
    const port = connectPort<ImportRequest, ImportResponses, never>(browser.runtime, {
      name: IMPORT_PORT,
      timeoutMs: Number.POSITIVE_INFINITY,
      onDisconnect: () => {
        for (const index of [...pending]) settle(index, interrupted(files[index]?.name ?? 'file'));
      },
    });
    const send = (index: number, request: ImportRequest) => {
      port.ask(request).then(
        (value) => settle(index, { ok: true, value }),
        (error: unknown) => {
          const failed = error instanceof ChannelError && error.kind === 'failed';
          settle(index, failed ? { ok: false, error: error.reason } : interrupted(request.name));
        },
      );
    };

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
          // A saved page is read here, with the page's DOMParser: the worker has none.
          if (isWebPage(text)) send(index, { type: 'import-page-digests', name: file.name, digests: parseDigestFile(file.name, text) });
          else send(index, { type: 'import-file', name: file.name, text });
        } catch (error) {
          const message = error instanceof DigestError ? error.message : `${file.name}: could not be read (${String(error)})`;
          settle(index, { ok: false, error: message });
        }
      }
    })();
  });
}
