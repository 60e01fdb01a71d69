import { type DigestLensDB, digestContentId, importDigest } from '../db';
import { DiskFullError, isQuotaError } from '../db/disk-full';
import { DigestError, parseDigestText } from '../digest';
import type { FileOutcome } from '../messaging/protocol/page-to-background';

/** Kept here too: import was the first to need it (lib/db/disk-full.ts is the one place). */
export { isQuotaError };

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
        error: `${name}: ${new DiskFullError('nothing of this file was imported. Free space or export a backup and remove digests').message}`,
      };
    }
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, error: `${name}: could not be stored, nothing was imported (${reason})` };
  }
}
