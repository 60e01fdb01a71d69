import { type DigestLensDB, dayDigestContentId, digestContentId, importDigests, pageDigestContentId } from '../db';
import { DiskFullError, isQuotaError } from '../db/disk-full';
import { DigestError, digestsOfPage, type ParsedDigest, parseDigestFile } from '../digest';
import type { DigestContent } from '../digest/types';
import type { FileOutcome } from '../messaging/protocol/page-to-background';

/** A file's digests (one per featured day for a multi-day feed), each with its content id. */
type DigestsToStore = Array<{ digest: ParsedDigest; contentId: string }>;

/** A file parsed and identified, ready to be stored; or its refusal. */
export type PreparedFile = { ok: true; name: string; digests: DigestsToStore; now: Date } | { ok: false; outcome: FileOutcome };

/**
 * The part of a file's import that needs no database: parse (refusing what is not a digest) and
 * compute its content ids. Kept apart so that the worker can prepare the next file while the one
 * before it is being stored (background-port.ts). Never throws.
 */
export async function prepareFile(name: string, text: string, now = new Date()): Promise<PreparedFile> {
  try {
    const digests = parseDigestFile(name, text, { today: now });
    const single = digests.length === 1;
    const ids = await Promise.all(digests.map((d) => (single ? digestContentId(text) : dayDigestContentId(text, d.digestDate.iso))));
    return { ok: true, name, digests: paired(digests, ids), now };
  } catch (error) {
    return { ok: false, outcome: { ok: false, error: failureMessage(name, error) } };
  }
}

/**
 * Stores a prepared file's digests in one transaction. Never throws: a refusal or a storage
 * failure becomes the file's outcome, and nothing of that file is stored.
 */
export async function storeFile(db: DigestLensDB, prepared: PreparedFile): Promise<FileOutcome> {
  if (!prepared.ok) return prepared.outcome;
  try {
    return { ok: true, value: await importDigests(db, prepared.digests, prepared.now) };
  } catch (error) {
    return { ok: false, error: failureMessage(prepared.name, error) };
  }
}

/** One file, from text to stored digests: prepareFile, then storeFile. Never throws. */
export async function importFileText(db: DigestLensDB, name: string, text: string, now = new Date()): Promise<FileOutcome> {
  return storeFile(db, await prepareFile(name, text, now));
}

/**
 * Digests read from a page, by the one-click capture or from a saved `.html` file (read where
 * there is a DOM: the content script, the popup), stored the same way: checked again with the
 * digest schema, all in one transaction, each idempotent by its page content id. Never throws.
 */
export async function importPageDigests(db: DigestLensDB, name: string, contents: DigestContent[], now = new Date()): Promise<FileOutcome> {
  try {
    const digests = digestsOfPage(name, contents);
    if (digests.length === 0) throw new DigestError(name, null, 'the page shows no papers: nothing to import');
    const ids = await Promise.all(digests.map((d) => pageDigestContentId(d)));
    return { ok: true, value: await importDigests(db, paired(digests, ids), now) };
  } catch (error) {
    return { ok: false, error: failureMessage(name, error) };
  }
}

function paired(digests: ParsedDigest[], ids: string[]): DigestsToStore {
  return digests.map((digest, i) => ({ digest, contentId: ids[i] as string }));
}

function failureMessage(name: string, error: unknown): string {
  if (error instanceof DigestError) return error.message;
  if (isQuotaError(error))
    return `${name}: ${new DiskFullError('nothing of this file was imported. Free space or export a backup and remove digests').message}`;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `${name}: could not be stored, nothing was imported (${reason})`;
}
