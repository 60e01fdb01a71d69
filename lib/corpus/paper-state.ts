import type { browser } from 'wxt/browser';
import { type DigestLensDB, watchQueuedAndNoted, watchUnreadCount } from '../db';
import { type ServedPort, servePort } from '../messaging/channel';
import { NoPaperStateRequests, type PaperState, type PaperStateEvent, STATE_PORT } from '../messaging/protocol/background-to-content';
import { fromContentScriptsOrExtensionPages } from '../messaging/sender';

/** The papers whose state differs between two readings, with their new state. */
function changes(before: { queued: Set<string>; noted: Set<string> }, after: { queued: Set<string>; noted: Set<string> }): PaperState[] {
  const touched = new Set<string>();
  for (const [a, b] of [
    [before.queued, after.queued],
    [before.noted, after.noted],
  ] as const) {
    for (const id of a) if (!b.has(id)) touched.add(id);
    for (const id of b) if (!a.has(id)) touched.add(id);
  }
  return [...touched].map((paperId) => ({ paperId, queued: after.queued.has(paperId), noted: after.noted.has(paperId) }));
}

/**
 * Keeps badges current. A page learns each paper's state with its lookup answer; after that this
 * port tells every open page which papers changed (queued, read, noted, from any tab, the popup or
 * the note editor: Dexie's live queries see writes from every context of the extension), and each
 * page keeps the changes to papers it shows. A change is one small event, whatever a page shows.
 */
export function servePaperState(runtime: typeof browser.runtime, db: DigestLensDB): void {
  const pages = new Set<ServedPort<PaperStateEvent>>();
  let current: { queued: Set<string>; noted: Set<string> } | null = null;

  watchQueuedAndNoted(db, (state) => {
    const changed = current ? changes(current, state) : [];
    current = state;
    if (changed.length === 0) return;
    for (const page of pages) page.post({ type: 'paper-state-changed', changes: changed });
  });

  servePort(runtime.onConnect, {
    name: STATE_PORT,
    // Events only: any request is answered `failed` (`malformed request`).
    schema: NoPaperStateRequests,
    allow: fromContentScriptsOrExtensionPages(runtime),
    open: (page: ServedPort<PaperStateEvent>) => {
      pages.add(page);
      page.signal.addEventListener('abort', () => pages.delete(page));
      return {};
    },
  });
}

/** The toolbar icon's count: unread queue items, kept current as the queue changes. */
export function showQueueCountOnIcon(db: DigestLensDB, action: { setBadgeText(details: { text: string }): Promise<void> | void }): void {
  watchUnreadCount(db, (count) => void action.setBadgeText({ text: count > 0 ? String(count) : '' }));
}
