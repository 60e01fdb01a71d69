import { type DigestLensDB, digestContentId, importDigest } from '../db';
import { DigestError, type ParsedDigest, parseDigestText } from '../digest';
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

/** A file parsed and identified, ready to be stored; or its refusal. */
export type PreparedFile =
  | { ok: true; name: string; digest: ParsedDigest; contentId: string; now: Date }
  | { ok: false; outcome: FileOutcome };

/**
 * The part of a file's import that needs no database: parse (refusing what is not a digest) and
 * compute its content id. Kept apart so that the worker can prepare the next file while the one
 * before it is being stored (background-port.ts). Never throws.
 */
export async function prepareFile(name: string, text: string, now = new Date()): Promise<PreparedFile> {
  try {
    const digest = parseDigestText(name, text, now);
    return { ok: true, name, digest, contentId: await digestContentId(text), now };
  } catch (error) {
    return { ok: false, outcome: { ok: false, error: failureMessage(name, error) } };
  }
}

/**
 * Stores a prepared file in one transaction. Never throws: a refusal or a storage failure becomes
 * the file's outcome, and nothing of that file is stored.
 */
export async function storeFile(db: DigestLensDB, prepared: PreparedFile): Promise<FileOutcome> {
  if (!prepared.ok) return prepared.outcome;
  try {
    return { ok: true, value: await importDigest(db, prepared.digest, prepared.contentId, prepared.now) };
  } catch (error) {
    return { ok: false, error: failureMessage(prepared.name, error) };
  }
}

/** One file, from text to stored digest: prepareFile, then storeFile. Never throws. */
export async function importFileText(db: DigestLensDB, name: string, text: string, now = new Date()): Promise<FileOutcome> {
  return storeFile(db, await prepareFile(name, text, now));
}

function failureMessage(name: string, error: unknown): string {
  if (error instanceof DigestError) return error.message;
  if (isQuotaError(error)) {
    return `${name}: the browser's storage for DigestLens is full; nothing of this file was imported. Free space or export a backup and remove digests`;
  }
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `${name}: could not be stored, nothing was imported (${reason})`;
}
