/**
 * The records DigestLens keeps, one interface per table. Field names are the stored names:
 * renaming one is a schema change and needs a new `version()` in schema.ts.
 */

export interface Paper {
  /**
   * Stable primary key, set when the paper is first stored and never changed (notes and queue
   * items point at it): `arxiv:<id>` when the id was known then, else `title:<titleKey>`.
   */
  id: string;
  title: string;
  /** The identity rule's key (lib/identity/title-key.ts); indexed. */
  titleKey: string;
  /** Bare arXiv id without version (`2501.11120`, `hep-th/9901001`), or null; indexed. */
  arxivId: string | null;
  abstract: string;
  authors: number | null;
  organization: string | null;
  /** ISO time the paper was first stored. */
  addedAt: string;
  /** The page the paper was first saved from, for papers created from a page (notes, queue). */
  url?: string | null;
  /**
   * The title key again, only for a paper whose id is not `title:<titleKey>` (stored under its
   * arXiv id, or renamed): a sparse index, so that finding papers by title is a primary-key
   * lookup plus a look at the few exceptions (lib/db/find-papers.ts). See withAliasKey.
   */
  aliasKey?: string;
}

export interface Digest {
  /** SHA-256 of the digest's normalised text: the same file imported twice is the same digest. */
  id: string;
  fileName: string;
  format: 'hf-daily-text' | 'hf-daily-json' | 'hf-search-json' | 'hf-paper-json' | 'arxiv-atom' | 'arxiv-mailing';
  /** The page's date as written ("Sep 1") and as resolved (see lib/digest/dates.ts). */
  dateRaw: string;
  date: string;
  paperCount: number;
  importedAt: string;
}

/** One paper's appearance in one digest. */
export interface DigestEntry {
  digestId: string;
  paperId: string;
  /** 0-based position on the page. */
  position: number;
  upvotes: number;
  publishedRaw: string | null;
  published: string | null;
}

export interface Note {
  paperId: string;
  /** Plain text / Markdown, as typed. Never rendered as HTML, never put in a host page's DOM. */
  text: string;
  updatedAt: string;
  /** Counts saves (from 1); a save based on an older version is a concurrent edit. */
  version: number;
}

/** An earlier text of a note, kept when it was replaced (see lib/db/notes.ts for when). */
export interface NoteVersion {
  id?: number;
  paperId: string;
  text: string;
  /** When this text was saved. */
  savedAt: string;
  version: number;
}

export interface QueueItem {
  paperId: string;
  /** Sort key: smaller first. */
  order: number;
  addedAt: string;
  /** Where it was queued from: a page URL or `digest:<id>`. */
  source: string;
  readAt: string | null;
}

/** Small named values: `corpusRevision` (a number), `relatedIndex` (the persisted index). */
export interface MetaRow {
  key: string;
  value: unknown;
}
