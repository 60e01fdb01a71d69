import * as z from 'zod/mini';

/**
 * The one protocol between extension contexts. Every message is a zod schema here; receivers
 * parse with these schemas and check the sender before acting. `zod/mini` rather than classic
 * zod: the schemas are bundled into every content script, and mini is ~5 KB gzipped against ~90.
 */

// ─── Import: extension page → background, over a port ─────────────────────────────────────────

/** Name of the long-lived port an extension page opens to import digest files. */
export const IMPORT_PORT = 'digestlens:import';

const ImportResultSchema = z.object({
  digestId: z.string(),
  status: z.enum(['imported', 'already-imported']),
  date: z.string(),
  newPapers: z.number(),
  knownPapers: z.number(),
  entries: z.number(),
});

/** Page → background: one file's text to import. Files are queued and imported in order. */
export const ImportRequestSchema = z.object({
  type: z.literal('import-file'),
  /** The file's place in this batch, echoed in the reply. */
  index: z.number().check(z.int(), z.nonnegative()),
  name: z.string().check(z.minLength(1), z.maxLength(1000)),
  text: z.string(),
});
export type ImportRequest = z.infer<typeof ImportRequestSchema>;

/** The outcome of one file: what it added, or why nothing was added. */
export const FileOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: ImportResultSchema }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type FileOutcome = z.infer<typeof FileOutcomeSchema>;

/** Background → page: a file is done. */
export const ImportReplySchema = z.object({
  type: z.literal('file-done'),
  index: z.number(),
  name: z.string(),
  outcome: FileOutcomeSchema,
});
export type ImportReply = z.infer<typeof ImportReplySchema>;

// ─── Page annotation: content script → background, one-off messages ──────────────────────────

const MAX_PAPERS_PER_PAGE = 5000;

/** A paper as a page shows it (lib/sites): what the background needs to recognise it. */
const PagePaperSchema = z.object({
  title: z.string().check(z.minLength(1), z.maxLength(5000)),
  arxivId: z.nullable(z.string().check(z.maxLength(64))),
  abstract: z.optional(z.nullable(z.string().check(z.maxLength(100_000)))),
});
export type PagePaper = z.infer<typeof PagePaperSchema>;

/** "Which of these papers are in my digests?" Answered with one match (or null) per paper, in order. */
export const LookupRequestSchema = z.object({
  type: z.literal('lookup-papers'),
  papers: z.array(PagePaperSchema).check(z.maxLength(MAX_PAPERS_PER_PAGE)),
});

/** "Which digest papers relate to this one?" The query is the paper's title and abstract. */
export const RelatedRequestSchema = z.object({
  type: z.literal('related-papers'),
  paper: PagePaperSchema,
  limit: z.number().check(z.int(), z.minimum(1), z.maximum(20)),
});

/** "How related to my digests is each of these papers?" For the faint marker on unknown papers. */
export const StrengthRequestSchema = z.object({
  type: z.literal('related-strength'),
  papers: z.array(PagePaperSchema).check(z.maxLength(MAX_PAPERS_PER_PAGE)),
});

/** "Add this paper to my queue" (or take it out). The paper is created from the page when it is new. */
export const QueueToggleRequestSchema = z.object({
  type: z.literal('queue-toggle'),
  paper: PagePaperSchema,
  /** The page the paper was queued from. */
  pageUrl: z.string().check(z.maxLength(4000)),
  queued: z.boolean(),
});

export const ContentRequestSchema = z.discriminatedUnion('type', [
  LookupRequestSchema,
  RelatedRequestSchema,
  StrengthRequestSchema,
  QueueToggleRequestSchema,
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

/** A digest a paper is in, as badges and panels show it. */
export interface DigestMembership {
  digestId: string;
  /** ISO date of the digest. */
  date: string;
  upvotes: number;
}

export interface PaperMatch {
  paperId: string;
  matchedBy: 'arxiv-id' | 'title' | 'fuzzy-title';
  digests: DigestMembership[];
}

/** Which of the papers a page shows are queued (unread) or have a note: kept current on badges. */
export interface PaperState {
  queued: string[];
  noted: string[];
}

export interface RelatedPaper {
  paperId: string;
  title: string;
  arxivId: string | null;
  score: number;
  /** 0..1, comparable across queries. */
  strength: number;
  /** The shared terms that explain the match, best first. */
  terms: string[];
  digests: DigestMembership[];
}

/** What each request is answered with (inside the envelope below). */
export interface ContentResponses {
  'lookup-papers': Array<PaperMatch | null>;
  'related-papers': RelatedPaper[];
  'related-strength': number[];
  'queue-toggle': { paperId: string; queued: boolean };
}

// ─── Popup → content script of the active tab ────────────────────────────────────────────────

/** "Which paper does your page show?" The popup's This page view asks the active tab. */
export const PagePaperQuerySchema = z.object({ type: z.literal('page-paper') });
export type PagePaperAnswer = PagePaper | null;

// ─── Paper state: background → content script, over a port ───────────────────────────────────

/** Port a content script opens to hear when papers it shows are queued or noted, from any tab. */
export const STATE_PORT = 'digestlens:paper-state';

/** Content → background: the paper ids this page shows (replaces the previous list). */
export const WatchRequestSchema = z.object({
  type: z.literal('watch'),
  paperIds: z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(MAX_PAPERS_PER_PAGE)),
});

/** Background → content: the current state of the watched papers. */
export const PaperStateMessageSchema = z.object({
  type: z.literal('paper-state'),
  queued: z.array(z.string()),
  noted: z.array(z.string()),
});

/** Every answer: the value, or the reason there is none. Never a thrown error across contexts. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

// ─── Notes: the note editor framed in a page ↔ background, over a port ──────────────────────

/**
 * Port the note editor opens when it runs framed in an arXiv or Hugging Face page. A frame in a
 * web page may be denied IndexedDB (third-party storage rules), so it reads and writes the note
 * through the background, which holds the database. The note's text travels only between
 * extension contexts, never through the host page.
 */
export const NOTE_PORT = 'digestlens:note';

const NoteRecordSchema = z.object({ text: z.string(), version: z.number(), updatedAt: z.string() });
export type NoteRecord = z.infer<typeof NoteRecordSchema>;

/** Editor → background. */
export const NoteClientMessageSchema = z.discriminatedUnion('type', [
  /** Find or create the paper, then send its note and versions now and whenever they change. */
  z.object({
    type: z.literal('open'),
    paper: z.object({
      title: z.string().check(z.minLength(1), z.maxLength(5000)),
      arxivId: z.nullable(z.string().check(z.maxLength(64))),
      abstract: z.nullable(z.string().check(z.maxLength(100_000))),
      url: z.nullable(z.string().check(z.maxLength(4000))),
    }),
  }),
  /** Save with the rules of lib/db/notes.ts; answered with `saved` carrying the same id. */
  z.object({ type: z.literal('save'), requestId: z.number(), text: z.string().check(z.maxLength(5_000_000)), baseVersion: z.number() }),
  z.object({ type: z.literal('restore'), versionId: z.number() }),
]);
export type NoteClientMessage = z.infer<typeof NoteClientMessageSchema>;

/** Background → editor. */
export const NoteServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('opened'), paperId: z.string(), title: z.string() }),
  z.object({
    type: z.literal('note'),
    note: z.nullable(NoteRecordSchema),
    versions: z.array(z.object({ id: z.number(), text: z.string(), savedAt: z.string(), version: z.number() })),
  }),
  z.object({ type: z.literal('saved'), requestId: z.number(), note: NoteRecordSchema, concurrent: z.boolean() }),
  z.object({ type: z.literal('failed'), requestId: z.optional(z.number()), error: z.string() }),
]);
export type NoteServerMessage = z.infer<typeof NoteServerMessageSchema>;
