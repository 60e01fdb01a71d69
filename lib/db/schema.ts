import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Digest, Listing, MetaRow, Note, NoteVersion, OutboxEntry, Paper, QueueItem } from './entities';
import { listingsFromEntryRows } from './listings';
import { META_KEYS } from './meta-keys';
import { withAliasKey } from './paper-keys';

export const DATABASE_NAME = 'digestlens';

/**
 * Every schema the database has had, oldest first. A released version is never edited: a change
 * adds a version with its `.upgrade()` and a test in tests/unit/db-migrations.test.ts that opens
 * a database written by the previous version and checks the migrated rows.
 */
export const SCHEMA_HISTORY = {
  1: {
    papers: 'id, titleKey, arxivId',
    digests: 'id, date, importedAt',
    entries: '[digestId+position], digestId, paperId',
    notes: 'paperId, updatedAt',
    queue: 'paperId, order',
  },
  /** v2: a key-value `meta` table for the corpus revision and the persisted related-papers index. */
  2: {
    papers: 'id, titleKey, arxivId',
    digests: 'id, date, importedAt',
    entries: '[digestId+position], digestId, paperId',
    notes: 'paperId, updatedAt',
    queue: 'paperId, order',
    meta: 'key',
  },
  /**
   * v3: notes keep their earlier texts in `noteVersions`, and each note counts its saves
   * (`version`), so a save made from a stale copy (another tab) is noticed and kept apart.
   */
  3: {
    papers: 'id, titleKey, arxivId',
    digests: 'id, date, importedAt',
    entries: '[digestId+position], digestId, paperId',
    notes: 'paperId, updatedAt',
    noteVersions: '++id, paperId',
    queue: 'paperId, order',
    meta: 'key',
  },
  /**
   * v4: papers stored under another id than `title:<titleKey>` carry `aliasKey` (a sparse
   * index), so finding papers by title needs no scan of the title-key index; the number of
   * papers is kept in `meta` (counting a large table is slow, and the Library shows it live);
   * entries lose their `digestId` index, which repeated the primary key's first part (one index
   * write less per entry: see lib/db/entries.ts).
   */
  4: {
    papers: 'id, titleKey, arxivId, aliasKey',
    digests: 'id, date, importedAt',
    entries: '[digestId+position], paperId',
    notes: 'paperId, updatedAt',
    noteVersions: '++id, paperId',
    queue: 'paperId, order',
    meta: 'key',
  },
  /**
   * v5: a digest's entries move from the `entries` table (one row per entry) into one `listings`
   * row per digest, with a multi-entry index on its papers' ids. Writing 38k entry rows beside
   * 38k papers made an import of the arXiv dataset 3.1 times a plain write of its papers; one
   * row per digest leaves one index entry per membership. The `entries` table is dropped.
   */
  5: {
    papers: 'id, titleKey, arxivId, aliasKey',
    digests: 'id, date, importedAt',
    listings: 'digestId, *paperIds',
    notes: 'paperId, updatedAt',
    noteVersions: '++id, paperId',
    queue: 'paperId, order',
    meta: 'key',
  },
  /**
   * v6: sync (issue 13). `outbox` holds the local changes not yet synced, written in the same
   * transaction as each change; `docId` finds a waiting change of the same document. Note
   * versions may carry `fromAnotherDevice` (optional, so existing rows need no upgrade); sync's
   * connection state and checkpoints are `meta` rows (meta-keys.ts).
   */
  6: {
    papers: 'id, titleKey, arxivId, aliasKey',
    digests: 'id, date, importedAt',
    listings: 'digestId, *paperIds',
    notes: 'paperId, updatedAt',
    noteVersions: '++id, paperId',
    queue: 'paperId, order',
    meta: 'key',
    outbox: '++seq, database, docId',
  },
} as const;

export class DigestLensDB extends Dexie {
  papers!: EntityTable<Paper, 'id'>;
  digests!: EntityTable<Digest, 'id'>;
  listings!: EntityTable<Listing, 'digestId'>;
  notes!: EntityTable<Note, 'paperId'>;
  noteVersions!: EntityTable<NoteVersion, 'id'>;
  queue!: EntityTable<QueueItem, 'paperId'>;
  meta!: EntityTable<MetaRow, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;

  constructor(name = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_HISTORY[1]);
    // A v1 corpus has no revision yet: start at 1 so that any index built before is stale.
    this.version(2)
      .stores(SCHEMA_HISTORY[2])
      .upgrade((tx) => tx.table('meta').put({ key: META_KEYS.corpusRevision, value: 1 }));
    // Notes written before v3 are each at their first version.
    this.version(3)
      .stores(SCHEMA_HISTORY[3])
      .upgrade((tx) =>
        tx
          .table('notes')
          .toCollection()
          .modify((note: Partial<Note>) => {
            note.version = 1;
          }),
      );
    this.version(4)
      .stores(SCHEMA_HISTORY[4])
      .upgrade(async (tx) => {
        let count = 0;
        await tx
          .table('papers')
          .toCollection()
          .modify((paper: Paper) => {
            count++;
            Object.assign(paper, withAliasKey(paper));
          });
        await tx.table('meta').put({ key: META_KEYS.paperCount, value: count });
      });
    // The dropped table is still readable in its version's upgrade (Dexie deletes it after).
    this.version(5)
      .stores({ ...SCHEMA_HISTORY[5], entries: null })
      .upgrade(async (tx) => {
        const entries = await tx.table('entries').toArray();
        await tx.table('listings').bulkAdd(listingsFromEntryRows(entries));
      });
    // A new table and an optional field: no row changes, and sync starts off (no outbox rows).
    this.version(6).stores(SCHEMA_HISTORY[6]);
  }
}
