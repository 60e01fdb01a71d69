/**
 * Site adapters: which papers a page shows, and where to annotate them. Pure functions of a `Document`
 * and its URL, so the same code runs in content scripts and, through jsdom, in tests and `npm run detect`.
 */
import { arxivIdFromArxivUrl, isArxivHost, isArxivPaper, readArxivPage } from './arxiv';
import { isSupportedPage } from './hosts';
import { arxivIdFromHuggingFaceUrl, isHfPaper, isHuggingFaceHost, readHuggingFacePage } from './huggingface';
import type { PageReading } from './types';

export { isArxivAbs, isArxivHtml, isArxivListing, isArxivPaper, isArxivPdf, isArxivSearch } from './arxiv';
export { isSupportedHost, isSupportedPage, SUPPORTED_HOSTS } from './hosts';
export { isHfPaper, isHfPaperList } from './huggingface';

export type { FoundPaper, PageKind, PageReading } from './types';

/**
 * The papers on a supported page, in page order; null for any other page (including pages of the two
 * sites that show no papers). Never throws: a page too odd to read is treated as unsupported.
 */
export function readPage(doc: Document, url: URL): PageReading | null {
  try {
    if (isArxivHost(url.hostname)) return readArxivPage(doc, url);
    if (isHuggingFaceHost(url.hostname)) return readHuggingFacePage(doc, url);
  } catch {
    // Page markup is outside our control; a surprise there must not break the page or the extension.
  }
  return null;
}

/**
 * The bare arXiv id of the paper a URL shows: arXiv `/pdf/2501.11120v2`, `/pdf/hep-th/9901001v1`,
 * `/abs/…`, `/html/…`, and Hugging Face `/papers/<id>`. For the popup, which cannot read a PDF tab.
 */
export function arxivIdFromUrl(url: URL): string | null {
  return arxivIdFromArxivUrl(url) ?? arxivIdFromHuggingFaceUrl(url);
}

/** True when a tab's address shows one paper on a site DigestLens runs on: the popup opens on This page for it. */
export function showsOnePaper(url: URL): boolean {
  return isSupportedPage(url) && (isArxivPaper(url) || isHfPaper(url));
}
