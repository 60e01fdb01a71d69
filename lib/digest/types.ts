import * as z from 'zod/mini';
import { DigestFormatSchema } from './formats';

/**
 * What a parser produces. `zod/mini`, because the one-click capture builds these in a content
 * script and sends them to the background, which checks them with the same schema.
 */

/** A date as the digest wrote it, and the calendar day we resolved it to (ISO `YYYY-MM-DD`). */
export const DigestDateSchema = z.object({
  raw: z.string().check(z.minLength(1)),
  iso: z.iso.date(),
});
export type DigestDate = z.infer<typeof DigestDateSchema>;

/** Where an arXiv listing shows an entry: a new submission, a cross-list from another category, or a replaced version. */
export const ListingSectionSchema = z.enum(['new', 'cross-list', 'replacement']);
export type ListingSection = z.infer<typeof ListingSectionSchema>;

export const ParsedPaperSchema = z.object({
  title: z.string().check(z.minLength(1), z.maxLength(1000)),
  abstract: z.string(),
  /** Author count from the "• 5 authors" line, when the digest shows one. */
  authors: z.nullable(z.number().check(z.int(), z.nonnegative())),
  /** Author names, in order, when the source lists them (JSON, Atom, the mailing, saved pages); the count stays in `authors`. */
  authorNames: z.optional(z.nullable(z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.maxLength(2000)))),
  /** The organisation line some entries show instead of an author count. */
  organization: z.nullable(z.string().check(z.minLength(1))),
  published: z.nullable(DigestDateSchema),
  upvotes: z.number().check(z.int(), z.nonnegative()),
  /** The arXiv id (bare, no version), for formats that carry it; the Hugging Face text format never does. */
  arxivId: z.nullable(z.string().check(z.minLength(1))),
  /** 1-based line of the title in the file, for messages (1 for JSON formats and pages). */
  line: z.number().check(z.int(), z.positive()),
  /** arXiv listings only: the section the entry is listed in. */
  section: z.optional(ListingSectionSchema),
});
export type ParsedPaper = z.infer<typeof ParsedPaperSchema>;

export const ParsedDigestSchema = z.object({
  fileName: z.string(),
  format: DigestFormatSchema,
  digestDate: DigestDateSchema,
  papers: z.array(ParsedPaperSchema).check(z.minLength(1)),
});
export type ParsedDigest = z.infer<typeof ParsedDigestSchema>;

/** What a parser reads from a file's text; the dispatcher (index.ts) adds the file's name and validates it. */
export type DigestContent = Omit<ParsedDigest, 'fileName'>;
