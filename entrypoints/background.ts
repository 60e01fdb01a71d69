import { browser } from 'wxt/browser';
import { CorpusIndexes } from '@/lib/corpus/corpus-indexes';
import { lookupPapers } from '@/lib/corpus/lookup';
import { servePaperState, showQueueCountOnIcon } from '@/lib/corpus/paper-state';
import { toggleQueueFromPage } from '@/lib/corpus/queue-from-page';
import { relatedPapers, relatedStrengths } from '@/lib/corpus/related-papers';
import { learnArxivIds, readSettings } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { serveImports } from '@/lib/import/background-port';
import { importPageDigests } from '@/lib/import/import-file';
import { serveContentRequests } from '@/lib/messaging/background-router';
import { Refusal } from '@/lib/messaging/channel';
import { serveNoteEditors } from '@/lib/notes/background-notes';

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
    'capture-page': async (r) => {
      const outcome = await importPageDigests(db, r.digests[0]?.fileName ?? 'this page', r.digests);
      if (!outcome.ok) throw new Refusal(outcome.error);
      void indexes.fresh();
      return outcome.value;
    },
    settings: () => readSettings(db),
  });
  servePaperState(browser.runtime, db);
  serveNoteEditors(browser.runtime, db);
  // Chrome MV3 has `action`; Firefox's MV2 build has `browserAction`.
  showQueueCountOnIcon(db, browser.action ?? browser.browserAction);
});
