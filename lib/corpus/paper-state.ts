import { liveQuery } from 'dexie';
import type { Browser, browser } from 'wxt/browser';
import type { DigestLensDB } from '../db';
import { STATE_PORT, WatchRequestSchema } from '../messaging/protocol';

interface Watcher {
  port: Browser.runtime.Port;
  ids: Set<string>;
}

/**
 * Keeps badges current: pages open a port and name the papers they show; whenever the queue or
 * the notes change (from any tab, the popup or the note editor: Dexie's live queries see writes
 * from every context of the extension), each page is told which of its papers are queued or noted.
 */
export function servePaperState(runtime: typeof browser.runtime, db: DigestLensDB): void {
  const watchers = new Set<Watcher>();
  let queued = new Set<string>();
  let noted = new Set<string>();

  const tell = (watcher: Watcher) => {
    watcher.port.postMessage({
      type: 'paper-state',
      queued: [...watcher.ids].filter((id) => queued.has(id)),
      noted: [...watcher.ids].filter((id) => noted.has(id)),
    });
  };

  liveQuery(async () => {
    const [queue, notes] = await Promise.all([
      db.queue.filter((i) => i.readAt === null).primaryKeys(),
      db.notes.filter((n) => n.text.trim() !== '').primaryKeys(),
    ]);
    return { queue: queue as string[], notes: notes as string[] };
  }).subscribe({
    next: (state) => {
      queued = new Set(state.queue);
      noted = new Set(state.notes);
      for (const watcher of watchers) tell(watcher);
    },
    error: (error) => console.error('DigestLens: paper state query failed', error),
  });

  runtime.onConnect.addListener((port) => {
    if (port.name !== STATE_PORT || port.sender?.id !== runtime.id) return;
    const watcher: Watcher = { port, ids: new Set() };
    watchers.add(watcher);
    port.onDisconnect.addListener(() => watchers.delete(watcher));
    port.onMessage.addListener((message: unknown) => {
      const request = WatchRequestSchema.safeParse(message);
      if (!request.success) return;
      watcher.ids = new Set(request.data.paperIds);
      tell(watcher);
    });
  });
}

/** The toolbar icon's count: unread queue items, kept current by a live query. */
export function showQueueCountOnIcon(db: DigestLensDB, action: { setBadgeText(details: { text: string }): Promise<void> | void }): void {
  liveQuery(() => db.queue.filter((i) => i.readAt === null).count()).subscribe({
    next: (count) => void action.setBadgeText({ text: count > 0 ? String(count) : '' }),
    error: (error) => console.error('DigestLens: queue count query failed', error),
  });
}
