import { normalizeArxivId } from '../identity/arxiv-id';
import { titleKey } from '../identity/title-key';
import type { Paper } from './entities';
import { papersByTitleKey } from './find-papers';
import { titlePaperId, withAliasKey } from './paper-keys';
import type { DigestLensDB } from './schema';
import { adjustPaperCount } from './stats';

/** The title a paper known only by its arXiv id (an arXiv PDF tab) is stored under. */
export function placeholderTitle(arxivId: string): string {
  return `arXiv:${arxivId}`;
}

export interface PagePaperInput {
  title: string;
  arxivId: string | null;
  abstract: string | null;
  url: string | null;
}

/**
 * The stored paper for a paper seen on a page, or null: by arXiv id, else by title key (where
 * the arXiv ids do not disagree). Reads only; see ensurePaper to create it.
 */
export async function findPaper(db: DigestLensDB, seen: Pick<PagePaperInput, 'title' | 'arxivId'>): Promise<Paper | null> {
  const arxivId = seen.arxivId ? normalizeArxivId(seen.arxivId) : null;
  const byId = arxivId ? await db.papers.where('arxivId').equals(arxivId).first() : undefined;
  if (byId) return byId;
  const key = titleKey(seen.title);
  const byTitle = (await papersByTitleKey(db, [key])).get(key);
  return byTitle && (!byTitle.arxivId || !arxivId || byTitle.arxivId === arxivId) ? byTitle : null;
}

/**
 * The stored paper for a paper seen on a page, created when it is not in the corpus (a note or a
 * queue item on any paper): found by arXiv id, else by title key, the same identity rule as import.
 */
export async function ensurePaper(db: DigestLensDB, seen: PagePaperInput, now = new Date()): Promise<Paper> {
  const arxivId = seen.arxivId ? normalizeArxivId(seen.arxivId) : null;
  const key = titleKey(seen.title);
  return db.transaction('rw', db.papers, db.meta, async () => {
    const byId = arxivId ? await db.papers.where('arxivId').equals(arxivId).first() : undefined;
    if (byId) {
      // A paper first seen as a bare PDF link has its id for a title; a page now shows the real one.
      if (byId.title === placeholderTitle(byId.arxivId ?? '') && seen.title !== byId.title) {
        const renamed = withAliasKey({ ...byId, title: seen.title, titleKey: key, abstract: byId.abstract || (seen.abstract ?? '') });
        await db.papers.put(renamed);
        return renamed;
      }
      return byId;
    }
    const byTitle = (await papersByTitleKey(db, [key])).get(key);
    if (byTitle && (!byTitle.arxivId || !arxivId || byTitle.arxivId === arxivId)) {
      if (!byTitle.arxivId && arxivId) {
        byTitle.arxivId = arxivId;
        await db.papers.put(byTitle);
      }
      return byTitle;
    }
    const paper: Paper = withAliasKey({
      id: arxivId ? `arxiv:${arxivId}` : titlePaperId(key),
      title: seen.title,
      titleKey: key,
      arxivId,
      abstract: seen.abstract ?? '',
      authors: null,
      organization: null,
      addedAt: now.toISOString(),
      url: seen.url,
    });
    await db.papers.put(paper);
    await adjustPaperCount(db, 1);
    return paper;
  });
}
