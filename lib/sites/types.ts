/** What a site adapter reads from a page: the papers it shows, and where to annotate them. */

export interface FoundPaper {
  /** Cleaned title: the "Title:" descriptor dropped, whitespace collapsed; LaTeX kept as shown (matching goes through the title key). */
  title: string;
  /** Bare arXiv id without version ("2501.11120", "hep-th/9901001"), or null. */
  arxivId: string | null;
  /** When shown on the page (or carried by it, e.g. in metadata), whitespace collapsed. */
  abstract: string | null;
  /** When shown. */
  authors: string[] | null;
  /** The element a badge goes beside (the title element, or the link inside it). */
  anchor: Element;
}

export type PageKind = 'paper' | 'list';

export interface PageReading {
  site: 'arxiv' | 'huggingface';
  kind: PageKind;
  /** Page order; on a 'paper' page, papers[0] is the page's paper. */
  papers: FoundPaper[];
  /** On paper pages: the element after which the related-papers/notes panel is inserted (e.g. the abstract block). */
  panelAnchor: Element | null;
}
