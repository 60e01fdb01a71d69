import { addToQueue, type DigestLensDB, ensurePaper, paperById, removeFromQueue } from '../db';
import type { SeenPaper } from '../messaging/protocol/shared';

/**
 * Queues (or unqueues) a paper seen on a page: the stored paper the page's lookup matched when it
 * did (a fuzzy match has another title, which would not find it again), else the page's paper,
 * created when it is new to DigestLens.
 */
export async function toggleQueueFromPage(db: DigestLensDB, paper: SeenPaper, matchedId: string | null, queued: boolean) {
  const stored = (matchedId ? await paperById(db, matchedId) : null) ?? (await ensurePaper(db, paper));
  if (queued) await addToQueue(db, stored.id, paper.url ?? '');
  else await removeFromQueue(db, stored.id);
  return { paperId: stored.id, queued };
}
