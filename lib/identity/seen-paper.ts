import * as z from 'zod/mini';

/**
 * A paper as a page or a file shows it: what a site adapter reads, what a content script sends,
 * what the note editor is opened for and what the database resolves to a stored paper
 * (lib/db/resolve-papers.ts). The one description of it; `zod/mini` because content scripts
 * bundle it.
 */

export const MAX_TITLE_LENGTH = 5000;
export const MAX_ABSTRACT_LENGTH = 100_000;
export const MAX_URL_LENGTH = 4000;
export const MAX_AUTHORS = 2000;

export const SeenPaperSchema = z.object({
  /** Cleaned title as shown (whitespace collapsed; LaTeX kept: matching goes through the title key). */
  title: z.string().check(z.minLength(1), z.maxLength(MAX_TITLE_LENGTH)),
  /** Bare arXiv id without version (`2501.11120`, `hep-th/9901001`), or null. */
  arxivId: z.nullable(z.string().check(z.maxLength(64))),
  /** When the page shows (or carries) it, whitespace collapsed. */
  abstract: z.nullable(z.string().check(z.maxLength(MAX_ABSTRACT_LENGTH))),
  /** Author names, when the page shows them. */
  authors: z.nullable(z.array(z.string().check(z.maxLength(500))).check(z.maxLength(MAX_AUTHORS))),
  /** The page it was seen on, when there is one. */
  url: z.nullable(z.string().check(z.maxLength(MAX_URL_LENGTH))),
});
export type SeenPaper = z.infer<typeof SeenPaperSchema>;

/** A seen paper with only what identifies it filled in (the rest unknown). */
export function seenPaper(fields: Pick<SeenPaper, 'title'> & Partial<SeenPaper>): SeenPaper {
  return { arxivId: null, abstract: null, authors: null, url: null, ...fields };
}
