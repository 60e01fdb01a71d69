import { META_KEYS } from './meta-keys';
import type { DigestLensDB } from './schema';

/**
 * The corpus revision counts changes to which papers are in digests. Import and delete bump it
 * in their own transaction, so whoever wrote (background, popup, a restore) every cache of the
 * corpus (the related-papers index) can tell it is stale by comparing one number.
 */
const KEY = META_KEYS.corpusRevision;

export async function corpusRevision(db: DigestLensDB): Promise<number> {
  const row = await db.meta.get(KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Call inside a transaction that includes `db.meta`. `by`: how many changes (an import of several digests). */
export async function bumpCorpusRevision(db: DigestLensDB, by = 1): Promise<number> {
  const next = (await corpusRevision(db)) + by;
  await db.meta.put({ key: KEY, value: next });
  return next;
}
