/**
 * The sync engine's view of the local database. lib/sync never touches Dexie: the lead
 * implements this interface over it (see the contract on each member), and the tests implement
 * it in memory (tests/support/fake-local-side.ts).
 */
import type { DatabaseRole, SyncDoc } from './documents';
import type { IncomingRow } from './mapping';
import type { PouchDB } from './pouch';

/** A document removed locally (a note deleted, a queue item removed, a digest deleted, an earlier text dropped). */
export interface Removal {
  _id: string;
  _deleted: true;
}

/**
 * One local change waiting to be synced. Written by the local side IN THE SAME TRANSACTION as
 * the change itself (note save, note version, queue add/move/read/remove, import, delete,
 * restore), so a worker stopped halfway loses nothing.
 */
export interface OutboxRow {
  /** Increasing key given by the local side (an auto-increment primary key). */
  seq: number;
  /** Which remote database the document belongs to (lib/sync/documents.ts, KINDS_IN). */
  database: DatabaseRole;
  /** The document as it now is, built with lib/sync/mapping.ts (paperDoc, noteDoc, …), or its removal. */
  doc: SyncDoc | Removal;
}

/** A document removed remotely, as the local side must apply it. */
export interface IncomingRemoval {
  kind: 'removed';
  /** `paper`, `note`, `noteVersion` (key is the version document id), `queue`, `setting`, `digest`. */
  docKind: string;
  /** The row's key: paper id, digest id, setting key, or the version document id. */
  key: string;
  /** Set when a paper was merged into another (one paper, two ids): re-point its rows there. */
  mergedInto: string | null;
}

export type IncomingChange = IncomingRow | IncomingRemoval;

export interface IncomingBatch {
  database: DatabaseRole;
  /** In the order the mirror recorded them; a row may appear once per batch at most. */
  changes: IncomingChange[];
  /** Papers whose note gained a text from another device: an open editor for them shows a notice. */
  notesWithTextFromAnotherDevice: string[];
  /** Store with the changes, in the same transaction; handed back by appliedCheckpoint. */
  checkpoint: PouchDB.Seq;
}

export interface LocalSide {
  /** Up to `limit` outbox rows, oldest first. */
  pendingChanges(limit: number): Promise<OutboxRow[]>;
  /** How many outbox rows wait (for the status line). */
  countPending(): Promise<number>;
  /** Removes these outbox rows: their documents are safely in the local mirror. */
  markPushed(seqs: number[]): Promise<void>;
  /** The checkpoint of the last applied batch for this database, or null before the first. */
  appliedCheckpoint(database: DatabaseRole): Promise<PouchDB.Seq | null>;
  /**
   * Applies remote changes with the restore merge rules, together with `batch.checkpoint`, in
   * ONE transaction. A row whose merged result differs from what arrived (a local edit not yet
   * synced kept beside the remote text) gets an outbox row in that same transaction, so the
   * merged state flows back out.
   */
  applyIncoming(batch: IncomingBatch): Promise<void>;
}
