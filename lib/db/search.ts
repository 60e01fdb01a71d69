import type { Paper } from './entities';
import type { DigestLensDB } from './schema';

export interface SearchResult {
  papers: Paper[];
  /** How many papers matched, of which `papers` holds the best `limit`. */
  total: number;
}

/** Lowercase words of letters and digits, accents stripped, as the search compares them. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function fold(text: string): string {
  return searchWords(text).join(' ');
}

/**
 * Papers whose title or abstract contains every word of the query (as a word prefix), papers
 * with more of the words in the title first. A linear scan: fast enough for a personal corpus
 * of tens of thousands of papers, and nothing to keep up to date.
 */
export async function searchPapers(db: DigestLensDB, query: string, limit = 50): Promise<SearchResult> {
  const words = searchWords(query);
  if (words.length === 0) return { papers: [], total: 0 };
  const matches: Array<{ paper: Paper; titleHits: number }> = [];
  await db.papers.each((paper) => {
    const title = ` ${fold(paper.title)}`;
    const text = `${title} ${fold(paper.abstract)}`;
    if (!words.every((w) => text.includes(` ${w}`))) return;
    matches.push({ paper, titleHits: words.filter((w) => title.includes(` ${w}`)).length });
  });
  matches.sort((a, b) => b.titleHits - a.titleHits || a.paper.title.localeCompare(b.paper.title));
  return { papers: matches.slice(0, limit).map((m) => m.paper), total: matches.length };
}
