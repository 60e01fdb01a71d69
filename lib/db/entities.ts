import * as z from 'zod';
import { DigestFormatSchema } from '../digest/formats';
import type { SyncDoc } from '../sync/documents';
import type { Removal } from '../sync/local-side';

/**
 * The records DigestLens keeps, one zod schema per table; the row types are what they infer.
 * Field names are the stored names: renaming one is a schema change and needs a new `version()`
 * in schema.ts. The backup document (lib/backup/schema.ts) checks its rows against these.
 *
 * Classic zod: lib/db never runs in a content script. Code that needs only the types imports
 * them with `import type`, so the schemas reach a bundle only where something parses with them.
 */

const isoTime = z.iso.datetime({ offset: true });
const rowId = z.string().min(1);

export const PaperSchema = z.object({
  /**
   * Stable primary key, set when the paper is first stored and never changed (notes and queue
   * items point at it): `arxiv:<id>` when the id was known then, else `title:<titleKey>`.
   */
  id: rowId,
  title: z.string(),
  /** The identity rule's key (lib/identity/title-key.ts); indexed. */
  titleKey: z.string(),
  /** Bare arXiv id without version (`2501.11120`, `hep-th/9901001`), or null; indexed. */
  arxivId: z.string().nullable(),
  abstract: z.string(),
  /** Author count (text digests show only a count). */
  authors: z.number().nullable(),
  /** Author names, in order, when any source listed them (not indexed: no schema version needed). */
  authorNames: z.array(z.string()).nullable().optional(),
  organization: z.string().nullable(),
  /** ISO time the paper was first stored. */
  addedAt: isoTime,
  /** The page the paper was first saved from, for papers created from a page (notes, queue). */
  url: z.string().nullable().optional(),
  /**
   * The title key again, only for a paper whose id is not `title:<titleKey>` (stored under its
   * arXiv id, or renamed): a sparse index, so that finding papers by title is a primary-key
   * lookup plus a look at the few exceptions (lib/db/find-papers.ts). See withAliasKey.
   */
  aliasKey: z.string().optional(),
});
export type Paper = z.infer<typeof PaperSchema>;

export const DigestSchema = z.object({
  /** SHA-256 of the digest's normalised text: the same file imported twice is the same digest. */
  id: rowId,
  fileName: z.string(),
  format: DigestFormatSchema,
  /** The page's date as written ("Sep 1") and as resolved (see lib/digest/dates.ts). */
  dateRaw: z.string(),
  date: z.string(),
  paperCount: z.number().int().nonnegative(),
  importedAt: isoTime,
});
export type Digest = z.infer<typeof DigestSchema>;

/** One paper's appearance in one digest (the digest is the listing that holds it). */
export const DigestEntrySchema = z.object({
  paperId: rowId,
  /** 0-based position on the page. */
  position: z.number().int().nonnegative(),
  upvotes: z.number(),
  publishedRaw: z.string().nullable(),
  published: z.string().nullable(),
});
export type DigestEntry = z.infer<typeof DigestEntrySchema>;

/**
 * Which papers a digest lists: one row per digest, beside the digest row rather than inside it,
 * so that listing digests (the Library, live during an import) does not read every entry.
 * `paperIds` repeats the entries' paper ids, distinct, for the multi-entry index that finds the
 * digests of a paper; one row per digest instead of one per entry is what made import cheap
 * (see schema.ts, v5).
 */
export const ListingSchema = z.object({
  digestId: rowId,
  /** In page order; one per paper (a paper listed twice counts at its first position). */
  entries: z.array(DigestEntrySchema),
  paperIds: z.array(rowId),
});
export type Listing = z.infer<typeof ListingSchema>;

export const NoteSchema = z.object({
  paperId: rowId,
  /** Plain text / Markdown, as typed. Never rendered as HTML, never put in a host page's DOM. */
  text: z.string(),
  updatedAt: isoTime,
  /** Counts saves (from 1); a save based on an older version is a concurrent edit. */
  version: z.number().int().nonnegative(),
});
export type Note = z.infer<typeof NoteSchema>;

/** An earlier text of a note, kept when it was replaced (see lib/db/notes.ts for when). */
export const NoteVersionSchema = z.object({
  /** Local auto-increment key: says which text came first, means nothing in another profile. */
  id: z.number().int().optional(),
  paperId: rowId,
  text: z.string(),
  /** When this text was saved. */
  savedAt: isoTime,
  version: z.number().int().nonnegative(),
  /**
   * Kept because another device's edit of the same note won (a sync conflict, or one paper known
   * by two ids): the editor says so, and the version cap never trims it (schema v6).
   */
  fromAnotherDevice: z.boolean().optional(),
  /**
   * Kept because the user was told so: set aside when a restore merged two texts, replaced by
   * restoring an earlier version, or replaced by another tab's concurrent save. The version cap
   * never trims these (issue 9); optional, so existing rows need no upgrade.
   */
  keptBecause: z.enum(['merged', 'restored', 'concurrent']).optional(),
});
export type NoteVersion = z.infer<typeof NoteVersionSchema>;
/** Why a version is exempt from the cap (see NoteVersion.keptBecause). */
export type KeptBecause = NonNullable<NoteVersion['keptBecause']>;
/** What names one earlier text on every device: its sync document id is their hash (lib/sync/documents.ts, noteVersionDocId). */
export const NoteVersionKeySchema = NoteVersionSchema.pick({ paperId: true, savedAt: true, text: true });
export type NoteVersionKey = z.infer<typeof NoteVersionKeySchema>;

export const QueueItemSchema = z.object({
  paperId: rowId,
  /** Sort key: smaller first. */
  order: z.number(),
  addedAt: isoTime,
  /** Where it was queued from: a page URL or `digest:<id>`. */
  source: z.string(),
  readAt: isoTime.nullable(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

/** Small named values; every key is named in meta-keys.ts. */
export const MetaRowSchema = z.object({
  key: z.string(),
  value: z.unknown(),
});
export type MetaRow = z.infer<typeof MetaRowSchema>;

/**
 * One local change waiting to be synced (schema v6), written in the same transaction as the
 * change (lib/db/outbox.ts). Never backed up, never parsed from outside: the sync documents it
 * holds are built by lib/sync/mapping.ts and checked by lib/sync/documents.ts on the way in.
 */
export const OutboxEntrySchema = z.object({
  /** Auto-increment key: the order changes were made in. */
  seq: z.number().int().optional(),
  /** Which remote database the document belongs to. */
  database: z.enum(['private', 'lab']),
  /**
   * The document's id (indexed: a newer change of the same document replaces a waiting one, and
   * applying remote notes looks for local edits not yet synced). Absent for `version`, whose id
   * is a SHA-256 that cannot be computed inside a Dexie transaction.
   */
  docId: z.string().optional(),
  /** The document as it now is (lib/sync/mapping.ts), or its removal `{_id, _deleted: true}`. */
  doc: z.custom<SyncDoc | Removal>().optional(),
  /** A note's earlier text, turned into its document (and id) when the outbox is read. */
  version: NoteVersionSchema.omit({ id: true }).optional(),
  /** An earlier text dropped here (trimmed or coalesced), turned into its document's removal when the outbox is read. */
  versionRemoved: NoteVersionKeySchema.optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
