/**
 * The local rows sync reads and writes, as plain types. They copy today's lib/db/entities.ts
 * field for field; lib/db is being reshaped (schema v5, zod row schemas), so sync keeps its own
 * copy and lib/sync/mapping.ts is the one place that turns rows into documents and back. When
 * the row schemas land, point these aliases at them (`export type PaperRow = Paper` …) and the
 * typecheck shows every field that moved.
 */

export interface PaperRow {
  /** `arxiv:<id>` or `title:<titleKey>`; never changed once stored. */
  id: string;
  title: string;
  titleKey: string;
  arxivId: string | null;
  abstract: string;
  authors: number | null;
  organization: string | null;
  addedAt: string;
  url?: string | null;
}

export interface NoteRow {
  paperId: string;
  text: string;
  updatedAt: string;
  version: number;
}

export interface NoteVersionRow {
  paperId: string;
  text: string;
  savedAt: string;
  version: number;
  /** Kept because another device's edit of the same note won (sync conflict); the editor says so. */
  fromAnotherDevice?: boolean;
}

export interface QueueItemRow {
  paperId: string;
  order: number;
  addedAt: string;
  source: string;
  readAt: string | null;
}

export type DigestFormat = 'hf-daily-text' | 'hf-daily-json' | 'hf-search-json' | 'hf-paper-json' | 'arxiv-atom' | 'arxiv-mailing';

export interface DigestEntryRow {
  paperId: string;
  position: number;
  upvotes: number;
  publishedRaw: string | null;
  published: string | null;
}

/** A digest with its entries inside it (schema v5 keeps memberships in the digest row). */
export interface DigestRow {
  id: string;
  fileName: string;
  format: DigestFormat;
  dateRaw: string;
  date: string;
  paperCount: number;
  importedAt: string;
  entries: DigestEntryRow[];
}

/** A user setting that travels (never credentials, never caches). */
export interface SettingRow {
  key: string;
  value: unknown;
}
