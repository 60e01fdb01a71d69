import type { Paper } from './entities';
import { titlePaperId } from './paper-keys';
import type { DigestLensDB } from './schema';

/**
 * Stored papers by title key. Most papers are stored under `title:<titleKey>`, so this is a
 * primary-key `bulkGet`, and only the misses are looked up in the sparse `aliasKey` index
 * (papers stored under their arXiv id). Much faster than `where('titleKey').anyOf(keys)`, which
 * walks the full title-key index one seek per key.
 */
export async function papersByTitleKey(db: DigestLensDB, keys: string[]): Promise<Map<string, Paper>> {
  const unique = [...new Set(keys)];
  const found = new Map<string, Paper>();
  const direct = await db.papers.bulkGet(unique.map(titlePaperId));
  const misses: string[] = [];
  unique.forEach((key, i) => {
    const paper = direct[i];
    if (paper) found.set(key, paper);
    else misses.push(key);
  });
  if (misses.length) {
    for (const paper of await db.papers.where('aliasKey').anyOf(misses).toArray()) {
      if (!found.has(paper.titleKey)) found.set(paper.titleKey, paper);
    }
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
