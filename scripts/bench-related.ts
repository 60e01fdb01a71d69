/**
 * `npx tsx scripts/bench-related.ts`: the related-papers index (lib/related) on the 38,246-paper arXiv
 * dataset: build, 200 queries (p50/p95), snapshot size, structured clone, fromSnapshot and its first
 * query. Times are wall clock and, beside them, this process's CPU time (on a busy machine the two part).
 */
import { RelatedIndex, type RelatedSnapshot } from '../lib/related';
import { mulberry32 } from '../tests/support/random';
import { loadPapers, type Paper, percentile, sample } from './eval-related';

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function timed<T>(run: () => T): { value: T; wall: number; cpu: number } {
  const cpu = cpuMs();
  const wall = performance.now();
  const value = run();
  return { value, wall: performance.now() - wall, cpu: cpuMs() - cpu };
}

function snapshotBytes(s: RelatedSnapshot): number {
  let bytes = s.titleLengths.byteLength + s.abstractLengths.byteLength + s.df.byteLength + s.postings.byteLength;
  bytes += s.terms.length; // ASCII stems, one byte each as UTF-8
  for (const id of s.ids) bytes += id.length + 1;
  return bytes;
}

const papers = loadPapers();
const fmt = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(0)} ms (cpu ${t.cpu.toFixed(0)} ms)`;

const build = timed(() => RelatedIndex.build(papers));
const index = build.value;
console.log(`build ${papers.length} papers: ${fmt(build)}`);

const queries = sample(mulberry32(2026), papers.length, 200).map((i) => papers[i] as Paper);
index.query(queries[0] as Paper, { k: 10 }); // warm-up
const walls: number[] = [];
const cpus: number[] = [];
for (const q of queries) {
  const t = timed(() => index.query({ title: q.title, abstract: q.abstract }, { k: 10, excludeIds: [q.id] }));
  walls.push(t.wall);
  cpus.push(t.cpu);
}
const ms = (x: number) => x.toFixed(1);
console.log(
  `query (200, k=10): p50 ${ms(percentile(walls, 50))} ms, p95 ${ms(percentile(walls, 95))} ms, max ${ms(percentile(walls, 100))} ms; cpu p50 ${ms(percentile(cpus, 50))} ms, p95 ${ms(percentile(cpus, 95))} ms`,
);

const snap = timed(() => index.toSnapshot());
const snapshot = snap.value;
console.log(
  `toSnapshot: ${fmt(snap)}; ${(snapshotBytes(snapshot) / 1e6).toFixed(2)} MB (${snapshot.df.length} terms, postings ${(snapshot.postings.byteLength / 1e6).toFixed(2)} MB)`,
);
const cloned = timed(() => structuredClone(snapshot));
console.log(`structuredClone: ${fmt(cloned)}`);
const load = timed(() => RelatedIndex.fromSnapshot(cloned.value));
const q = queries[1] as Paper;
const first = timed(() => load.value.query({ title: q.title, abstract: q.abstract }, { k: 10, excludeIds: [q.id] }));
console.log(`fromSnapshot: ${fmt(load)}; first query ${fmt(first)}; together ${(load.wall + first.wall).toFixed(0)} ms`);

const extra = sample(mulberry32(7), papers.length, 50).map((i) => {
  const p = papers[i] as Paper;
  return { id: `${p.id}-copy`, title: p.title, abstract: p.abstract };
});
const added = timed(() => load.value.add(extra));
const removed = timed(() => load.value.remove(extra.map((d) => d.id)));
console.log(`on ${load.value.size} papers: add 50 ${fmt(added)}, remove 50 ${fmt(removed)}`);

const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  gc();
  const before = process.memoryUsage();
  const held = RelatedIndex.fromSnapshot(snapshot);
  held.query(q, { k: 10 });
  gc();
  const after = process.memoryUsage();
  const mb = (x: number) => (x / 1e6).toFixed(1);
  console.log(
    `memory of a loaded index: heap ${mb(after.heapUsed - before.heapUsed)} MB + array buffers ${mb(after.arrayBuffers - before.arrayBuffers)} MB`,
  );
}
