import { paperDoc } from '../sync/mapping';
import { type OutboxChange, outboxTables, recordChanges } from './outbox';
import { bumpCorpusRevision } from './revision';
import type { DigestLensDB } from './schema';

/** Whether the paper's arXiv id was learned after it was stored (it is not its key), so the reader may remove it. */
export function arxivIdIsLearned(paper: { id: string; arxivId: string | null }): boolean {
  return paper.arxivId !== null && paper.id !== `arxiv:${paper.arxivId}`;
}

/**
 * Removes an arXiv id DigestLens learned for a paper it first knew by title (a page's record,
 * a later digest), when the reader says it is wrong. The paper stays findable by its title; an
 * id that is the paper's key (it came with the paper) is not removed. Returns whether it was.
 * The corpus revision moves on, so the related index and its links are rebuilt without it.
 */
export async function forgetArxivId(db: DigestLensDB, paperId: string): Promise<boolean> {
  return db.transaction('rw', [db.papers, db.notes, db.queue, db.meta, ...outboxTables(db)], async () => {
    const paper = await db.papers.get(paperId);
    if (!paper || !arxivIdIsLearned(paper)) return false;
    const forgotten = { ...paper, arxivId: null };
    await db.papers.put(forgotten);
    await bumpCorpusRevision(db);
    // The private database holds the papers that notes and the queue refer to (lib/sync/documents.ts).
    const [note, item] = await Promise.all([db.notes.get(paperId), db.queue.get(paperId)]);
    const changes: OutboxChange[] = note || item ? [{ database: 'private', doc: paperDoc(forgotten) }] : [];
    await recordChanges(db, changes);
    return true;
  });
}
