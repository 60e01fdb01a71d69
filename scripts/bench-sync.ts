/**
 * `npm run bench:sync`: how long a fresh profile takes to pull a lab corpus through the sync
 * runner, against a floor: plain PouchDB replication of the same database into an empty memory
 * database, in the same run, against the same local test server (pouchdb-server, in memory).
 *
 * The corpus is the 38,246 papers of ../shared/datasets/arxiv-daily as paper documents, plus one
 * digest document per day they were first seen, entries embedded (lib/sync/documents.ts). The
 * runner's time includes everything a profile does: asking the server, replicating with
 * `batch_size` 500, reading the mirror's changes, validating every document and handing the rows
 * to the local side (the in-memory fake the unit tests use). Both pull the same batch size.
 * The last line of output is one JSON object: { docs, syncMs, floorMs, ratio }.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { titleKey } from '../lib/identity/title-key';
import type { DigestRow, PaperRow } from '../lib/sync/local-rows';
import { digestDoc, paperDoc } from '../lib/sync/mapping';
import { openMirror, openRemote, PouchDB } from '../lib/sync/pouch';
import { BATCH_SIZE } from '../lib/sync/replicate';
import { connectUser, createDevice } from '../tests/support/sync-devices';
import { startSyncServer } from '../tests/support/sync-server';

const DATASET = resolve(import.meta.dirname, '../../shared/datasets/arxiv-daily');
const UPLOAD_CHUNK = 2000;

interface DatasetPaper {
  id: string;
  title: string;
  abstract: string;
  first_seen: string;
}

function readCorpus(): { papers: PaperRow[]; digests: DigestRow[] } {
  const rows: DatasetPaper[] = readdirSync(DATASET)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(DATASET, f), 'utf8').split('\n'))
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as DatasetPaper);
  const papers = rows.map(
    (p): PaperRow => ({
      id: `arxiv:${p.id}`,
      title: p.title.replace(/\s+/g, ' ').trim(),
      titleKey: titleKey(p.title),
      arxivId: p.id,
      abstract: p.abstract.replace(/\s+/g, ' ').trim(),
      authors: null,
      organization: null,
      addedAt: `${p.first_seen}T00:00:00.000Z`,
    }),
  );
  const byDay = new Map<string, DatasetPaper[]>();
  for (const p of rows) {
    const day = byDay.get(p.first_seen);
    if (day) day.push(p);
    else byDay.set(p.first_seen, [p]);
  }
  const digests = [...byDay].map(
    ([day, dayPapers]): DigestRow => ({
      id: `arxiv-daily-${day}`,
      fileName: `arxiv-daily-${day}.jsonl`,
      format: 'arxiv-atom',
      dateRaw: day,
      date: day,
      paperCount: dayPapers.length,
      importedAt: `${day}T12:00:00.000Z`,
      entries: dayPapers.map((p, position) => ({ paperId: `arxiv:${p.id}`, position, upvotes: 0, publishedRaw: null, published: null })),
    }),
  );
  return { papers, digests };
}

async function main() {
  const { papers, digests } = readCorpus();
  const docs = [...papers.map(paperDoc), ...digests.map(digestDoc)];
  console.log(`corpus: ${papers.length} papers, ${digests.length} digests, ${docs.length} documents`);

  const server = await startSyncServer();
  try {
    const connection = await connectUser(server, 'bench', true);
    const fetchAsMember = (url: string | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Basic ${Buffer.from(`${connection.user}:${connection.password}`).toString('base64')}`);
      return fetch(url, { ...init, headers });
    };
    const labUrl = `${server.origin}/${connection.labDatabase}`;
    const upload = performance.now();
    for (let i = 0; i < docs.length; i += UPLOAD_CHUNK) {
      const response = await fetchAsMember(`${labUrl}/_bulk_docs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ docs: docs.slice(i, i + UPLOAD_CHUNK) }),
      });
      if (response.status !== 201) throw new Error(`upload: HTTP ${response.status} ${await response.text()}`);
    }
    console.log(`uploaded in ${Math.round(performance.now() - upload)} ms`);

    // The floor: PouchDB alone, the same database into an empty memory database.
    const floorStart = performance.now();
    const floorTarget = openMirror(`bench-floor-${Date.now()}`, 'memory');
    const floor = await PouchDB.replicate(openRemote(labUrl, fetchAsMember), floorTarget, { batch_size: BATCH_SIZE });
    const floorMs = performance.now() - floorStart;
    if (floor.docs_written !== docs.length) throw new Error(`floor wrote ${floor.docs_written} of ${docs.length}`);
    console.log(`floor: ${Math.round(floorMs)} ms`);

    // The runner, into a fresh profile.
    const device = createDevice(() => connection);
    const syncStart = performance.now();
    const reports = await device.runner.runSync();
    const syncMs = performance.now() - syncStart;
    const lab = reports.find((r) => r.database === 'lab');
    if (lab?.pulled !== docs.length || lab.applied !== docs.length || device.local.papers.size !== papers.length) {
      throw new Error(`the runner moved ${JSON.stringify(lab)} and holds ${device.local.papers.size} papers`);
    }
    console.log(`sync: ${Math.round(syncMs)} ms`);
    console.log(
      JSON.stringify({
        docs: docs.length,
        syncMs: Math.round(syncMs),
        floorMs: Math.round(floorMs),
        ratio: Number((syncMs / floorMs).toFixed(2)),
      }),
    );
  } finally {
    await server.stop();
  }
}

await main();
