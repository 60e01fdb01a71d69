import { META_KEYS } from './meta-keys';
import type { DigestLensDB } from './schema';

/** The number of stored papers, kept in `meta` by every writer of `papers` in its transaction. */
const PAPER_COUNT_KEY = META_KEYS.paperCount;

export async function paperCount(db: DigestLensDB): Promise<number> {
  const row = await db.meta.get(PAPER_COUNT_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Call inside a transaction that includes `db.meta`. */
export async function adjustPaperCount(db: DigestLensDB, delta: number): Promise<void> {
  if (delta !== 0) await db.meta.put({ key: PAPER_COUNT_KEY, value: (await paperCount(db)) + delta });
}

/** Recounts from the table (after a restore, which merges in ways too many to track). */
export async function recountPapers(db: DigestLensDB): Promise<void> {
  await db.meta.put({ key: PAPER_COUNT_KEY, value: await db.papers.count() });
}
