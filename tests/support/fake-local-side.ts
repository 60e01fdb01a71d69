/**
 * An in-memory LocalSide with the restore merge rules, standing in for the Dexie implementation
 * the lead wires. Every local change writes its outbox row "in the same transaction" (the same
 * synchronous step); applyIncoming applies a batch and its checkpoint at once.
 */
import type { DatabaseRole } from '../../lib/sync/documents';
import { noteVersionDocId } from '../../lib/sync/documents';
import type { DigestRow, NoteRow, NoteVersionRow, PaperRow, QueueItemRow } from '../../lib/sync/local-rows';
import type { IncomingBatch, LocalSide, OutboxRow } from '../../lib/sync/local-side';
import { digestDoc, noteDoc, noteVersionDoc, paperDoc, queueDoc } from '../../lib/sync/mapping';
import type { PouchDB } from '../../lib/sync/pouch';

export class FakeLocalSide implements LocalSide {
  papers = new Map<string, PaperRow>();
  notes = new Map<string, NoteRow>();
  /** By version document id. */
  versions = new Map<string, NoteVersionRow>();
  queue = new Map<string, QueueItemRow>();
  digests = new Map<string, DigestRow>();
  outbox: OutboxRow[] = [];
  checkpoints = new Map<DatabaseRole, PouchDB.Seq>();
  /** Every batch applied, for exact counts. */
  applied: IncomingBatch[] = [];
  private nextSeq = 1;

  private enqueue(database: DatabaseRole, doc: OutboxRow['doc']): void {
    this.outbox.push({ seq: this.nextSeq++, database, doc });
  }

  // Local changes, as the UI makes them.

  addPaper(paper: PaperRow, database: DatabaseRole = 'private'): void {
    this.papers.set(paper.id, paper);
    this.enqueue(database, paperDoc(paper));
  }

  saveNote(paperId: string, text: string, updatedAt: string): NoteRow {
    const note = { paperId, text, updatedAt, version: (this.notes.get(paperId)?.version ?? 0) + 1 };
    this.notes.set(paperId, note);
    this.enqueue('private', noteDoc(note));
    return note;
  }

  deleteNote(paperId: string): void {
    this.notes.delete(paperId);
    this.enqueue('private', { _id: `note:${paperId}`, _deleted: true });
  }

  addToQueue(item: QueueItemRow): void {
    this.queue.set(item.paperId, item);
    this.enqueue('private', queueDoc(item));
  }

  importDigest(digest: DigestRow): void {
    this.digests.set(digest.id, digest);
    this.enqueue('lab', digestDoc(digest));
  }

  // LocalSide.

  async pendingChanges(limit: number): Promise<OutboxRow[]> {
    return this.outbox.slice(0, limit);
  }

  async countPending(): Promise<number> {
    return this.outbox.length;
  }

  async markPushed(seqs: number[]): Promise<void> {
    const done = new Set(seqs);
    this.outbox = this.outbox.filter((row) => !done.has(row.seq));
  }

  async appliedCheckpoint(database: DatabaseRole): Promise<PouchDB.Seq | null> {
    return this.checkpoints.get(database) ?? null;
  }

  async applyIncoming(batch: IncomingBatch): Promise<void> {
    // Computed first so that the batch applies all at once, as one transaction would.
    const versionIds = await Promise.all(batch.changes.map((c) => (c.kind === 'noteVersion' ? noteVersionDocId(c.row) : '')));
    const pendingNotes = new Set(this.outbox.flatMap((row) => (row.doc._id.startsWith('note:') ? [row.doc._id.slice(5)] : [])));
    const keptLocally: NoteVersionRow[] = [];
    batch.changes.forEach((change, i) => {
      switch (change.kind) {
        case 'paper': {
          const here = this.papers.get(change.row.id);
          this.papers.set(change.row.id, here ? { ...change.row, ...here, arxivId: here.arxivId ?? change.row.arxivId } : change.row);
          break;
        }
        case 'note': {
          const here = this.notes.get(change.row.paperId);
          if (here && here.text !== change.row.text && pendingNotes.has(here.paperId)) {
            // A local edit not yet synced: keep both, the newer current (the restore rule).
            const [newer, older] = here.updatedAt >= change.row.updatedAt ? [here, change.row] : [change.row, here];
            const merged = { ...newer, version: Math.max(here.version, change.row.version) + 1 };
            this.notes.set(merged.paperId, merged);
            this.enqueue('private', noteDoc(merged));
            keptLocally.push({
              paperId: older.paperId,
              text: older.text,
              savedAt: older.updatedAt,
              version: older.version,
              fromAnotherDevice: true,
            });
          } else {
            this.notes.set(change.row.paperId, change.row);
          }
          break;
        }
        case 'noteVersion': {
          const id = versionIds[i] as string;
          const here = this.versions.get(id);
          this.versions.set(id, here ? { ...here, fromAnotherDevice: here.fromAnotherDevice || change.row.fromAnotherDevice } : change.row);
          break;
        }
        case 'queue':
          this.queue.set(change.row.paperId, change.row);
          break;
        case 'setting':
          break;
        case 'digest':
          this.digests.set(change.row.id, change.row);
          break;
        case 'removed':
          if (change.docKind === 'paper') this.papers.delete(change.key);
          if (change.docKind === 'note') this.notes.delete(change.key);
          if (change.docKind === 'queue') this.queue.delete(change.key);
          if (change.docKind === 'noteVersion') this.versions.delete(change.key);
          if (change.docKind === 'digest') this.digests.delete(change.key);
          break;
      }
    });
    for (const version of keptLocally) {
      const doc = await noteVersionDoc(version);
      this.versions.set(doc._id, version);
      this.enqueue('private', doc);
    }
    this.checkpoints.set(batch.database, batch.checkpoint);
    this.applied.push(batch);
  }
}
