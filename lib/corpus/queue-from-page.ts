import { addToQueue, type DigestLensDB, ensurePaper, removeFromQueue } from '../db';
import type { PagePaper } from '../messaging/protocol';

/** Queues (or unqueues) a paper seen on a page, creating its record when it is new to DigestLens. */
export async function toggleQueueFromPage(db: DigestLensDB, paper: PagePaper, pageUrl: string, queued: boolean) {
  const stored = await ensurePaper(db, { title: paper.title, arxivId: paper.arxivId, abstract: paper.abstract ?? null, url: pageUrl });
  if (queued) await addToQueue(db, stored.id, pageUrl);
  else await removeFromQueue(db, stored.id);
  return { paperId: stored.id, queued };
}
