import type { MetaRow } from './entities';
import type { DigestLensDB } from './schema';

/**
 * The in-memory indexes (lib/corpus/corpus-indexes.ts) persist themselves as `meta` rows, so that
 * a woken service worker loads them instead of reading every paper. The rows' shape and keys are
 * the indexes' own; here they are only read and written.
 */

/** The value persisted under `key`, or undefined; the caller checks its shape. */
export async function readPersistedIndex(db: DigestLensDB, key: string): Promise<unknown> {
  return (await db.meta.get(key))?.value;
}

export async function writePersistedIndexes(db: DigestLensDB, rows: MetaRow[]): Promise<void> {
  await db.meta.bulkPut(rows);
}
