/**
 * `npm run bench:import`: how long the built extension takes to import a large corpus through the
 * real file input, against a floor: one Dexie bulkPut of the same paper records in the same
 * browser's service worker.
 *
 * The 38,246 papers of ../shared/datasets/arxiv-daily are written as Hugging Face Daily Papers
 * text digests (shared/docs/digest-format.md), about 300 papers a file, into a temp directory.
 * The last line of output is one JSON object: { papers, importMs, floorMs, ratio }.
 */
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SCHEMA_HISTORY } from '../lib/db/schema';
import { titleKey } from '../lib/identity/title-key';
import { launchExtension } from '../tests/browser/harness';
import { FLOOR_CHUNK, importThroughPopup, PAPERS_PER_FILE, readDataset, writeDatasetDigests } from './bench-support';

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

  const { dir, files } = writeDatasetDigests(papers);
  console.log(`wrote ${files.length} digest files to ${dir}`);

  const session = await launchExtension().catch((error) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  try {
    const { page, importMs } = await importThroughPopup(session, files);

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
    }, SCHEMA_HISTORY[5].papers);
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
