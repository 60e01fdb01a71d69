import { type DigestLensDB, setQueuedFromPage } from '../db';
import type { SeenPaper } from '../identity/seen-paper';

/** The content script's queue toggle: lib/db's setQueuedFromPage, for the paper the page's lookup matched. */
export async function toggleQueueFromPage(db: DigestLensDB, paper: SeenPaper, matchedId: string | null, queued: boolean) {
  return setQueuedFromPage(db, paper, paper.url ?? '', queued, matchedId);
}
