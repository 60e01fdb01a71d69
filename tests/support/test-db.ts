import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { corpusRevision, DigestLensDB, paperCount } from '@/lib/db';

let counter = 0;

/** A fresh database per test: its own fake IndexedDB, since Dexie captures the global early. */
export function makeTestDb(): DigestLensDB {
  counter++;
  return new DigestLensDB(`digestlens-test-${counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** How many digest entries are stored, over every digest's listing. */
export async function countEntries(db: DigestLensDB): Promise<number> {
  let count = 0;
  await db.listings.each((listing) => {
    count += listing.entries.length;
  });
  return count;
}

/** What an import changes, counted: rows stored, and the counters it keeps (to compare before and after). */
export async function corpusSnapshot(db: DigestLensDB) {
  return {
    papers: await db.papers.count(),
    digests: await db.digests.count(),
    entries: await countEntries(db),
    paperCount: await paperCount(db),
    revision: await corpusRevision(db),
  };
}

/** For a test file that opens several databases per test: each call gives a fresh one, all closed after each test. */
export function testDbsForThisFile(): () => DigestLensDB {
  const opened: DigestLensDB[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });
  return () => {
    const db = makeTestDb();
    opened.push(db);
    return db;
  };
}
