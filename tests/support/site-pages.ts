/**
 * The real saved arXiv and Hugging Face pages, served at their real URLs so the content scripts'
 * match patterns apply as in use (shared/fixtures/README.md), and read in Node with the same site
 * adapters to know what the pages show. Shared by the Chromium suite (tests/browser/site-pages.ts
 * serves them through Playwright) and the Firefox suite (tests/firefox/harness.ts through puppeteer).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { type FoundPaper, readPage } from '../../lib/sites';
import { DIGEST_FILES, digestPath, REPO_ROOT, SHARED } from './paths';

const PAGES = join(SHARED, 'fixtures/pages');

export const SITE_PAGES = {
  absNew: { url: 'https://arxiv.org/abs/2609.22268', file: join(PAGES, 'arxiv-abs/abs-2609.22268-2026-09-newheader.html') },
  absOld: { url: 'https://arxiv.org/abs/0704.0001', file: join(PAGES, 'arxiv-abs/arxiv-abs-0704.0001-2018-assets-rewritten.html') },
  listNew: {
    url: 'https://arxiv.org/list/cond-mat.mtrl-sci/new',
    file: join(PAGES, 'arxiv-listing/list-cond-mat.mtrl-sci-new-2026-09-22-newheader-EXCERPT.html'),
  },
  listLegacy: {
    url: 'https://arxiv.org/list/quant-ph/new',
    file: join(PAGES, 'arxiv-listing/list-quant-ph-new-2017-10-legacy-browser-save.html'),
  },
  search: {
    url: 'https://arxiv.org/search/?query=distributed+systems&searchtype=abstract&abstracts=show&order=-announced_date_first&size=200',
    file: join(PAGES, 'arxiv-search/search-abstract-distributed-systems-200-2025-12.html'),
  },
  html: { url: 'https://arxiv.org/html/2501.11120v1', file: join(PAGES, 'arxiv-html/arxiv-html-2501.11120v1.html') },
  hfDaily: { url: 'https://huggingface.co/papers', file: join(PAGES, 'hf-daily/huggingface-daily-papers-2026-09-28.html') },
  /** Hand-made (its first line says so): no real HF paper page was ever found saved. */
  hfPaper: { url: 'https://huggingface.co/papers/2608.09888', file: join(REPO_ROOT, 'tests/fixtures/hf-paper-2608.09888.html') },
} as const;

export type SitePage = (typeof SITE_PAGES)[keyof typeof SITE_PAGES];

export function pageHtml(page: SitePage): string {
  return readFileSync(page.file, 'utf8');
}

/** What the site adapters find on a saved page, read in Node exactly as the content script reads it. */
export function papersOn(page: SitePage): FoundPaper[] {
  const { document } = new JSDOM(pageHtml(page), { url: page.url }).window;
  return readPage(document, new URL(page.url))?.papers ?? [];
}

/** A digest in the Hugging Face Daily Papers text format, for papers chosen from the saved pages. */
export function digestText(date: string, papers: Array<{ title: string; abstract: string | null }>): string {
  const header = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers', 'byAK and the research community', date];
  const entries = papers.flatMap((p, i) => [
    p.title,
    p.abstract ?? 'No abstract was shown.',
    `  \u2022 ${i + 2} authors\n\u00b7\n${date} ${i + 1}`,
  ]);
  return [...header, ...entries].join('\n\n');
}

/**
 * The papers of a digest made from the saved pages, so that each page has digest papers on it:
 * the abstract page's paper (also entry 1 of the listing), NTBuilder from the listing, three of
 * the 200 search results (the third with one word less, as an earlier arXiv version might have
 * it, matched fuzzily), two papers of the Hugging Face daily page, and one paper under a made-up
 * title that shares the abstract of a search result (so that result is marked as related).
 */
export function fixtureDigestPapers() {
  const listed = papersOn(SITE_PAGES.listNew);
  const searched = papersOn(SITE_PAGES.search);
  const daily = papersOn(SITE_PAGES.hfDaily);
  const fuzzy = searched[99];
  return {
    absPaper: papersOn(SITE_PAGES.absNew)[0],
    listed,
    searched,
    daily,
    searchedFuzzy: fuzzy,
    papers: [
      papersOn(SITE_PAGES.absNew)[0],
      listed[2],
      searched[0],
      searched[49],
      fuzzy && { ...fuzzy, title: fuzzy.title.replace(' and Navigate', ' Navigate') },
      daily[0],
      daily[2],
      // Not on any page under this title, but with the abstract of search result 121: that result
      // is not a digest paper, yet so close to one that it gets the "related" marker.
      { title: 'Recursive Comprehension Frameworks for Teaching Languages, Revisited', abstract: searched[120]?.abstract },
    ].map((p) => ({ title: p?.title ?? '', abstract: p?.abstract ?? null })),
  };
}

/** Papers in the database after importing `fixtureDigestFiles()`: 117 from the samples, 8 made here. */
export const FIXTURE_PAPER_COUNT = 125;

/** The three sample digests and the digest of fixture papers (written to a temporary folder), as files to import. */
export function fixtureDigestFiles(): string[] {
  const made = join(mkdtempSync(join(tmpdir(), 'digestlens-pages-')), 'digest-of-fixture-papers.txt');
  writeFileSync(made, digestText('Nov 21', fixtureDigestPapers().papers));
  return [DIGEST_FILES.sep01, DIGEST_FILES.jun05, DIGEST_FILES.nov19].map(digestPath).concat(made);
}
