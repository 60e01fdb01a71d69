import type { SeenPaper } from '../identity/seen-paper';

/** What a site adapter reads from a page: the papers it shows, and where to annotate them. */

/**
 * Whose record of the paper this is. `own`: the site's own record (an abstract page, the first paper
 * of an HTML page, a listing or search entry, a Hugging Face card or page): its arXiv id may be
 * learned for a paper stored by title. `reference`: a paper the page cites, under whatever id the
 * citing authors wrote; never taught to the corpus (issue 9: one wrong citation would re-point a paper).
 */
export type PaperRole = 'own' | 'reference';

/** A paper as the page shows it (lib/identity/seen-paper.ts), with where to annotate it. */
export type FoundPaper = SeenPaper & {
  /** The element a badge goes beside (the title element, or the link inside it). */
  anchor: Element;
  role: PaperRole;
};

export type PageKind = 'paper' | 'list';

export interface PageReading {
  site: 'arxiv' | 'huggingface';
  kind: PageKind;
  /** Page order; on a 'paper' page, papers[0] is the page's paper. */
  papers: FoundPaper[];
  /** On paper pages: the element after which the related-papers/notes panel is inserted (e.g. the abstract block). */
  panelAnchor: Element | null;
}
