import { addToQueue, type DigestLensDB, ensurePaper, removeFromQueue } from '../db';
import type { SeenPaper } from '../messaging/protocol/shared';

/** Queues (or unqueues) a paper seen on a page, creating its record when it is new to DigestLens. */
export async function toggleQueueFromPage(db: DigestLensDB, paper: SeenPaper, queued: boolean) {
  const stored = await ensurePaper(db, paper);
  if (queued) await addToQueue(db, stored.id, paper.url ?? '');
  else await removeFromQueue(db, stored.id);
  return { paperId: stored.id, queued };
}
