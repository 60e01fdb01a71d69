import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Digest, DigestEntry, Note, Paper, QueueItem } from './entities';

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
} as const;

export class DigestLensDB extends Dexie {
  papers!: EntityTable<Paper, 'id'>;
  digests!: EntityTable<Digest, 'id'>;
  entries!: Dexie.Table<DigestEntry, [string, number]>;
  notes!: EntityTable<Note, 'paperId'>;
  queue!: EntityTable<QueueItem, 'paperId'>;

  constructor(name = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_HISTORY[1]);
  }
}
