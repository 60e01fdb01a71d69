/**
 * arXiv pages: abstract (`/abs/<id>`), listings (`/list/<cat>/new` …), search results (`/search/…`) and
 * LaTeXML full text (`/html/<id>`). Pure functions of the Document and its URL; selectors in ./selectors.
 */
import { findArxivId, normalizeArxivId } from '../identity/arxiv-id';
import { siteOfHost } from './hosts';
import {
  ABS_ABSTRACT,
  ABS_AUTHOR_LINKS,
  ABS_META,
  ABS_TITLE,
  HTML_ABSTRACT,
  HTML_AUTHOR_NAMES,
  HTML_BIB_BLOCK,
  HTML_BIB_ITEM,
  HTML_TITLE,
  LIST_ABSTRACT,
  LIST_AUTHOR_LINKS,
  LIST_ENTRY,
  LIST_ID_LINK,
  LIST_TITLE,
  SEARCH_ABSTRACT_FULL,
  SEARCH_AUTHOR_LINKS,
  SEARCH_ID_LINK,
  SEARCH_RESULT,
  SEARCH_TITLE,
} from './selectors';
import { collapseSpace, decodePathPart, metaContent, queryAll, queryFirstMatching, readText, readTexts } from './text';
import type { FoundPaper, PageReading } from './types';

const ABS_PATH = /^\/abs\/(.+?)\/?$/;
const HTML_PATH = /^\/html\/(.+?)\/?$/;
/** `/list/<cat>/new|recent|pastweek`, and a month: `/list/<cat>/2401` or `/list/<cat>/2024-01`. */
const LIST_PATH = /^\/list\/[^/]+\/(?:new|recent|pastweek|\d{4}|\d{4}-\d{2})\/?$/;
/** `/search/`, `/search/advanced`, and the per-archive author searches the abs pages link to (`/search/cond-mat?…`). */
const SEARCH_PATH = /^\/search(?:\/[^/]*)?\/?$/;
/** The id in an arXiv link or path: `/abs/2609.22268`, `https://arxiv.org/pdf/hep-th/9901001v1`, `/html/2501.11120v1/`. */
const ID_IN_PATH = /\/(?:abs|pdf|html)\/((?:[a-z-]+(?:\.[a-z]{2})?\/)?[^/?#]+?)(?:\.pdf)?\/?(?:[?#]|$)/i;

/** arxiv.org, or a name of it a saved page or pasted link may carry (`export.arxiv.org`): lib/sites/hosts.ts. */
export function isArxivHost(hostname: string): boolean {
  return siteOfHost(hostname) === 'arxiv.org';
}

// ── URL predicates: which kind of arXiv page an address shows (the popup and the readers below use them) ──

/** An abstract page, `/abs/<id>`. */
export function isArxivAbs(url: URL): boolean {
  return isArxivHost(url.hostname) && ABS_PATH.test(url.pathname);
}

/** A PDF, `/pdf/<id>`: no content script runs in the viewer, so the popup reads the id from the address. */
export function isArxivPdf(url: URL): boolean {
  return isArxivHost(url.hostname) && url.pathname.startsWith('/pdf/') && idFromHref(url.pathname) !== null;
}

/** An HTML full text, `/html/<id>`. */
export function isArxivHtml(url: URL): boolean {
  return isArxivHost(url.hostname) && HTML_PATH.test(url.pathname);
}

/** A listing, `/list/<cat>/new|recent|pastweek` or a month. */
export function isArxivListing(url: URL): boolean {
  return isArxivHost(url.hostname) && LIST_PATH.test(url.pathname);
}

/** A day's listing, `/list/<cat>/new`, `/recent` or `/pastweek`: a page the one-click capture takes as a digest. */
export function isArxivDayListing(url: URL): boolean {
  return isArxivListing(url) && /\/(?:new|recent|pastweek)\/?$/.test(url.pathname);
}

/** Search results, `/search/…`. */
export function isArxivSearch(url: URL): boolean {
  return isArxivHost(url.hostname) && SEARCH_PATH.test(url.pathname);
}

/** An address of one paper (abstract, PDF or HTML): what the popup opens on its This page view for. */
export function isArxivPaper(url: URL): boolean {
  return isArxivAbs(url) || isArxivPdf(url) || isArxivHtml(url);
}

/** The bare id in an arXiv href or path (`/abs/…`, `/pdf/…`, `/html/…`), or null. */
function idFromHref(href: string | null): string | null {
  const match = href === null ? null : ID_IN_PATH.exec(href);
  return match?.[1] ? normalizeArxivId(decodePathPart(match[1])) : null;
}

/** The paper an arXiv URL shows (`/abs/`, `/pdf/`, `/html/`, any version), e.g. for the popup on a PDF tab. */
export function arxivIdFromArxivUrl(url: URL): string | null {
  return isArxivHost(url.hostname) ? idFromHref(url.pathname) : null;
}

export function readArxivPage(doc: Document, url: URL): PageReading | null {
  const path = url.pathname;
  const abs = ABS_PATH.exec(path);
  if (abs?.[1]) {
    const urlId = normalizeArxivId(decodePathPart(abs[1]));
    return urlId ? readAbsPage(doc, urlId) : null;
  }
  if (isArxivListing(url)) return listReading(readListing(doc));
  if (isArxivSearch(url)) return listReading(readSearchResults(doc));
  const html = HTML_PATH.exec(path);
  if (html?.[1]) {
    const urlId = normalizeArxivId(decodePathPart(html[1]));
    return urlId ? readHtmlPage(doc, urlId) : null;
  }
  return null;
}

function listReading(papers: FoundPaper[]): PageReading {
  return { site: 'arxiv', kind: 'list', papers, panelAnchor: null };
}

// ── /abs/<id> ────────────────────────────────────────────────────────────────────────────────────────

/** `citation_author` is "Last, First"; pages and digests write "First Last". Other shapes are kept as written. */
function authorFromCitation(name: string): string {
  const parts = name.split(', ');
  return parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : name;
}

function readAbsPage(doc: Document, urlId: string): PageReading {
  const heading = doc.querySelector(ABS_TITLE);
  const abstractBlock = doc.querySelector(ABS_ABSTRACT);
  const title = metaContent(doc, ABS_META.title) ?? (heading ? readText(heading) : '');
  const papers: FoundPaper[] = [];
  // Without its title element there is nothing to annotate: no paper (and no panel place) is reported.
  if (heading && title) {
    const metaAuthors: string[] = [];
    for (const meta of doc.querySelectorAll(ABS_META.author)) {
      const name = collapseSpace(meta.getAttribute('content') ?? '');
      if (name) metaAuthors.push(authorFromCitation(name));
    }
    papers.push({
      title,
      arxivId: normalizeArxivId(metaContent(doc, ABS_META.arxivId) ?? '') ?? urlId,
      abstract: metaContent(doc, ABS_META.abstract) ?? (abstractBlock ? readText(abstractBlock) || null : null),
      authors: metaAuthors.length > 0 ? metaAuthors : readTexts(doc, ABS_AUTHOR_LINKS),
      url: null,
      anchor: heading,
      role: 'own',
    });
  }
  return { site: 'arxiv', kind: 'paper', papers, panelAnchor: papers.length > 0 ? (abstractBlock ?? heading) : null };
}

// ── /list/<cat>/… ───────────────────────────────────────────────────────────────────────────────────

/**
 * The most entries read from one listing or search page. arXiv shows at most 2,000 (`/list/…?show=2000`;
 * search pages 200); a page flooded with more would block its tab while every entry is read (5,000 search
 * results held the main thread for over a second; tests/browser/hostile-pages.test.ts), so the rest are
 * left unannotated.
 */
export const MAX_ENTRIES_READ = 2000;

/** The entries of a listing, in page order (also read by the one-click capture, lib/digest/arxiv-listing-page.ts). */
export function readListing(doc: Document): FoundPaper[] {
  const papers: FoundPaper[] = [];
  for (const dt of queryFirstMatching(doc, LIST_ENTRY)) {
    if (papers.length >= MAX_ENTRIES_READ) break;
    const dd = dt.nextElementSibling;
    if (dd === null || dd.localName !== 'dd') continue;
    const titleEl = dd.querySelector(LIST_TITLE);
    const title = titleEl ? readText(titleEl) : '';
    if (!titleEl || !title) continue;
    const idLink = dt.querySelector(LIST_ID_LINK);
    const abstractEl = dd.querySelector(LIST_ABSTRACT);
    papers.push({
      title,
      arxivId: idLink ? (idFromHref(idLink.getAttribute('href')) ?? findArxivId(idLink.textContent ?? '')) : null,
      abstract: abstractEl ? readText(abstractEl) || null : null,
      authors: readTexts(dd, LIST_AUTHOR_LINKS),
      url: null,
      anchor: titleEl,
      role: 'own',
    });
  }
  return papers;
}

// ── /search/ ────────────────────────────────────────────────────────────────────────────────────────

/** The "△ Less" link that closes a full search abstract (U+25B3). */
const LESS_TOGGLE = /\s*\u25b3\s*Less$/;

function readSearchResults(doc: Document): FoundPaper[] {
  const papers: FoundPaper[] = [];
  for (const result of doc.querySelectorAll(SEARCH_RESULT)) {
    if (papers.length >= MAX_ENTRIES_READ) break;
    const titleEl = result.querySelector(SEARCH_TITLE);
    const title = titleEl ? readText(titleEl) : '';
    if (!titleEl || !title) continue;
    // Two-step query: see queryAll (a descendant selector per result is quadratic in Chromium).
    const idLink = queryAll(result, SEARCH_ID_LINK)[0];
    const abstractEl = result.querySelector(SEARCH_ABSTRACT_FULL);
    papers.push({
      title,
      arxivId: idLink ? (idFromHref(idLink.getAttribute('href')) ?? findArxivId(idLink.textContent ?? '')) : null,
      abstract: abstractEl ? readText(abstractEl).replace(LESS_TOGGLE, '') || null : null,
      authors: readTexts(result, SEARCH_AUTHOR_LINKS),
      url: null,
      anchor: titleEl,
      role: 'own',
    });
  }
  return papers;
}

// ── /html/<id> (LaTeXML) ─────────────────────────────────────────────────────────────────────────────

/**
 * An HTML full-text page. Its own paper comes first: title `h1`, abstract, and the id from the URL (the
 * route always carries it; the page's `<base href="/html/2501.11120v1/">` says the same).
 *
 * After it come the references that carry an arXiv id (an arxiv.org link, `arXiv:<id>`, or an old-style
 * `hep-ph/0601234`): papers a digest may hold, matched exactly by that id. References without one are
 * not reported: many styles do not set the cited title apart (one block for authors, title and journal),
 * so matching them by title would be guesswork, and a badge on a wrong reference misleads.
 *
 * A page without its title `h1` (the saved 2503.18887 page is only its bibliography) reads as a 'list'
 * of those references: 'paper' promises that papers[0] is the page's own paper, which such a page does
 * not show. The popup still knows the page's paper from the URL (`arxivIdFromUrl`).
 */
function readHtmlPage(doc: Document, urlId: string): PageReading {
  const references = readReferences(doc);
  const heading = doc.querySelector(HTML_TITLE);
  const title = heading ? readText(heading) : '';
  if (!heading || !title) return listReading(references);
  const abstractBlock = doc.querySelector(HTML_ABSTRACT);
  const own: FoundPaper = {
    title,
    arxivId: urlId,
    abstract: abstractBlock ? readText(abstractBlock).replace(/^Abstract\s*/, '') || null : null,
    authors: readHtmlAuthors(doc),
    url: null,
    anchor: heading,
    role: 'own',
  };
  return { site: 'arxiv', kind: 'paper', papers: [own, ...references], panelAnchor: abstractBlock ?? heading };
}

/**
 * One name per `\author` block when the paper gives each author their own block. When one block holds
 * several names with affiliations and line breaks (the 2501.11120 page), the names cannot be told from
 * the affiliations, so authors are not reported (null).
 */
function readHtmlAuthors(doc: Document): string[] | null {
  const names: string[] = [];
  for (const person of doc.querySelectorAll(HTML_AUTHOR_NAMES)) {
    if (person.querySelector('br')) return null;
    const clone = person.cloneNode(true) as Element;
    for (const sup of clone.querySelectorAll('sup')) sup.remove();
    const name = readText(clone);
    if (name) names.push(name);
  }
  return names.length > 0 ? names : null;
}

function readReferences(doc: Document): FoundPaper[] {
  const papers: FoundPaper[] = [];
  for (const item of doc.querySelectorAll(HTML_BIB_ITEM)) {
    let arxivId: string | null = null;
    for (const link of item.querySelectorAll('a[href]')) {
      const href = link.getAttribute('href') ?? '';
      if (/arxiv\.org\//i.test(href)) arxivId = idFromHref(href);
      if (arxivId) break;
    }
    arxivId ??= findArxivId(item.textContent ?? '');
    if (!arxivId) continue;
    // natbib styles give the cited title its own block (authors / title / venue): that block is the title.
    // One-block styles (APS, revtex) do not set it apart: the whole reference, as shown, stands for it.
    const blocks = item.querySelectorAll(HTML_BIB_BLOCK);
    const anchor = blocks.length > 1 ? blocks[1] : (blocks[0] ?? item);
    if (!anchor) continue;
    // The title block of a `@misc` entry ends with its year ("…transformers, 2022."): not part of the title.
    const title = readText(anchor).replace(/(?:,\s*(?:19|20)\d\d[a-z]?)?\s*\.?$/, '');
    if (title) papers.push({ title, arxivId, abstract: null, authors: null, url: null, anchor, role: 'reference' });
  }
  return papers;
}
