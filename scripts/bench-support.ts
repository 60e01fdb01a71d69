/**
 * What the benchmarks share: the 38,246 papers of ../shared/datasets/arxiv-daily written as
 * Hugging Face Daily Papers text digests (shared/docs/digest-format.md), about 300 papers a file,
 * and their import through the popup's real file input.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { type ExtensionSession, SHARED_DIR } from '../tests/browser/harness';

export const PAPERS_PER_FILE = 300;
const MAX_TITLE_LENGTH = 1000;
const HEADER = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers', 'byAK and the research community'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Records are sent to the service worker in pieces, so no single CDP message is tens of MB. */
export const FLOOR_CHUNK = 2000;

export interface DatasetPaper {
  id: string;
  title: string;
  abstract: string;
  first_seen: string;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

export function readDataset(): { papers: DatasetPaper[]; skipped: number } {
  const dir = join(SHARED_DIR, 'datasets/arxiv-daily');
  const papers: DatasetPaper[] = [];
  let skipped = 0;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const raw = JSON.parse(line) as DatasetPaper;
      const title = collapse(raw.title ?? '');
      const abstract = collapse(raw.abstract ?? '');
      // The importer refuses a file with an empty or over-long title, so such papers are left out.
      if (!title || title.length > MAX_TITLE_LENGTH || !abstract) {
        skipped++;
        continue;
      }
      papers.push({ id: raw.id, title, abstract, first_seen: raw.first_seen });
    }
  }
  return { papers, skipped };
}

/** "Sep 1" for the page date; the year is added when it is not the digest's ("Apr 29, 2025"). */
function monthDay(date: Date, withYear: boolean): string {
  const text = `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
  return withYear ? `${text}, ${date.getUTCFullYear()}` : text;
}

/**
 * One digest file's text. File `index` is dated `index + 1` days before today, so every file has
 * its own date (and, holding other papers, its own text and content id).
 */
function digestText(papers: DatasetPaper[], index: number, today: Date): string {
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (index + 1)));
  const blocks = [...HEADER, monthDay(day, false)];
  papers.forEach((paper, i) => {
    const seen = new Date(`${paper.first_seen}T00:00:00Z`);
    const published = Number.isNaN(seen.getTime()) ? day : seen;
    const withYear = published.getUTCFullYear() !== day.getUTCFullYear() || published > day;
    const upvotes = i % 5 === 0 ? ` ${(i % 23) + 1}` : '';
    blocks.push(paper.title, paper.abstract, `  \u2022 ${(i % 11) + 1} authors\n\u00b7\n${monthDay(published, withYear)}${upvotes}`);
  });
  return `${blocks.join('\n\n')}\n`;
}

/** Writes the papers as digest files into a new temp directory; returns their paths in order. */
export function writeDatasetDigests(papers: DatasetPaper[], today = new Date()): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'digestlens-bench-'));
  const files: string[] = [];
  for (let start = 0; start < papers.length; start += PAPERS_PER_FILE) {
    const index = files.length;
    const file = join(dir, `hf-daily-papers-${String(index).padStart(3, '0')}.txt`);
    writeFileSync(file, digestText(papers.slice(start, start + PAPERS_PER_FILE), index, today));
    files.push(file);
  }
  if (files.length > 365) throw new Error('more files than days in a year: the digest dates would repeat');
  return { dir, files };
}

/**
 * Imports files as a user does: every file at once on the popup's file input. Returns the open
 * popup page and the time from handing over the files to the last result shown.
 */
export async function importThroughPopup(session: ExtensionSession, files: string[]): Promise<{ page: Page; importMs: number }> {
  // The import, as a user does it: every file at once on the popup's file input.
  const page = await session.openPage('popup.html', { width: 460, height: 600 });
  await page.getByTestId('paper-count').waitFor();
  // The end is seen from inside the page by a MutationObserver: polling (say on every animation
  // frame) would take CPU from the popup it is measuring.
  // (No named functions inside: tsx would wrap them in a `__name` helper the page does not have.)
  const finished = page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        new MutationObserver((_, observer) => {
          const running = document.querySelector('[data-testid=import-progress]')?.getAttribute('data-running');
          if (running !== 'false' || document.querySelectorAll('[data-testid=import-result]').length !== count) return;
          observer.disconnect();
          resolve();
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
    files.length,
  );
  // Awaited below; this only keeps a failure during setInputFiles from being an unhandled rejection.
  finished.catch(() => undefined);
  const started = performance.now();
  await page.setInputFiles('[data-testid=file-input]', files);
  await finished;
  const importMs = performance.now() - started;

  return { page, importMs };
}
