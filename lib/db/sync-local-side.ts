import type { DatabaseRole } from '../sync/documents';
import { noteVersionDocId } from '../sync/documents';
import type { IncomingBatch, LocalSide, OutboxRow } from '../sync/local-side';
import { noteVersionDoc } from '../sync/mapping';
import type { PouchDB } from '../sync/pouch';
import { applyIncoming, paperIdOfVersionDocId } from './apply-incoming';
import type { NoteVersionKey } from './entities';
import { META_KEYS } from './meta-keys';
import { removalOf } from './outbox';
import type { DigestLensDB } from './schema';

export interface DexieLocalSideOptions {
  /**
   * Called after a batch is applied, with the local ids of papers whose note gained a text from
   * another device: an editor open on one of them shows a notice.
   */
  onNotesFromAnotherDevice?(paperIds: string[]): void;
}

/**
 * The sync engine's view of the database (lib/sync/local-side.ts): the outbox that lib/db's
 * domain functions fill (outbox.ts), and remote changes applied with restore's merge rules
 * (apply-incoming.ts). The background creates one over `db` and hands it to createSyncRunner.
 */
export class DexieLocalSide implements LocalSide {
  constructor(
    private readonly db: DigestLensDB,
    private readonly options: DexieLocalSideOptions = {},
  ) {}

  async pendingChanges(limit: number): Promise<OutboxRow[]> {
    const entries = await this.db.outbox.limit(limit).toArray();
    // Hashed here, outside any transaction: a version's id is a SHA-256 (crypto.subtle).
    return Promise.all(
      entries.map(async (entry) => {
        const doc =
          entry.doc ??
          (entry.version ? await noteVersionDoc(entry.version) : null) ??
          (entry.versionRemoved ? removalOf(await noteVersionDocId(entry.versionRemoved)) : null);
        if (entry.seq === undefined || !doc) throw new Error(`outbox row ${entry.seq} holds no document`);
        return { seq: entry.seq, database: entry.database, doc };
      }),
    );
  }

  countPending(): Promise<number> {
    return this.db.outbox.count();
  }

  async markPushed(seqs: number[]): Promise<void> {
    await this.db.outbox.bulkDelete(seqs);
  }

  async appliedCheckpoint(database: DatabaseRole): Promise<PouchDB.Seq | null> {
    const row = await this.db.meta.get(database === 'private' ? META_KEYS.syncCheckpointPrivate : META_KEYS.syncCheckpointLab);
    return typeof row?.value === 'number' || typeof row?.value === 'string' ? row.value : null;
  }

  async applyIncoming(batch: IncomingBatch): Promise<void> {
    const notices = await applyIncoming(this.db, batch, await this.versionsRemovedBy(batch));
    if (notices.length) this.options.onNotesFromAnotherDevice?.(notices);
  }

  /**
   * The earlier texts here that the batch's plain version removals name, by document id. Hashed
   * before the transaction opens (awaiting crypto.subtle inside it would commit it early).
   */
  private async versionsRemovedBy(batch: IncomingBatch): Promise<Map<string, NoteVersionKey>> {
    const ids = new Set(
      batch.changes.flatMap((c) => (c.kind === 'removed' && c.docKind === 'noteVersion' && !c.mergedInto ? [c.key] : [])),
    );
    const found = new Map<string, NoteVersionKey>();
    if (!ids.size) return found;
    const paperIds = [...new Set([...ids].map(paperIdOfVersionDocId))];
    const versions = await this.db.noteVersions.where('paperId').anyOf(paperIds).toArray();
    for (const version of versions) {
      const id = await noteVersionDocId(version);
      if (ids.has(id)) found.set(id, { paperId: version.paperId, savedAt: version.savedAt, text: version.text });
    }
    return found;
  }
}
