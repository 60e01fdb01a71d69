import { browser } from 'wxt/browser';
import { serveCommands } from '@/lib/commands/serve-commands';
import { CorpusIndexes } from '@/lib/corpus/corpus-indexes';
import { lookupPapers } from '@/lib/corpus/lookup';
import { servePaperState, showQueueCountOnIcon } from '@/lib/corpus/paper-state';
import { toggleQueueFromPage } from '@/lib/corpus/queue-from-page';
import { relatedPapers, relatedStrengths, relatedToDigests } from '@/lib/corpus/related-papers';
import { learnArxivIds, readSettings } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { serveImports, storePageDigests } from '@/lib/import/background-port';
import { serveContentRequests } from '@/lib/messaging/background-router';
import { serveNoteEditors } from '@/lib/notes/background-notes';
import { BROWSER_NAME } from '@/lib/platform/browser-name';
import { toolbarButton } from '@/lib/platform/toolbar-button';
import { startBackgroundSync } from '@/lib/sync/background-sync';
import { serveSyncPanel } from '@/lib/sync/serve-sync-panel';

/** Every channel the background serves (lib/messaging/protocol/ lists their messages, one file per direction). */
export default defineBackground(() => {
  const indexes = new CorpusIndexes(db);
  serveImports(browser.runtime, db, () => void indexes.fresh());
  serveContentRequests(browser.runtime, {
    'lookup-papers': (r) => lookupPapers(db, indexes, r.papers),
    'related-papers': (r) => relatedPapers(db, indexes, r.paper, r.excludePaperId, r.limit),
    'related-strength': (r) => relatedStrengths(indexes, r.papers),
    'related-to-digests': (r) => relatedToDigests(db, indexes, r.papers, r.minStrength, r.limit),
    'read-settings': () => readSettings(db),
    'queue-toggle': (r) => toggleQueueFromPage(db, r.paper, r.paperId, r.queued),
    'learn-arxiv-ids': (r) => learnArxivIds(db, r.papers),
    'capture-page': (r) => storePageDigests(db, r.digests[0]?.fileName ?? 'this page', r.digests, () => void indexes.fresh()),
  });
  servePaperState(browser.runtime, db);
  // Kept on the worker's global, which only the extension's own contexts reach: the browser tests
  // run a command through it, as the browser would on a shortcut (tests/browser/everyday-page.test.ts).
  Object.assign(globalThis, { digestLensCommand: serveCommands(db) });
  serveNoteEditors(browser.runtime, db);
  // Sync is off until the user connects a server (Settings → Sync); until then it makes no request.
  const sync = startBackgroundSync({ db, browser, browserName: BROWSER_NAME });
  serveSyncPanel(browser.runtime, sync);
  showQueueCountOnIcon(db, toolbarButton());
});
