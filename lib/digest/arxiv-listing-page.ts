/**
 * An arXiv listing page as a digest: `/list/<cat>/new` (one day: "Showing new listings for Tuesday,
 * 22 September 2026"; legacy: "New submissions for Fri, 20 Oct 17"), `/recent` and `/pastweek` (one
 * heading per day: "Tue, 22 Sep 2026 (showing 45 of 45 entries)", one digest per day). Every entry
 * in page order with its section (new, cross-list, replacement). The entries are read by the site
 * adapter (lib/sites/arxiv.ts, selectors proven on the saved pages); this adds dates and sections.
 * Pure DOM, no zod: content scripts run it for the one-click capture.
 */
import { readListing } from '../sites/arxiv';
import type { FoundPaper } from '../sites/types';
import { parseMonthDay, resolveIsoDate } from './dates';
import { DigestLineError } from './errors';
import type { DigestContent, DigestDate, ListingSection, ParsedPaper } from './types';

/** "Tuesday, 22 September 2026", "Fri, 20 Oct 17", "Tue, 22 Sep 2026": day, month name, year. */
const DAY_IN_HEADING = /(?:[A-Za-z]+,\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4}|\d{2})\b/;

/** The text of a `dt` says what a replaced or cross-listed entry is: "(replaced)", "(cross-list from hep-th)". */
function sectionOfEntry(dt: Element | null, heading: string): ListingSection {
  const marker = dt?.textContent ?? '';
  if (/\(replaced\)/i.test(marker)) return 'replacement';
  if (/\(cross-list/i.test(marker)) return 'cross-list';
  if (/^\s*replace/i.test(heading)) return 'replacement';
  if (/^\s*cross/i.test(heading)) return 'cross-list';
  return 'new';
}

/** A heading's day, or null: two-digit years are arXiv's (1991 on). */
function dayOfHeading(text: string): DigestDate | null {
  const match = DAY_IN_HEADING.exec(text);
  if (!match) return null;
  const [, day = '', month = '', year = ''] = match;
  const fullYear = year.length === 2 ? String(Number(year) >= 90 ? 1900 + Number(year) : 2000 + Number(year)) : year;
  const date = parseMonthDay(month, day, fullYear);
  return date ? { raw: match[0].trim(), iso: resolveIsoDate(date, '9999-12-31') } : null;
}

/** The heading of an entry's section: an `h3` inside its `dl` (2026 layout) or just before it (legacy). */
function sectionHeading(dt: Element | null): string {
  const dl = dt?.parentElement;
  const inside = dl?.querySelector(':scope > h3');
  if (inside) return inside.textContent ?? '';
  let before = dl?.previousElementSibling ?? null;
  while (before && before.localName !== 'h3' && before.localName !== 'dl') before = before.previousElementSibling;
  return before?.localName === 'h3' ? (before.textContent ?? '') : '';
}

/** The one day a `/new` page announces, from its heading (2026) or its dateline (legacy), else null. */
function announcedDay(doc: Document): DigestDate | null {
  for (const h3 of doc.querySelectorAll('h3')) {
    const text = h3.textContent ?? '';
    if (/showing new listings for|new submissions for/i.test(text)) return dayOfHeading(text);
  }
  const dateline = doc.querySelector('.list-dateline')?.textContent ?? '';
  const announced = /announced\s+(.*)$/i.exec(dateline.trim());
  return announced?.[1] ? dayOfHeading(announced[1]) : null;
}

function toPaper(found: FoundPaper, section: ListingSection): ParsedPaper {
  return {
    title: found.title,
    abstract: found.abstract ?? '',
    authors: found.authors ? found.authors.length : null,
    authorNames: found.authors,
    organization: null,
    published: null,
    upvotes: 0,
    arxivId: found.arxivId,
    line: 1,
    section,
  };
}

/**
 * The listing's digests: one for a `/new` page, one per day heading on `/recent` and `/pastweek`.
 * Throws DigestLineError when the page lists no entries or carries no date: nothing of it is read.
 */
export function readArxivListingPage(doc: Document): DigestContent[] {
  const entries = readListing(doc);
  if (entries.length === 0) {
    throw new DigestLineError(null, 'this arXiv listing shows no papers (or its layout has changed): nothing to import');
  }
  const announced = announcedDay(doc);
  const days = new Map<string, DigestContent>();
  for (const found of entries) {
    const dt = found.anchor.closest('dd')?.previousElementSibling ?? null;
    const heading = sectionHeading(dt?.localName === 'dt' ? dt : null);
    const date = announced ?? dayOfHeading(heading);
    if (!date) {
      throw new DigestLineError(
        null,
        `this arXiv listing carries no date for "${found.title.slice(0, 60)}" (its layout may have changed): nothing to import`,
      );
    }
    const paper = toPaper(found, sectionOfEntry(dt, heading));
    const day = days.get(date.iso);
    if (day) day.papers.push(paper);
    else days.set(date.iso, { format: 'arxiv-listing-page', digestDate: date, papers: [paper] });
  }
  return [...days.values()];
}
