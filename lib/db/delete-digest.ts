import { digestDocId, paperDocId } from '../sync/documents';
import { entriesOfDigest, listedPaperIds } from './listings';
import { type OutboxChange, recordChanges, removalOf } from './outbox';
import { bumpCorpusRevision } from './revision';
import type { DigestLensDB } from './schema';
import { adjustPaperCount } from './stats';

export interface DeleteResult {
  /** Papers removed because no digest lists them any more and nothing of the user's points at them. */
  removedPapers: number;
  /** Papers of the digest kept: listed by another digest, or with a note or queue item. */
  keptPapers: number;
}

/**
 * Removes a digest and its entries in one transaction. Its papers go too unless another digest
 * lists them or the user has a note or queue item on them: notes and the queue are never lost,
 * and they keep the paper's title to show.
 */
export async function deleteDigest(db: DigestLensDB, digestId: string): Promise<DeleteResult> {
  return db.transaction('rw', [db.papers, db.digests, db.listings, db.notes, db.queue, db.meta, db.outbox], async () => {
    const paperIds = [...new Set((await entriesOfDigest(db, digestId)).map((e) => e.paperId))];
    await db.listings.delete(digestId);
    await db.digests.delete(digestId);

    const stillListed = await listedPaperIds(db, paperIds);
    const [notes, queued] = await Promise.all([db.notes.bulkGet(paperIds), db.queue.bulkGet(paperIds)]);
    const orphans = paperIds.filter((id, i) => !stillListed.has(id) && !notes[i] && !queued[i]);
    await db.papers.bulkDelete(orphans);
    await adjustPaperCount(db, -orphans.length);
    await bumpCorpusRevision(db);
    // The lab database loses the digest and the papers no other digest lists (a note or queue
    // item keeps its paper here and in the private database).
    const unlisted = paperIds.filter((id) => !stillListed.has(id));
    const changes: OutboxChange[] = [digestDocId(digestId), ...unlisted.map(paperDocId)].map((id) => ({
      database: 'lab',
      doc: removalOf(id),
    }));
    await recordChanges(db, changes);
    return { removedPapers: orphans.length, keptPapers: paperIds.length - orphans.length };
  });
}
