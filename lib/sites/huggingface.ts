/**
 * Hugging Face paper pages: the papers list (`/papers`, by date/week/month, trending, `?q=` search) and
 * a paper page (`/papers/<arXiv id>`). The visible markup is read first (a badge needs the visible
 * title); the Svelte islands' `data-props` JSON adds what the cards do not show (abstract, authors).
 * The props are page data: every field is type-checked, and nothing is called on them.
 */
import { normalizeArxivId } from '../identity/arxiv-id';
import { siteOfHost } from './hosts';
import { HF_CARD_TITLE_LINK, HF_DAILY_PROPS, HF_PAPER_HEADINGS, HF_PAPER_PROPS, HF_PAPER_TITLE } from './selectors';
import { collapseSpace, decodePathPart, queryFirstMatching, readText } from './text';
import type { FoundPaper, PageReading } from './types';

/** `/papers`, `/papers/date/2026-09-28`, `/papers/week/2026-W39`, `/papers/month/2026-09`, `/papers/trending` (queries like `?date=`, `?q=` included). */
const LIST_PATH = /^\/papers(?:\/(?:date|week|month)\/[^/]+|\/trending)?\/?$/;
const PAPER_PATH = /^\/papers\/([^/]+)\/?$/;

/** huggingface.co, or a name of it a saved page or pasted link may carry: lib/sites/hosts.ts. */
export function isHuggingFaceHost(hostname: string): boolean {
  return siteOfHost(hostname) === 'huggingface.co';
}

/** A paper page, `/papers/<arXiv id>`. */
export function isHfPaper(url: URL): boolean {
  return arxivIdFromHuggingFaceUrl(url) !== null;
}

/** A papers list: daily, weekly, monthly, trending, or a search (`?q=`). */
export function isHfPaperList(url: URL): boolean {
  return isHuggingFaceHost(url.hostname) && LIST_PATH.test(url.pathname);
}

/**
 * The daily, weekly or monthly papers (`/papers`, `/papers/date|week|month/…`): a page the one-click
 * capture takes as a digest. Not trending or a search (`?q=`): those are no day's papers.
 */
export function isHfDayList(url: URL): boolean {
  return isHfPaperList(url) && !url.pathname.startsWith('/papers/trending') && !url.searchParams.has('q');
}

/** The arXiv id of a Hugging Face paper page URL (its ids are arXiv ids), or null. */
export function arxivIdFromHuggingFaceUrl(url: URL): string | null {
  const match = isHuggingFaceHost(url.hostname) ? PAPER_PATH.exec(url.pathname) : null;
  return match?.[1] ? normalizeArxivId(decodePathPart(match[1])) : null;
}

export function readHuggingFacePage(doc: Document, url: URL): PageReading | null {
  if (isHfPaperList(url)) return { site: 'huggingface', kind: 'list', papers: readPaperCards(doc), panelAnchor: null };
  const id = arxivIdFromHuggingFaceUrl(url);
  return id ? readPaperPage(doc, id) : null;
}

// ── the props ───────────────────────────────────────────────────────────────────────────────────────

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

function asText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? collapseSpace(value) : null;
}

function readProps(island: Element | null): Json | null {
  const raw = island?.getAttribute('data-props');
  if (!raw) return null;
  try {
    return asObject(JSON.parse(raw));
  } catch {
    return null;
  }
}

interface PropsPaper {
  id: string | null;
  title: string | null;
  abstract: string | null;
  authors: string[] | null;
}

/** `paper.{id,title,summary,authors[].name}`; authors the site hides (`hidden: true`) are left out as it does. */
function propsPaper(value: unknown): PropsPaper | null {
  const paper = asObject(value);
  if (!paper) return null;
  const authors: string[] = [];
  const list = paper.authors;
  if (Array.isArray(list)) {
    for (let i = 0; i < list.length; i++) {
      const author = asObject(list[i]);
      const name = author && author.hidden !== true ? asText(author.name) : null;
      if (name) authors.push(name);
    }
  }
  return {
    id: typeof paper.id === 'string' ? normalizeArxivId(paper.id) : null,
    title: asText(paper.title),
    abstract: asText(paper.summary),
    authors: authors.length > 0 ? authors : null,
  };
}

/** Every `{ paper: {…} }` item of every array in the list's props (`dailyPapers`, and whatever a search page names its results), by id. */
function propsPapersById(props: Json | null): Map<string, PropsPaper> {
  const byId = new Map<string, PropsPaper>();
  if (!props) return byId;
  for (const key of Object.keys(props)) {
    const list = props[key];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const paper = propsPaper(asObject(list[i])?.paper);
      if (paper?.id && !byId.has(paper.id)) byId.set(paper.id, paper);
    }
  }
  return byId;
}

// ── /papers lists ───────────────────────────────────────────────────────────────────────────────────

function readPaperCards(doc: Document): FoundPaper[] {
  const fromProps = propsPapersById(readProps(doc.querySelector(HF_DAILY_PROPS)));
  const papers: FoundPaper[] = [];
  for (const link of queryFirstMatching(doc, HF_CARD_TITLE_LINK)) {
    const title = readText(link);
    if (!title) continue;
    const href = link.getAttribute('href') ?? '';
    const arxivId = normalizeArxivId(decodePathPart(href.slice('/papers/'.length).replace(/[?#].*$/, '')));
    const extra = arxivId ? fromProps.get(arxivId) : undefined;
    papers.push({
      title,
      arxivId,
      abstract: extra?.abstract ?? null,
      authors: extra?.authors ?? null,
      url: null,
      anchor: link,
      role: 'own',
    });
  }
  return papers;
}

// ── /papers/<id> ────────────────────────────────────────────────────────────────────────────────────

/** The element after the heading that reads "Abstract" (the heading's next sibling), if any. */
function visibleAbstract(root: ParentNode): Element | null {
  for (const heading of root.querySelectorAll(HF_PAPER_HEADINGS)) {
    if (readText(heading) === 'Abstract') return heading.nextElementSibling;
  }
  return null;
}

function readPaperPage(doc: Document, urlId: string): PageReading {
  const island = doc.querySelector(HF_PAPER_PROPS);
  const props = propsPaper(readProps(island)?.paper);
  const heading = queryFirstMatching(doc, HF_PAPER_TITLE)[0];
  const title = heading ? readText(heading) : '';
  const abstractEl = visibleAbstract(island ?? doc);
  const abstract = (abstractEl && readText(abstractEl)) || props?.abstract || null;
  const papers: FoundPaper[] = [];
  if (heading && title) {
    // The props' author list is complete; the visible one may be folded ("+ 5 authors").
    papers.push({ title, arxivId: urlId, abstract, authors: props?.authors ?? null, url: null, anchor: heading, role: 'own' });
  }
  return { site: 'huggingface', kind: 'paper', papers, panelAnchor: heading && papers.length > 0 ? (abstractEl ?? heading) : null };
}
