import { z } from 'zod';
import { DigestFormatSchema } from './formats';

/** A date as the digest wrote it, and the calendar day we resolved it to (ISO `YYYY-MM-DD`). */
export const DigestDateSchema = z.object({
  raw: z.string().min(1),
  iso: z.iso.date(),
});
export type DigestDate = z.infer<typeof DigestDateSchema>;

export const ParsedPaperSchema = z.object({
  title: z.string().min(1).max(1000),
  abstract: z.string(),
  /** Author count from the "• 5 authors" line, when the digest shows one. */
  authors: z.number().int().nonnegative().nullable(),
  /** Author names, in order, when the source lists them (JSON, Atom, the mailing, saved pages); the count stays in `authors`. */
  authorNames: z.array(z.string().min(1).max(500)).max(2000).nullable().optional(),
  /** The organisation line some entries show instead of an author count. */
  organization: z.string().min(1).nullable(),
  published: DigestDateSchema.nullable(),
  upvotes: z.number().int().nonnegative(),
  /** The arXiv id (bare, no version), for formats that carry it; the Hugging Face text format never does. */
  arxivId: z.string().min(1).nullable(),
  /** 1-based line of the title in the file, for messages (1 for JSON formats). */
  line: z.number().int().positive(),
});
export type ParsedPaper = z.infer<typeof ParsedPaperSchema>;

export const ParsedDigestSchema = z.object({
  fileName: z.string(),
  format: DigestFormatSchema,
  digestDate: DigestDateSchema,
  papers: z.array(ParsedPaperSchema).min(1),
});
export type ParsedDigest = z.infer<typeof ParsedDigestSchema>;

/** What a parser reads from a file's text; the dispatcher (index.ts) adds the file's name and validates it. */
export type DigestContent = Omit<ParsedDigest, 'fileName'>;
