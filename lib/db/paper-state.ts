import type { DigestLensDB } from './schema';
import { watchTables } from './watch-tables';

/** What a badge shows of a paper besides its digests: in the reading queue (unread), and has a note. */
export interface PaperQueueNoteState {
  queued: boolean;
  noted: boolean;
}

/** A note counts when it holds text: an emptied note is no note. */
const hasText = (note: { text: string }) => note.text.trim() !== '';

/** The queue and note state of each of these papers (every id gets an entry). */
export async function paperStates(db: DigestLensDB, paperIds: string[]): Promise<Map<string, PaperQueueNoteState>> {
  const unique = [...new Set(paperIds)];
  const [items, notes] = await Promise.all([db.queue.bulkGet(unique), db.notes.bulkGet(unique)]);
  return new Map(
    unique.map((id, i) => {
      const item = items[i];
      const note = notes[i];
      return [id, { queued: item !== undefined && item.readAt === null, noted: note !== undefined && hasText(note) }];
    }),
  );
}

/** Every paper that is queued and unread, and every paper with a note: what the state port follows. */
export async function queuedAndNotedIds(db: DigestLensDB): Promise<{ queued: Set<string>; noted: Set<string> }> {
  const [queued, noted] = await Promise.all([
    db.queue.filter((i) => i.readAt === null).primaryKeys(),
    db.notes.filter(hasText).primaryKeys(),
  ]);
  return { queued: new Set(queued as string[]), noted: new Set(noted as string[]) };
}

/** Calls `next` with queuedAndNotedIds now and after every change to the queue or the notes; returns the unsubscribe. */
export function watchQueuedAndNoted(db: DigestLensDB, next: (state: { queued: Set<string>; noted: Set<string> }) => void): () => void {
  return watchTables(db, [db.queue, db.notes], () => queuedAndNotedIds(db), next, 'watching queued and noted papers');
}
