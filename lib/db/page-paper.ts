import { paperIdentity } from '../identity/same-paper';
import type { SeenPaper } from '../identity/seen-paper';
import { paperDoc } from '../sync/mapping';
import type { Paper } from './entities';
import { listedPaperIds } from './listings';
import { recordChanges, syncedDatabases } from './outbox';
import { newPaperId, withAliasKey } from './paper-keys';
import { resolvePapers } from './resolve-papers';
import type { DigestLensDB } from './schema';
import { adjustPaperCount } from './stats';

/** The title a paper known only by its arXiv id (an arXiv PDF tab) is stored under. */
export function placeholderTitle(arxivId: string): string {
  return `arXiv:${arxivId}`;
}

/**
 * The stored paper for a paper seen on a page, or null (the identity rule: resolve-papers.ts).
 * Reads only; see ensurePaper to create it.
 */
export async function findPaper(db: DigestLensDB, seen: Pick<SeenPaper, 'title' | 'arxivId'>): Promise<Paper | null> {
  const [stored] = await resolvePapers(db, [seen]);
  return stored ?? null;
}

/**
 * The stored paper for a paper seen on a page, created when it is not in the corpus (a note or a
 * queue item on any paper), by the same identity rule as import, with what the page shows of it:
 * its author names go to `authorNames` (`authors` stays the count a digest gives).
 */
export async function ensurePaper(
  db: DigestLensDB,
  seen: Pick<SeenPaper, 'title' | 'arxivId' | 'abstract' | 'url'> & Partial<Pick<SeenPaper, 'authors'>>,
  now = new Date(),
): Promise<Paper> {
  const identity = paperIdentity(seen);
  return db.transaction('rw', [db.papers, db.meta, db.notes, db.queue, db.listings, db.outbox], async () => {
    const [stored] = await resolvePapers(db, [seen]);
    if (stored) {
      // A paper first seen as a bare PDF link has its id for a title; a page now shows the real one.
      if (stored.arxivId && stored.title === placeholderTitle(stored.arxivId) && seen.title !== stored.title) {
        const renamed = withAliasKey({
          ...stored,
          title: seen.title,
          titleKey: identity.titleKey,
          abstract: stored.abstract || (seen.abstract ?? ''),
        });
        await db.papers.put(renamed);
        await recordPaperChange(db, renamed);
        return renamed;
      }
      // A paper known by title keeps having no arXiv id here, even when `seen` has one: the seen
      // paper may come from an editor's address or a reference, which must not re-point a stored
      // paper (issue 9). Ids are learned only from the site's own record: lib/db/learn-arxiv-ids.ts.
      return stored;
    }
    const paper: Paper = withAliasKey({
      id: newPaperId(identity),
      title: seen.title,
      titleKey: identity.titleKey,
      arxivId: identity.arxivId,
      abstract: seen.abstract ?? '',
      authors: null,
      ...(seen.authors?.length ? { authorNames: seen.authors } : {}),
      organization: null,
      addedAt: now.toISOString(),
      url: seen.url,
    });
    await db.papers.put(paper);
    await adjustPaperCount(db, 1);
    // A new paper is in no database yet: the note or queue item made on it next brings it along.
    return paper;
  });
}

/** A stored paper changed: the databases that hold it (private for a note or queue item, lab for a digest) get it anew. */
async function recordPaperChange(db: DigestLensDB, paper: Paper): Promise<void> {
  const databases = await syncedDatabases(db);
  if (!databases.length) return;
  const [note, queued, listed] = await Promise.all([db.notes.get(paper.id), db.queue.get(paper.id), listedPaperIds(db, [paper.id])]);
  const doc = paperDoc(paper);
  await recordChanges(db, [
    ...(note || queued ? [{ database: 'private' as const, doc }] : []),
    ...(listed.size ? [{ database: 'lab' as const, doc }] : []),
  ]);
}
