import * as z from 'zod';
import { DigestEntrySchema, DigestSchema, NoteSchema, NoteVersionSchema, PaperSchema, QueueItemSchema } from '../db/entities';

/**
 * The backup document: one JSON file with everything the user made or imported. Classic zod
 * rather than zod/mini: this runs only on the Library page, never in a content script.
 *
 * Its rows are the database's rows (lib/db/entities.ts), loose: a field this version does not
 * know (written by a later release that kept the format version) passes through export and
 * restore instead of being dropped.
 */

export const BACKUP_FORMAT = 'digestlens-backup';
/** The newest document version this code writes and reads. */
export const BACKUP_VERSION = 1;

const isoTime = z.iso.datetime({ offset: true });

/** A paper's `aliasKey` is not checked: the restore derives it again (lib/db/paper-keys.ts). */
export const PaperRowSchema = PaperSchema.omit({ aliasKey: true }).loose();
export const DigestRowSchema = DigestSchema.loose();

/**
 * One paper's appearance in one digest, standing alone with its digest's id. The database keeps
 * a digest's entries together (lib/db/listings.ts); the document keeps the format it has had
 * since version 1, so that every backup ever written restores the same way.
 */
export const EntryRowSchema = z.looseObject({ digestId: z.string().min(1), ...DigestEntrySchema.shape });

export const NoteRowSchema = NoteSchema.loose();

/** An earlier text of a note. Without the local auto-increment id, which means nothing elsewhere. */
export const NoteVersionRowSchema = NoteVersionSchema.omit({ id: true }).loose();

export const QueueRowSchema = QueueItemSchema.loose();

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: isoTime,
  papers: z.array(PaperRowSchema),
  digests: z.array(DigestRowSchema),
  entries: z.array(EntryRowSchema),
  notes: z.array(NoteRowSchema),
  noteVersions: z.array(NoteVersionRowSchema),
  queue: z.array(QueueRowSchema),
  /** User settings: the `meta` rows named `setting:<name>`, by name (without the prefix). */
  settings: z.record(z.string(), z.json()),
});

export type BackupDocument = z.infer<typeof BackupSchema>;
export type BackupPaper = z.infer<typeof PaperRowSchema>;
export type BackupNoteVersion = z.infer<typeof NoteVersionRowSchema>;

/** A backup refused, or a restore that failed: the message is meant for the user. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** `['papers', 3, 'title']` → `papers[3].title`. */
function issuePath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A row key seen twice would make the restore fail half-way; refuse the document up front. */
function firstDuplicate<T>(rows: readonly T[], key: (row: T) => string): number {
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const k = key(row);
    if (seen.has(k)) return i;
    seen.add(k);
  }
  return -1;
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/**
 * A backup file's text as JSON; anything else is refused, saying where: a file that stops in the
 * middle of the JSON "ends early (truncated?) at byte N" (its length), other broken JSON names the
 * byte, line and column where reading stopped. The caller puts the file's name in front.
 */
export function parseBackupText(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    // V8 names the position ("… at position 812"), or only the unexpected character ("Unexpected token 'o'").
    const at = /at position (\d+)/.exec(message);
    const token = /Unexpected token '(.)'/.exec(message);
    const position = at ? Number(at[1]) : token?.[1] ? body.indexOf(token[1]) : -1;
    if (body.trim() === '') throw new BackupError('not a DigestLens backup (the file is empty)');
    if (position >= body.trimEnd().length || /end of JSON input/i.test(message)) {
      throw new BackupError(`the file ends early (truncated?) at byte ${utf8Length(text)}`);
    }
    if (position < 0) throw new BackupError('not a DigestLens backup (not JSON)');
    const before = body.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    throw new BackupError(
      `not a DigestLens backup (not JSON: reading stopped at byte ${utf8Length(text.slice(0, text.length - body.length) + before)}, line ${line}, column ${column})`,
    );
  }
}

/**
 * Checks that `doc` is a backup this version can restore, and returns it typed. Throws a
 * BackupError naming the first thing wrong: not a backup at all, a newer version, or the path of
 * the first invalid field (`invalid backup: papers[3].title: …`).
 */
export function validateBackup(doc: unknown): BackupDocument {
  if (!isRecord(doc) || doc.format !== BACKUP_FORMAT) throw new BackupError('not a DigestLens backup');
  const version = doc.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    throw new BackupError(`backup version ${version} is newer than this DigestLens understands`);
  }
  if (version !== BACKUP_VERSION) throw new BackupError(`not a DigestLens backup (unknown version ${JSON.stringify(version)})`);

  const parsed = BackupSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError(issue ? `invalid backup: ${issuePath(issue.path)}: ${issue.message}` : 'invalid backup');
  }
  const backup = parsed.data;
  const duplicates: Array<[string, number, string]> = [
    ['papers', firstDuplicate(backup.papers, (p) => p.id), 'id'],
    ['digests', firstDuplicate(backup.digests, (d) => d.id), 'id'],
    ['entries', firstDuplicate(backup.entries, (e) => `${e.digestId}\u0000${e.position}`), 'position'],
    ['notes', firstDuplicate(backup.notes, (n) => n.paperId), 'paperId'],
    ['queue', firstDuplicate(backup.queue, (q) => q.paperId), 'paperId'],
  ];
  for (const [table, index, field] of duplicates) {
    if (index !== -1) throw new BackupError(`invalid backup: ${table}[${index}].${field}: the same ${field} appears twice`);
  }
  return backup;
}
