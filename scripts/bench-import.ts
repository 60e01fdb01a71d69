/**
 * `npm run bench:import`: how long the built extension takes to import a large corpus through the
 * real file input, against a floor: one Dexie bulkPut of the same paper records in the same
 * browser's service worker.
 *
 * The 38,246 papers of ../shared/datasets/arxiv-daily are written as Hugging Face Daily Papers
 * text digests (shared/docs/digest-format.md), about 300 papers a file, into a temp directory.
 * The last line of output is one JSON object: { papers, importMs, floorMs, ratio }.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SCHEMA_HISTORY } from '../lib/db/schema';
import { titleKey } from '../lib/identity/title-key';
import { launchExtension, SHARED_DIR } from '../tests/browser/harness';

const PAPERS_PER_FILE = 300;
const MAX_TITLE_LENGTH = 1000;
const HEADER = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers', 'byAK and the research community'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Records are sent to the service worker in pieces, so no single CDP message is tens of MB. */
const FLOOR_CHUNK = 2000;

interface DatasetPaper {
  id: string;
  title: string;
  abstract: string;
  first_seen: string;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function readDataset(): { papers: DatasetPaper[]; skipped: number } {
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

async function main() {
  const { papers, skipped } = readDataset();
  console.log(`dataset: ${papers.length} papers usable, ${skipped} skipped (empty or over-long title, or empty abstract)`);

  // The records the floor stores: one per title key, as the importer identifies papers.
  const addedAt = new Date().toISOString();
  const records = new Map<string, object>();
  for (const [i, paper] of papers.entries()) {
    const key = titleKey(paper.title);
    if (records.has(key)) continue;
    records.set(key, {
      id: `title:${key}`,
      title: paper.title,
      titleKey: key,
      arxivId: null,
      abstract: paper.abstract,
      authors: ((i % PAPERS_PER_FILE) % 11) + 1,
      organization: null,
      addedAt,
    });
  }
  console.log(`distinct title keys: ${records.size} (${papers.length - records.size} papers share a key with an earlier one)`);

  const dir = mkdtempSync(join(tmpdir(), 'digestlens-bench-'));
  const today = new Date();
  const files: string[] = [];
  for (let start = 0; start < papers.length; start += PAPERS_PER_FILE) {
    const index = files.length;
    const file = join(dir, `hf-daily-papers-${String(index).padStart(3, '0')}.txt`);
    writeFileSync(file, digestText(papers.slice(start, start + PAPERS_PER_FILE), index, today));
    files.push(file);
  }
  if (files.length > 365) throw new Error('more files than days in a year: the digest dates would repeat');
  console.log(`wrote ${files.length} digest files to ${dir}`);

  const session = await launchExtension().catch((error) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  try {
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

    const refused = await page
      .locator('[data-testid=import-result][data-ok=false]')
      .evaluateAll((lines) => lines.map((l) => l.textContent));
    if (refused.length > 0) throw new Error(`${refused.length} files were refused:\n${refused.slice(0, 5).join('\n')}`);
    // The count is a live query: give it a moment to catch up with the last transaction.
    let shown = '';
    for (let tries = 0; tries < 100; tries++) {
      shown = (await page.getByTestId('paper-count').textContent()) ?? '';
      if (shown === String(records.size)) break;
      await page.waitForTimeout(50);
    }
    const paperCount = Number(shown);
    console.log(
      `imported ${files.length} files in ${importMs.toFixed(0)} ms; the popup shows ${paperCount} papers (expected ${records.size})`,
    );
    if (paperCount !== records.size) console.warn(`WARNING: the popup shows ${paperCount} papers, not ${records.size}`);

    // The floor, in the same browser: Dexie's UMD build evaluated in the service worker (CDP
    // evaluation is not subject to the extension's CSP), then one bulkPut of the same records.
    const worker = session.worker;
    const require = createRequire(import.meta.url);
    const dexieSource = readFileSync(require.resolve('dexie/dist/dexie.js'), 'utf8');
    await worker.evaluate(`${dexieSource}\n;undefined`);
    const dexieVersion = await worker.evaluate('typeof Dexie === "function" ? Dexie.semVer : null');
    if (!dexieVersion) throw new Error('Dexie did not load in the service worker');

    await worker.evaluate(() => {
      (globalThis as { __benchRecords?: unknown[] }).__benchRecords = [];
    });
    const all = [...records.values()];
    for (let i = 0; i < all.length; i += FLOOR_CHUNK) {
      await worker.evaluate(
        (chunk) => {
          (globalThis as unknown as { __benchRecords: unknown[] }).__benchRecords.push(...chunk);
        },
        all.slice(i, i + FLOOR_CHUNK),
      );
    }
    const floor = await worker.evaluate(async (papersSchema) => {
      const g = globalThis as unknown as {
        __benchRecords: unknown[];
        Dexie: new (
          name: string,
        ) => {
          version(n: number): { stores(s: object): void };
          open(): Promise<unknown>;
          table(name: string): { bulkPut(r: unknown[]): Promise<unknown>; count(): Promise<number> };
          close(): void;
        };
      };
      const db = new g.Dexie('bench-floor');
      db.version(1).stores({ papers: papersSchema });
      await db.open();
      const t0 = performance.now();
      await db.table('papers').bulkPut(g.__benchRecords);
      const ms = performance.now() - t0;
      const count = await db.table('papers').count();
      db.close();
      g.__benchRecords = [];
      return { ms, count };
    }, SCHEMA_HISTORY[1].papers);
    console.log(`floor: Dexie ${dexieVersion} bulkPut of ${floor.count} records in the service worker: ${floor.ms.toFixed(0)} ms`);

    const result = {
      papers: paperCount,
      importMs: Math.round(importMs),
      floorMs: Math.round(floor.ms),
      ratio: Number((importMs / floor.ms).toFixed(2)),
    };
    console.log(JSON.stringify(result));
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
