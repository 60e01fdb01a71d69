import { browser } from 'wxt/browser';
import { CorpusIndexes } from '@/lib/corpus/corpus-indexes';
import { lookupPapers } from '@/lib/corpus/lookup';
import { servePaperState, showQueueCountOnIcon } from '@/lib/corpus/paper-state';
import { toggleQueueFromPage } from '@/lib/corpus/queue-from-page';
import { relatedPapers, relatedStrengths } from '@/lib/corpus/related-papers';
import { learnArxivIds } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { serveImports } from '@/lib/import/background-port';
import { serveContentRequests } from '@/lib/messaging/background-router';
import { serveNoteEditors } from '@/lib/notes/background-notes';
import { toolbarButton } from '@/lib/platform/toolbar-button';

/** Every channel the background serves (lib/messaging/protocol/ lists their messages, one file per direction). */
export default defineBackground(() => {
  const indexes = new CorpusIndexes(db);
  serveImports(browser.runtime, db, () => void indexes.fresh());
  serveContentRequests(browser.runtime, {
    'lookup-papers': (r) => lookupPapers(db, indexes, r.papers),
    'related-papers': (r) => relatedPapers(db, indexes, r.paper, r.excludePaperId, r.limit),
    'related-strength': (r) => relatedStrengths(indexes, r.papers),
    'queue-toggle': (r) => toggleQueueFromPage(db, r.paper, r.paperId, r.queued),
    'learn-arxiv-ids': (r) => learnArxivIds(db, r.papers),
  });
  servePaperState(browser.runtime, db);
  serveNoteEditors(browser.runtime, db);
  showQueueCountOnIcon(db, toolbarButton());
});
