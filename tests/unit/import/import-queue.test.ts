/**
 * The worker's import queue (import-queue.ts) groups files into few transactions: a small group
 * waits for the files still being parsed behind it, and a file with none behind it is stored at once.
 */
import { IDBDatabase } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigestLensDB } from '@/lib/db';
import { type PreparedFile, prepareFile } from '@/lib/import/import-file';
import { ImportQueue } from '@/lib/import/import-queue';
import type { FileOutcome } from '@/lib/messaging/protocol/page-to-background';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { makeTestDb } from '../../support/test-db';

const NOW = new Date('2026-11-22T12:00:00Z');
const realTransaction = IDBDatabase.prototype.transaction;
let db: DigestLensDB;
let writeTransactions = 0;

beforeEach(() => {
  db = makeTestDb();
  writeTransactions = 0;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof realTransaction>) {
    if (args[1] === 'readwrite') writeTransactions++;
    return realTransaction.apply(this, args);
  } as typeof realTransaction;
});
afterEach(() => {
  IDBDatabase.prototype.transaction = realTransaction;
  db.close();
});

/** A file whose parsing finishes when the test says so. */
function parsing(name: string) {
  let finish: () => void = () => {};
  const prepared = new Promise<PreparedFile>((resolve) => {
    finish = () => void prepareFile(name, readDigest(name), NOW).then(resolve);
  });
  return { prepared, finish };
}

const statuses = (outcomes: FileOutcome[]) => outcomes.map((o) => (o.ok ? o.value.map((r) => `${r.status} ${r.newPapers}`) : 'refused'));

describe('the import queue', () => {
  it('stores three small files parsed one after another in one transaction, waiting for those still parsing', async () => {
    // Opened first, so that opening the database is not counted.
    await db.open();
    const queue = new ImportQueue(db);
    const files = [DIGEST_FILES.sep01, DIGEST_FILES.jun05, DIGEST_FILES.nov19].map(parsing);
    const outcomes = Promise.all(files.map((f) => queue.add(f.prepared)));
    for (const file of files) {
      file.finish();
      // Time for the queue to store, if it were going to store a small group with files parsing behind it.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(statuses(await outcomes)).toEqual([['imported 29'], ['imported 28'], ['imported 60']]);
    expect(writeTransactions).toBe(1);
  });

  it('stores a file with nothing parsing behind it at once, however small', async () => {
    await db.open();
    const queue = new ImportQueue(db);
    const file = parsing(DIGEST_FILES.sep01);
    const outcome = queue.add(file.prepared);
    file.finish();
    expect(statuses([await outcome])).toEqual([['imported 29']]);
    expect(writeTransactions).toBe(1);
  });
});
