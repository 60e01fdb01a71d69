import * as z from 'zod/mini';
import { ParsedDigestSchema } from '../../digest/types';
import type { Settings } from '../../settings/settings';
import type { ImportedFile } from './page-to-background';
import { type DigestMembership, MAX_PAPERS_PER_PAGE, SeenPaperSchema } from './shared';

/**
 * Content script (arXiv, Hugging Face pages) → background, one-off messages: the requests and what
 * each is answered with (inside the envelope). Served by lib/messaging/background-router.ts.
 */

const PaperId = z.string().check(z.minLength(1), z.maxLength(2000));
const Papers = z.array(SeenPaperSchema).check(z.maxLength(MAX_PAPERS_PER_PAGE));

export const ContentRequestSchema = z.discriminatedUnion('type', [
  /** Which of these papers are in my digests? One match (or null) per paper, in order, with its queue and note state. */
  z.object({ type: z.literal('lookup-papers'), papers: Papers }),
  /** Which digest papers relate to this one? Title and abstract are the query; `excludePaperId` is the page's own paper. */
  z.object({
    type: z.literal('related-papers'),
    paper: SeenPaperSchema,
    excludePaperId: z.nullable(PaperId),
    limit: z.number().check(z.int(), z.minimum(1), z.maximum(20)),
  }),
  /** How related to my digests is each of these papers? For the faint marker on unknown papers. */
  z.object({ type: z.literal('related-strength'), papers: Papers }),
  /**
   * Which digest papers is each of these papers related to, at `minStrength` or more? At most
   * `limit` per paper, best first: what the "≈ related" marker names and links to.
   */
  z.object({
    type: z.literal('related-to-digests'),
    papers: Papers,
    minStrength: z.number().check(z.minimum(0), z.maximum(1)),
    limit: z.number().check(z.int(), z.minimum(1), z.maximum(5)),
  }),
  /** The user's settings (lib/settings/settings.ts), defaults filled in. */
  z.object({ type: z.literal('read-settings') }),
  /**
   * Add this paper to my queue (or take it out): the stored paper `paperId` the page's lookup matched
   * (a fuzzy match included), else the page's paper, stored when it is new to DigestLens.
   */
  z.object({ type: z.literal('queue-toggle'), paper: SeenPaperSchema, paperId: z.nullable(PaperId), queued: z.boolean() }),
  /**
   * These stored papers, known only by title, are shown with an arXiv id by the site's own record of
   * them (never a reference, never a fuzzy match): store the id. The background checks the title key.
   */
  z.object({
    type: z.literal('learn-arxiv-ids'),
    papers: z
      .array(z.object({ paperId: PaperId, title: SeenPaperSchema.shape.title, arxivId: z.string().check(z.maxLength(64)) }))
      .check(z.maxLength(MAX_PAPERS_PER_PAGE)),
  }),
  /**
   * Add this page to my digests (the one-click capture): the digests the page's own data shows, read
   * by the same readers as a saved page (lib/digest/hf-daily-page.ts, arxiv-listing-page.ts). Stored
   * through the file import's path: checked again, one transaction, idempotent.
   */
  z.object({ type: z.literal('capture-page'), digests: z.array(ParsedDigestSchema).check(z.minLength(1), z.maxLength(400)) }),
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

export interface PaperMatch {
  paperId: string;
  matchedBy: 'arxiv-id' | 'title' | 'fuzzy-title';
  digests: DigestMembership[];
  /** In the reading queue and unread. */
  queued: boolean;
  /** Has a note with text. */
  noted: boolean;
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

/** What each request is answered with. */
export interface ContentResponses {
  'lookup-papers': Array<PaperMatch | null>;
  'related-papers': RelatedPaper[];
  'related-strength': number[];
  /** Per paper asked, in order: its related digest papers (empty when none is strong enough). */
  'related-to-digests': RelatedPaper[][];
  'read-settings': Settings;
  'queue-toggle': { paperId: string; queued: boolean };
  /** How many ids were stored. */
  'learn-arxiv-ids': number;
  /** What each captured digest added (the import's per-digest results). */
  'capture-page': ImportedFile[];
}
