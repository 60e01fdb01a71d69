import { type DigestLensDB, digestContentId, importDigest } from '../db';
import { DigestError, parseDigestText } from '../digest';
import type { FileOutcome } from '../messaging/protocol/page-to-background';

/**
 * Whether a storage failure is the browser's storage quota: IndexedDB's `QuotaExceededError`
 * (a DOMException), as Dexie passes it on, possibly wrapped (a transaction's abort carries it as
 * `inner`, a bulk write as its `failures`).
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  const failures = Array.isArray(e.failures) ? e.failures : [];
  return [e.inner, e.cause, ...failures].some((inner) => isQuotaError(inner, depth + 1));
}

/**
 * One file, from text to stored digest: parse (refusing what is not a digest), then store it in
 * one transaction. Never throws: a refusal or a storage failure becomes the file's outcome, and
 * nothing of that file is stored.
 */
export async function importFileText(db: DigestLensDB, name: string, text: string, now = new Date()): Promise<FileOutcome> {
  try {
    const digest = parseDigestText(name, text, now);
    const value = await importDigest(db, digest, await digestContentId(text), now);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof DigestError) return { ok: false, error: error.message };
    if (isQuotaError(error)) {
      return {
        ok: false,
        error: `${name}: the browser's storage for DigestLens is full; nothing of this file was imported. Free space or export a backup and remove digests`,
      };
    }
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, error: `${name}: could not be stored, nothing was imported (${reason})` };
  }
}
