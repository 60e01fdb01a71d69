import { type DigestLensDB, setQueuedFromPage } from '../db';
import type { PagePaper } from '../messaging/protocol';

/** The content script's queue toggle: lib/db's setQueuedFromPage, for a paper as the protocol describes it. */
export async function toggleQueueFromPage(db: DigestLensDB, paper: PagePaper, pageUrl: string, queued: boolean) {
  return setQueuedFromPage(db, { title: paper.title, arxivId: paper.arxivId, abstract: paper.abstract ?? null }, pageUrl, queued);
}
