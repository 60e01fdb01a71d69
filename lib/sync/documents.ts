import { z } from 'zod';
import { DIGEST_FORMATS } from '../digest/formats';

/**
 * The documents DigestLens keeps in CouchDB, one zod schema per kind, checked on the way IN:
 * a document from the server that does not match is never applied locally (a server that
 * answers garbage changes nothing here).
 *
 * Two remote databases:
 * - `private`, one per user: papers that notes or the queue refer to, notes, note versions,
 *   queue items, settings;
 * - `lab`, optional and shared: digests with their entries embedded, and their papers
 *   (hundreds of documents, not tens of thousands of rows).
 * Local caches (the related and fuzzy indexes) are rebuilt on each device and never synced.
 *
 * Every `_id` is `<kind>:<key>` and the key is written inside the document too, so a document
 * whose id and content disagree is refused rather than guessed at.
 */

export const MAX_TEXT_LENGTH = 4_000_000;
const text = z.string().max(MAX_TEXT_LENGTH);
const shortText = z.string().max(10_000);
const time = z.string().max(64);
const paperId = z.string().min(1).max(6000);

/** What CouchDB adds to every document. */
const couchFields = {
  _id: z.string().min(1).max(12_000),
  _rev: z.string().max(200).optional(),
};

export const PaperDocSchema = z.object({
  ...couchFields,
  type: z.literal('paper'),
  paperId,
  title: z.string().min(1).max(5000),
  titleKey: z.string().max(5000),
  arxivId: z.string().max(64).nullable(),
  abstract: z.string().max(100_000),
  authors: z.number().int().nonnegative().nullable(),
  /** Author names in order, when a source listed them (absent in documents from before they were kept). */
  authorNames: z.array(z.string().max(500)).max(5000).nullable().optional(),
  organization: shortText.nullable(),
  addedAt: time,
  url: z.string().max(4000).nullable().optional(),
});

export const NoteDocSchema = z.object({
  ...couchFields,
  type: z.literal('note'),
  paperId,
  text,
  updatedAt: time,
  version: z.number().int().nonnegative(),
});

export const NoteVersionDocSchema = z.object({
  ...couchFields,
  type: z.literal('noteVersion'),
  paperId,
  text,
  savedAt: time,
  version: z.number().int().nonnegative(),
  /** Kept because another device's edit of the same note won a sync conflict. */
  fromAnotherDevice: z.boolean(),
  /**
   * Why the writing device was told the text is kept (NoteVersion.keptBecause): other devices must
   * not trim it by the version cap either, or their trim would remove it everywhere. Absent when none.
   */
  keptBecause: z.enum(['merged', 'restored', 'concurrent']).optional(),
});

export const QueueDocSchema = z.object({
  ...couchFields,
  type: z.literal('queue'),
  paperId,
  order: z.number().finite(),
  addedAt: time,
  source: z.string().max(4000),
  readAt: time.nullable(),
});

export const SettingDocSchema = z.object({
  ...couchFields,
  type: z.literal('setting'),
  key: z.string().min(1).max(200),
  value: z.json(),
});

export const DigestEntrySchema = z.object({
  paperId,
  position: z.number().int().nonnegative(),
  upvotes: z.number().int(),
  publishedRaw: shortText.nullable(),
  published: time.nullable(),
});

export const DigestDocSchema = z.object({
  ...couchFields,
  type: z.literal('digest'),
  id: z.string().min(1).max(200),
  fileName: shortText,
  format: z.enum(DIGEST_FORMATS),
  dateRaw: shortText,
  date: time,
  paperCount: z.number().int().nonnegative(),
  importedAt: time,
  entries: z.array(DigestEntrySchema).max(20_000),
});

export type PaperDoc = z.infer<typeof PaperDocSchema>;
export type NoteDoc = z.infer<typeof NoteDocSchema>;
export type NoteVersionDoc = z.infer<typeof NoteVersionDocSchema>;
export type QueueDoc = z.infer<typeof QueueDocSchema>;
export type SettingDoc = z.infer<typeof SettingDocSchema>;
export type DigestDoc = z.infer<typeof DigestDocSchema>;

export const SyncDocSchema = z.discriminatedUnion('type', [
  PaperDocSchema,
  NoteDocSchema,
  NoteVersionDocSchema,
  QueueDocSchema,
  SettingDocSchema,
  DigestDocSchema,
]);
export type SyncDoc = z.infer<typeof SyncDocSchema>;
export type DocKind = SyncDoc['type'];

/** Which remote database a document lives in. */
export type DatabaseRole = 'private' | 'lab';

/** The kinds each database holds: anything else arriving there is refused. */
export const KINDS_IN: Record<DatabaseRole, ReadonlySet<DocKind>> = {
  private: new Set<DocKind>(['paper', 'note', 'noteVersion', 'queue', 'setting']),
  lab: new Set<DocKind>(['paper', 'digest']),
};

export const paperDocId = (id: string) => `paper:${id}`;
export const noteDocId = (paperIdValue: string) => `note:${paperIdValue}`;
export const queueDocId = (paperIdValue: string) => `queue:${paperIdValue}`;
export const settingDocId = (key: string) => `setting:${key}`;
export const digestDocId = (id: string) => `digest:${id}`;

async function sha256Hex(value: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A note version's id is its paper, time and text, so the same earlier text kept on two devices
 * is one document, never two.
 */
export async function noteVersionDocId(v: { paperId: string; savedAt: string; text: string }): Promise<string> {
  return `version:${v.paperId}:${await sha256Hex(`${v.savedAt}\n${v.text}`)}`;
}

/** The id a document of this content must have (the version id is checked separately: it needs a hash). */
function expectedId(doc: SyncDoc): string | null {
  switch (doc.type) {
    case 'paper':
      return paperDocId(doc.paperId);
    case 'note':
      return noteDocId(doc.paperId);
    case 'queue':
      return queueDocId(doc.paperId);
    case 'setting':
      return settingDocId(doc.key);
    case 'digest':
      return digestDocId(doc.id);
    case 'noteVersion':
      return null;
  }
}

/**
 * The document as a valid DigestLens document of `role`'s database, or null: wrong shape, a
 * kind that database does not hold, or an id that disagrees with the content.
 */
export async function parseSyncDoc(raw: unknown, role: DatabaseRole): Promise<SyncDoc | null> {
  const parsed = SyncDocSchema.safeParse(raw);
  if (!parsed.success) return null;
  const doc = parsed.data;
  if (!KINDS_IN[role].has(doc.type)) return null;
  const id = doc.type === 'noteVersion' ? await noteVersionDocId(doc) : expectedId(doc);
  return id === doc._id ? doc : null;
}

/** Splits a document id into its kind and key (`note:arxiv:2501.1` → note, `arxiv:2501.1`). */
export function parseDocId(id: string): { kind: string; key: string } | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  return { kind: id.slice(0, colon), key: id.slice(colon + 1) };
}

/** A document's content without CouchDB's fields: what two revisions are compared on. */
export function contentOf<T extends { _id: string; _rev?: string }>(doc: T): Omit<T, '_rev' | '_conflicts' | '_deleted'> {
  const { _rev, _conflicts, _deleted, ...rest } = doc as T & { _conflicts?: unknown; _deleted?: unknown };
  return rest;
}

/** Whether two documents hold the same content (key order does not matter). */
export function sameContent(a: { _id: string }, b: { _id: string }): boolean {
  return canonicalJson(contentOf(a)) === canonicalJson(contentOf(b));
}

/** JSON with object keys sorted, so equal content compares equal whatever order it was built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
