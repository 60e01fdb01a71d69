import type { SeenPaper } from '../identity/seen-paper';
import { queueDocId } from '../sync/documents';
import { paperDoc, queueDoc } from '../sync/mapping';
import type { Paper, QueueItem } from './entities';
import { outboxTables, recordChanges, removalOf } from './outbox';
import { ensurePaper } from './page-paper';
import type { DigestLensDB } from './schema';
import { watchTables } from './watch-tables';

/** Records a queue item (and the paper it refers to, which the private database holds too). Inside a transaction with db.papers. */
async function recordQueued(db: DigestLensDB, item: QueueItem): Promise<void> {
  const paper = await db.papers.get(item.paperId);
  await recordChanges(db, [
    ...(paper ? [{ database: 'private' as const, doc: paperDoc(paper) }] : []),
    { database: 'private', doc: queueDoc(item) },
  ]);
}

/** Queue items in reading order, unread ones first; read items form the Read list. */
export async function queueItems(db: DigestLensDB): Promise<{ unread: QueueItem[]; read: QueueItem[] }> {
  const items = await db.queue.orderBy('order').toArray();
  return {
    unread: items.filter((i) => i.readAt === null),
    read: items.filter((i) => i.readAt !== null).sort((a, b) => (b.readAt ?? '').localeCompare(a.readAt ?? '')),
  };
}

/** A queue item with its paper (undefined when the paper is gone). */
export interface QueuedPaper {
  item: QueueItem;
  paper: Paper | undefined;
}

/** The Queue view's rows: queueItems with their papers. */
export async function queueRows(db: DigestLensDB): Promise<{ unread: QueuedPaper[]; read: QueuedPaper[] }> {
  return db.transaction('r', db.queue, db.papers, async () => {
    const { unread, read } = await queueItems(db);
    const papers = await db.papers.bulkGet([...unread, ...read].map((i) => i.paperId));
    const rows = [...unread, ...read].map((item, i) => ({ item, paper: papers[i] }));
    return { unread: rows.slice(0, unread.length), read: rows.slice(unread.length) };
  });
}

/** The papers of the whole queue, unread and read, in queue order; undefined where a paper is gone. */
export async function queuedPapers(db: DigestLensDB): Promise<Array<Paper | undefined>> {
  return db.transaction('r', db.queue, db.papers, async () => {
    const items = await db.queue.orderBy('order').toArray();
    return db.papers.bulkGet(items.map((i) => i.paperId));
  });
}

/** Adds a paper at the end of the queue; a paper already queued stays where it is. */
export async function addToQueue(db: DigestLensDB, paperId: string, source: string, now = new Date()): Promise<QueueItem> {
  return db.transaction('rw', [db.queue, db.papers, ...outboxTables(db)], async () => {
    const existing = await db.queue.get(paperId);
    if (existing) return existing;
    const last = await db.queue.orderBy('order').last();
    const item: QueueItem = { paperId, order: (last?.order ?? 0) + 1, addedAt: now.toISOString(), source, readAt: null };
    await db.queue.add(item);
    await recordQueued(db, item);
    return item;
  });
}

/** Removes a paper from the queue and returns the item, so that the removal can be undone. */
export async function removeFromQueue(db: DigestLensDB, paperId: string): Promise<QueueItem | null> {
  return db.transaction('rw', [db.queue, ...outboxTables(db)], async () => {
    const item = await db.queue.get(paperId);
    if (item) {
      await db.queue.delete(paperId);
      await recordChanges(db, [{ database: 'private', doc: removalOf(queueDocId(paperId)) }]);
    }
    return item ?? null;
  });
}

/** Puts a removed item back exactly as it was (undo). */
export async function restoreQueueItem(db: DigestLensDB, item: QueueItem): Promise<void> {
  await db.transaction('rw', [db.queue, db.papers, ...outboxTables(db)], async () => {
    await db.queue.put(item);
    await recordQueued(db, item);
  });
}

export async function setRead(db: DigestLensDB, paperId: string, read: boolean, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.queue, ...outboxTables(db)], async () => {
    const item = await db.queue.get(paperId);
    if (!item) return;
    const updated: QueueItem = { ...item, readAt: read ? now.toISOString() : null };
    await db.queue.put(updated);
    await recordChanges(db, [{ database: 'private', doc: queueDoc(updated) }]);
  });
}

/**
 * Moves an unread item to position `to` (0-based) among the unread items. Orders are
 * renumbered 1..n in one transaction, which keeps them small and distinct.
 */
export async function moveInQueue(db: DigestLensDB, paperId: string, to: number): Promise<void> {
  await db.transaction('rw', [db.queue, ...outboxTables(db)], async () => {
    const { unread } = await queueItems(db);
    const from = unread.findIndex((i) => i.paperId === paperId);
    if (from === -1) return;
    const [item] = unread.splice(from, 1);
    if (!item) return;
    unread.splice(Math.max(0, Math.min(to, unread.length)), 0, item);
    const renumbered = unread.map((i, index) => ({ ...i, order: index + 1 }));
    await db.queue.bulkPut(renumbered);
    // Only the items whose place changed travel.
    const moved = renumbered.filter((i, index) => i.order !== unread[index]?.order);
    await recordChanges(
      db,
      moved.map((i) => ({ database: 'private' as const, doc: queueDoc(i) })),
    );
  });
}

/** The number shown on the toolbar icon: papers still to read. */
export async function unreadCount(db: DigestLensDB): Promise<number> {
  return db.queue.filter((i) => i.readAt === null).count();
}

/** Calls `next` with unreadCount now and after every change to the queue; returns the unsubscribe. */
export function watchUnreadCount(db: DigestLensDB, next: (count: number) => void): () => void {
  return watchTables(db, [db.queue], () => unreadCount(db), next, 'watching the queue count');
}

/** The paper's queue item (unread or read), or null when it is not queued. */
export async function queueItem(db: DigestLensDB, paperId: string): Promise<QueueItem | null> {
  return (await db.queue.get(paperId)) ?? null;
}

/**
 * Queues (or unqueues) a paper seen on a page, from its badge or the popup: the stored paper the
 * page's lookup matched when it did (`matchedId`: a fuzzy match has another title, which would not
 * find it again), else the page's paper, created when it is new to DigestLens. The page's URL is
 * where the item says it was queued from.
 */
export async function setQueuedFromPage(
  db: DigestLensDB,
  seen: Pick<SeenPaper, 'title' | 'arxivId' | 'abstract'> & Partial<Pick<SeenPaper, 'authors'>>,
  pageUrl: string,
  queued: boolean,
  matchedId: string | null = null,
): Promise<{ paperId: string; queued: boolean }> {
  const matched = matchedId ? await db.papers.get(matchedId) : undefined;
  const stored = matched ?? (await ensurePaper(db, { ...seen, url: pageUrl }));
  if (queued) await addToQueue(db, stored.id, pageUrl);
  else await removeFromQueue(db, stored.id);
  return { paperId: stored.id, queued };
}
