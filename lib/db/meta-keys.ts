/**
 * Every key of the `meta` table, in one place. Renaming one orphans the stored row: treat it as a
 * schema change.
 */
export const META_KEYS = {
  /** A number that moves whenever which papers are in digests changes (lib/db/revision.ts). */
  corpusRevision: 'corpusRevision',
  /** The number of stored papers, kept by every writer of `papers` (lib/db/stats.ts). */
  paperCount: 'paperCount',
  /** The persisted related-papers index (lib/corpus/corpus-indexes.ts). */
  relatedIndex: 'corpusIndexes',
  /** The persisted fuzzy title index, apart so that a woken worker loads it only when needed. */
  fuzzyTitleIndex: 'fuzzyTitleIndex',
  /**
   * The remote databases sync is connected to (`['private']`, `['private', 'lab']`), or absent
   * while sync is off: then no change writes an outbox row (lib/db/outbox.ts).
   */
  syncDatabases: 'syncDatabases',
  /** The last applied sync checkpoint of the private database's local mirror. */
  syncCheckpointPrivate: 'syncCheckpoint:private',
  /** The last applied sync checkpoint of the lab database's local mirror. */
  syncCheckpointLab: 'syncCheckpoint:lab',
  /**
   * The sync server, user, password or token and database names (lib/sync/connection.ts). In the
   * extension's own IndexedDB because content scripts cannot reach it (they can read
   * `storage.local`), and not a `setting:` row, so no backup carries it.
   */
  syncConnection: 'syncConnection',
  /** The sync status line's facts (last sync, pending, last error), kept across worker restarts. */
  syncStatus: 'syncStatus',
} as const;

/**
 * Meta rows whose key starts so are user settings (`setting:<name>`), kept by backups; every
 * other meta row is derived from the rest and rebuilt after a restore.
 */
export const SETTING_PREFIX = 'setting:';
