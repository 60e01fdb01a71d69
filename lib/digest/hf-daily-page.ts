/**
 * A Hugging Face daily, weekly or monthly papers page as a digest. The page carries its papers as
 * data: the `DailyPapers` Svelte island's `data-props` (`dateString`, `periodType`, and
 * `dailyPapers[].paper.{id,title,summary,authors,upvotes,submittedOnDailyAt}`), read field by
 * field (page data: every value type-checked, nothing called). Papers are dated by the day they
 * were featured, one digest per day (featured-days.ts), in the page's order.
 *
 * The props are what the server rendered. After the site changes the page in place (switching
 * the date), the cards may show other papers than the props describe: then the visible cards
 * are read instead (id, title, upvotes; no abstracts), dated by the address. Pure DOM, no zod:
 * content scripts run it for the one-click capture.
 */
import { normalizeArxivId } from '../identity/arxiv-id';
import { HF_CARD_TITLE_LINK, HF_CARD_UPVOTES, HF_DAILY_PROPS } from '../sites/selectors';
import { collapseSpace, decodePathPart, queryFirstMatching, readText } from '../sites/text';
import { DigestLineError } from './errors';
import { byFeaturedDay } from './featured-days';
import { isoDayOfTimestamp } from './formats';
import type { DigestContent, DigestDate, ParsedPaper } from './types';

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

function asText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? collapseSpace(value) : null;
}

function asTimestamp(value: unknown): DigestDate | null {
  const raw = asText(value);
  const iso = raw ? isoDayOfTimestamp(raw) : null;
  return raw && iso ? { raw, iso } : null;
}

/** True for the island's element: a saved or live Hugging Face papers list. */
export function isHfPapersPage(doc: Document): boolean {
  return doc.querySelector(HF_DAILY_PROPS) !== null;
}

interface PagePaper {
  paper: ParsedPaper;
  featured: DigestDate | null;
}

function propsPaper(item: unknown): PagePaper | null {
  const paper = asObject(asObject(item)?.paper);
  const arxivId = typeof paper?.id === 'string' ? normalizeArxivId(paper.id) : null;
  const title = asText(paper?.title);
  if (!paper || !arxivId || !title) return null;
  const names: string[] = [];
  if (Array.isArray(paper.authors)) {
    for (const author of paper.authors) {
      const person = asObject(author);
      const name = person && person.hidden !== true ? asText(person.name) : null;
      if (name) names.push(name);
    }
  }
  const organization = asObject(paper.organization);
  const upvotes = typeof paper.upvotes === 'number' && Number.isInteger(paper.upvotes) && paper.upvotes >= 0 ? paper.upvotes : 0;
  return {
    paper: {
      title,
      abstract: asText(paper.summary) ?? '',
      authors: Array.isArray(paper.authors) ? paper.authors.length : null,
      authorNames: names.length > 0 ? names : null,
      organization: asText(organization?.fullname) ?? asText(organization?.name),
      published: asTimestamp(paper.publishedAt),
      upvotes,
      arxivId,
      line: 1,
    },
    featured: asTimestamp(paper.submittedOnDailyAt),
  };
}

function readProps(doc: Document): Json | null {
  const raw = doc.querySelector(HF_DAILY_PROPS)?.getAttribute('data-props');
  if (!raw) return null;
  try {
    return asObject(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** The visible cards: arXiv id from the title link, title, upvotes. */
function readCards(doc: Document): ParsedPaper[] {
  const papers: ParsedPaper[] = [];
  for (const link of queryFirstMatching(doc, HF_CARD_TITLE_LINK)) {
    const href = link.getAttribute('href') ?? '';
    const arxivId = normalizeArxivId(decodePathPart(href.slice('/papers/'.length).replace(/[?#].*$/, '')));
    const title = readText(link);
    if (!arxivId || !title) continue;
    const votes = Number(link.closest('article')?.querySelector(HF_CARD_UPVOTES)?.textContent?.trim());
    const upvotes = Number.isInteger(votes) && votes >= 0 ? votes : 0;
    papers.push({ title, abstract: '', authors: null, organization: null, published: null, upvotes, arxivId, line: 1 });
  }
  return papers;
}

/** The day an address shows: `/papers/date/2026-09-28` or `/papers?date=2026-09-28`. */
function dayOfAddress(url: URL | null): DigestDate | null {
  if (!url) return null;
  const raw = /^\/papers\/date\/(\d{4}-\d{2}-\d{2})\/?$/.exec(url.pathname)?.[1] ?? url.searchParams.get('date');
  const iso = raw ? isoDayOfTimestamp(raw) : null;
  return raw && iso ? { raw, iso } : null;
}

const NO_PAPERS = 'this Hugging Face papers page shows no papers (or its layout has changed): nothing to import';

/**
 * The page's digests; `url` is the live page's address (null for a saved file). Throws
 * DigestLineError when the page shows no papers or its data cannot be read: nothing of it is read.
 */
export function readHfDailyPage(doc: Document, url: URL | null): DigestContent[] {
  const props = readProps(doc);
  const list = props?.dailyPapers;
  if (!props || !Array.isArray(list)) {
    throw new DigestLineError(null, 'this Hugging Face papers page carries no paper data (its layout may have changed): nothing to import');
  }
  const fromProps = list.map(propsPaper);
  if (fromProps.some((p) => p === null)) {
    throw new DigestLineError(
      null,
      'a paper in this Hugging Face page lacks its id or title (the layout may have changed): nothing to import',
    );
  }
  const papers = fromProps as PagePaper[];
  const cards = readCards(doc);
  const propsIds = papers.map((p) => p.paper.arxivId).join(' ');
  if (cards.length > 0 && cards.map((c) => c.arxivId).join(' ') !== propsIds) {
    // Changed in place since it was rendered: the cards are the truth, the address gives the day.
    const day = dayOfAddress(url);
    if (!day)
      throw new DigestLineError(null, 'this Hugging Face page changed in place and its address names no day: reload it and capture again');
    return [{ format: 'hf-daily-page', digestDate: day, papers: cards }];
  }
  if (papers.length === 0) throw new DigestLineError(null, NO_PAPERS);
  const pageDay = props.periodType === 'day' || props.periodType === undefined ? asTimestamp(props.dateString) : null;
  const undated = papers.find((p) => !p.featured && !pageDay);
  if (undated) {
    throw new DigestLineError(
      null,
      `this Hugging Face page does not say which day "${undated.paper.title.slice(0, 60)}" was featured: nothing to import`,
    );
  }
  return byFeaturedDay(papers, (p) => {
    const featured = p.featured as DigestDate;
    // A day page names its day as the site writes it ("2026-09-28").
    return pageDay && (!p.featured || featured.iso === pageDay.iso) ? pageDay : featured;
  }).map((day) => ({ format: 'hf-daily-page', digestDate: day.date, papers: day.items.map((p) => p.paper) }));
}
