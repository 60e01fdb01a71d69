import { type DigestLensDB, dayDigestContentId, digestContentId, importDigests, pageDigestContentId } from '../db';
import { DigestError, digestsOfPage, type ParsedDigest, parseDigestFile } from '../digest';
import type { DigestContent } from '../digest/types';
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

/** Runs one file's (or page's) import; a refusal or a storage failure becomes its outcome, and nothing of it is stored. */
async function outcomeOf(name: string, store: () => Promise<FileOutcome>): Promise<FileOutcome> {
  try {
    return await store();
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

/**
 * One file, from text to stored digests: parse (refusing what is not a digest), then store all of
 * its digests (one per featured day for a multi-day feed) in one transaction. Never throws.
 */
export async function importFileText(db: DigestLensDB, name: string, text: string, now = new Date()): Promise<FileOutcome> {
  return outcomeOf(name, async () => {
    const digests = parseDigestFile(name, text, { today: now });
    const single = digests.length === 1;
    const ids = await Promise.all(digests.map((d) => (single ? digestContentId(text) : dayDigestContentId(text, d.digestDate.iso))));
    return { ok: true, value: await importDigests(db, stored(digests, ids), now) };
  });
}

/**
 * Digests read from a page, by the one-click capture or from a saved `.html` file (read where
 * there is a DOM: the content script, the popup), stored the same way: checked again with the
 * digest schema, all in one transaction, each idempotent by its page content id. Never throws.
 */
export async function importPageDigests(db: DigestLensDB, name: string, contents: DigestContent[], now = new Date()): Promise<FileOutcome> {
  return outcomeOf(name, async () => {
    const digests = digestsOfPage(name, contents);
    if (digests.length === 0) throw new DigestError(name, null, 'the page shows no papers: nothing to import');
    const ids = await Promise.all(digests.map((d) => pageDigestContentId(d)));
    return { ok: true, value: await importDigests(db, stored(digests, ids), now) };
  });
}

function stored(digests: ParsedDigest[], ids: string[]) {
  return digests.map((digest, i) => ({ digest, contentId: ids[i] as string }));
}
