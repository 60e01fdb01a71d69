import { type DigestLensDB, importFilesTogether } from '../db';
import type { FileOutcome } from '../messaging/protocol/page-to-background';
import { type PreparedFile, storeFile } from './import-file';

/** A file that parsed: what storeFiles takes (a refused file never reaches the database). */
export type ParsedFile = Extract<PreparedFile, { ok: true }>;

/**
 * Stores parsed files, in order, in one transaction, and returns each file's outcome: the same
 * outcomes as storing them one after another, each in its own transaction (storeFile), for one
 * commit instead of many (`npm run bench:import`).
 *
 * A file is still all or nothing: if the shared transaction fails (a full disk, a file the
 * database refuses), nothing of any of them was stored, and each is then stored on its own. So a
 * file that fails changes nothing and says why, and the files beside it are stored as if it had
 * not been there; a disk that fills up mid-way keeps the files that fit, whole. Never throws.
 */
export async function storeFiles(db: DigestLensDB, files: readonly ParsedFile[]): Promise<FileOutcome[]> {
  if (files.length === 1) return [await storeFile(db, files[0] as ParsedFile)];
  try {
    const results = await importFilesTogether(db, files);
    return results.map((value) => ({ ok: true, value }));
  } catch {
    const outcomes: FileOutcome[] = [];
    for (const file of files) outcomes.push(await storeFile(db, file));
    return outcomes;
  }
}

/** How many papers a file lists, over its digests. */
export function papersIn(file: ParsedFile): number {
  return file.digests.reduce((sum, { digest }) => sum + digest.papers.length, 0);
}
