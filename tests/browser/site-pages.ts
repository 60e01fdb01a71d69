/**
 * The real saved arXiv and Hugging Face pages, served at their real URLs so the content scripts'
 * match patterns apply as in use (shared/fixtures/README.md), and read in Node with the same site
 * adapters to know what the pages show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { type FoundPaper, readPage } from '../../lib/sites';
import { type ExtensionSession, REPO_ROOT, SHARED_DIR } from './harness';

const PAGES = join(SHARED_DIR, 'fixtures/pages');

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

/** Serves the saved page at its real URL (later routes win over the harness's catch-all 404). */
export async function openSitePage(session: ExtensionSession, page: SitePage, html = pageHtml(page)): Promise<Page> {
  const tab = await session.context.newPage();
  await tab.setViewportSize({ width: 1200, height: 900 });
  await tab.route(page.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
  return tab;
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
