import type { Paper } from './entities';
import { paperAppearances } from './paper-history';
import type { DigestLensDB } from './schema';
import { searchWords } from './search';

/** The Library's filters; every one that is set must hold. */
export interface BrowseFilter {
  /** Words that must all start a word of the title, abstract or author names ('' for any paper). */
  query: string;
  /** Only papers this digest lists. */
  digestId: string | null;
  /** Only papers listed by a digest dated within these ISO days (inclusive; null for open). */
  from: string | null;
  to: string | null;
  /** Only papers in the queue, unread. */
  queued: boolean;
  /** Only papers with a note. */
  noted: boolean;
  /** Only papers marked read. */
  read: boolean;
}

export const NO_FILTER: BrowseFilter = { query: '', digestId: null, from: null, to: null, queued: false, noted: false, read: false };

/** Whether a filter narrows anything: with none, the Library lists no papers (it shows its digests). */
export function isFiltering(filter: BrowseFilter): boolean {
  return (
    searchWords(filter.query).length > 0 ||
    filter.digestId !== null ||
    filter.from !== null ||
    filter.to !== null ||
    filter.queued ||
    filter.noted ||
    filter.read
  );
}

/** One result: the paper, the dates of the digests that list it (newest first), and its queue and note state. */
export interface BrowseRow {
  paper: Paper;
  digestDates: string[];
  queued: boolean;
  read: boolean;
  noted: boolean;
}

export interface BrowseResult {
  rows: BrowseRow[];
  /** How many papers pass the filter, of which `rows` holds the first `limit`. */
  total: number;
}

/** The ids the digest and date filters allow, or null when neither is set. */
async function listedIn(db: DigestLensDB, filter: BrowseFilter): Promise<Set<string> | null> {
  if (filter.digestId === null && filter.from === null && filter.to === null) return null;
  const digests = await db.digests
    .filter(
      (d) =>
        (filter.digestId === null || d.id === filter.digestId) &&
        (filter.from === null || d.date >= filter.from) &&
        (filter.to === null || d.date <= filter.to),
    )
    .primaryKeys();
  const listings = await db.listings.bulkGet(digests as string[]);
  return new Set(listings.flatMap((l) => l?.paperIds ?? []));
}

/**
 * Papers that pass every filter. With words, papers with more of them in the title come first
 * (as searchPapers ranks); without, by title. A linear scan of the papers, like searchPapers:
 * fast enough for a personal corpus, and nothing to keep up to date.
 */
export async function browsePapers(db: DigestLensDB, filter: BrowseFilter, limit = 50): Promise<BrowseResult> {
  if (!isFiltering(filter)) return { rows: [], total: 0 };
  const words = searchWords(filter.query);
  const [allowed, queueItems, notes] = await Promise.all([listedIn(db, filter), db.queue.toArray(), db.notes.toArray()]);
  const queue = new Map(queueItems.map((i) => [i.paperId, i]));
  const noted = new Set(notes.filter((n) => n.text.trim() !== '').map((n) => n.paperId));

  const passesState = (id: string) => {
    const item = queue.get(id);
    return (
      (!filter.queued || (item !== undefined && item.readAt === null)) &&
      (!filter.read || (item !== undefined && item.readAt !== null)) &&
      (!filter.noted || noted.has(id))
    );
  };
  const matches: Array<{ paper: Paper; titleHits: number }> = [];
  const consider = (paper: Paper) => {
    if (allowed && !allowed.has(paper.id)) return;
    if (!passesState(paper.id)) return;
    if (words.length === 0) {
      matches.push({ paper, titleHits: 0 });
      return;
    }
    const title = ` ${searchWords(paper.title).join(' ')}`;
    const text = `${title} ${searchWords(`${paper.abstract} ${(paper.authorNames ?? []).join(' ')}`).join(' ')}`;
    if (!words.every((w) => text.includes(` ${w}`))) return;
    matches.push({ paper, titleHits: words.filter((w) => title.includes(` ${w}`)).length });
  };
  // A narrow filter reads only its papers; a search alone reads them all.
  const narrowest = allowed ?? (filter.queued || filter.read ? new Set(queue.keys()) : filter.noted ? noted : null);
  if (narrowest) {
    for (const paper of await db.papers.bulkGet([...narrowest])) if (paper) consider(paper);
  } else {
    await db.papers.each(consider);
  }
  matches.sort((a, b) => b.titleHits - a.titleHits || a.paper.title.localeCompare(b.paper.title));
  const shown = matches.slice(0, limit).map((m) => m.paper);
  const appearances = await paperAppearances(
    db,
    shown.map((p) => p.id),
  );
  const rows = shown.map((paper) => {
    const item = queue.get(paper.id);
    return {
      paper,
      digestDates: (appearances.get(paper.id) ?? []).map((a) => a.date).reverse(),
      queued: item !== undefined && item.readAt === null,
      read: item !== undefined && item.readAt !== null,
      noted: noted.has(paper.id),
    };
  });
  return { rows, total: matches.length };
}
