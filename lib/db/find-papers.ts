import type { Paper } from './entities';
import { titlePaperId } from './paper-keys';
import type { DigestLensDB } from './schema';

/**
 * Stored papers by title key. Most papers are stored under `title:<titleKey>`, so this is a
 * primary-key `bulkGet` (papersUnderTitleIds), beside a look in the sparse `aliasKey` index
 * (papers stored under their arXiv id); a direct hit wins over an alias. Much faster than
 * `where('titleKey').anyOf(keys)`, which walks the full title-key index one seek per key.
 */
export async function papersByTitleKey(db: DigestLensDB, keys: string[]): Promise<Map<string, Paper>> {
  const unique = [...new Set(keys)];
  // Both reads at once, one wait instead of two. The alias index is asked for every key, not only
  // the direct misses: a cursor over it costs at most one step per key either way.
  const [direct, aliased] = await Promise.all([papersUnderTitleIds(db, unique), papersByAliasKey(db, unique)]);
  for (const [key, paper] of aliased) if (!direct.has(key)) direct.set(key, paper);
  return direct;
}

/** The papers stored under `title:<key>`, by key (one primary-key read each). */
export async function papersUnderTitleIds(db: DigestLensDB, keys: string[]): Promise<Map<string, Paper>> {
  const unique = [...new Set(keys)];
  const found = new Map<string, Paper>();
  if (unique.length === 0) return found;
  const papers = await db.papers.bulkGet(unique.map(titlePaperId));
  unique.forEach((key, i) => {
    const paper = papers[i];
    if (paper) found.set(key, paper);
  });
  return found;
}

/** The papers stored under another id than `title:<key>` whose title key is one of `keys` (the first of each, in index order). */
export async function papersByAliasKey(db: DigestLensDB, keys: string[]): Promise<Map<string, Paper>> {
  const found = new Map<string, Paper>();
  if (keys.length === 0) return found;
  for (const paper of await db.papers.where('aliasKey').anyOf(keys).toArray()) {
    if (!found.has(paper.titleKey)) found.set(paper.titleKey, paper);
  }
  return found;
}

/** Stored papers by bare arXiv id (the arXiv id index only holds papers that have one). */
export async function papersByArxivId(db: DigestLensDB, ids: string[]): Promise<Map<string, Paper>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const papers = await db.papers.where('arxivId').anyOf(unique).toArray();
  return new Map(papers.map((p) => [p.arxivId as string, p]));
}

/** Stored papers by primary key, in the order asked, undefined where there is none. */
export async function papersById(db: DigestLensDB, ids: string[]): Promise<Array<Paper | undefined>> {
  return db.papers.bulkGet(ids);
}
