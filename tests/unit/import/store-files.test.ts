/**
 * Files parsed together are stored in one transaction (store-files.ts), with the outcomes they
 * would have had one transaction each: a file the database refuses changes nothing and the files
 * beside it are stored; a disk that fills up mid-way keeps the files that fit, each whole.
 */
import { IDBDatabase, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigestLensDB } from '@/lib/db';
import { prepareFile } from '@/lib/import/import-file';
import { type ParsedFile, storeFiles } from '@/lib/import/store-files';
import type { FileOutcome } from '@/lib/messaging/protocol/page-to-background';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { corpusSnapshot, makeTestDb } from '../../support/test-db';

const NOW = new Date('2026-11-22T12:00:00Z');
const FILES = [DIGEST_FILES.sep01, DIGEST_FILES.jun05, DIGEST_FILES.nov19];
let db: DigestLensDB;
const realAdd = IDBObjectStore.prototype.add;
const realPut = IDBObjectStore.prototype.put;
const realTransaction = IDBDatabase.prototype.transaction;

beforeEach(() => {
  db = makeTestDb();
});
afterEach(() => {
  IDBObjectStore.prototype.add = realAdd;
  IDBObjectStore.prototype.put = realPut;
  IDBDatabase.prototype.transaction = realTransaction;
  db.close();
});

async function parsed(name: string): Promise<ParsedFile> {
  const file = await prepareFile(name, readDigest(name), NOW);
  if (!file.ok) throw new Error(`${name} did not parse`);
  return file;
}

const snapshot = () => corpusSnapshot(db);

/** Each outcome as [status, new, known, entries] of its one digest, or 'failed'. */
const summary = (outcomes: FileOutcome[]) =>
  outcomes.map((o) => (o.ok ? o.value.map((r) => [r.status, r.newPapers, r.knownPapers, r.entries]) : 'failed'));

/** Counts the read-write transactions opened from now on. */
function countWriteTransactions(): () => number {
  let count = 0;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof realTransaction>) {
    if (args[1] === 'readwrite') count++;
    return realTransaction.apply(this, args);
  } as typeof realTransaction;
  return () => count;
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/**
 * A disk with room for `capacity` more rows: writes of a transaction that would go past what the
 * committed transactions left free throw QuotaExceededError, as IndexedDB does on a full disk.
 */
function diskWithRoomFor(capacity: number) {
  let committed = 0;
  const pending = new Map<IDBTransaction, number>();
  const guard = <F extends (...args: never[]) => unknown>(real: F) =>
    function (this: IDBObjectStore, ...args: Parameters<F>) {
      const tx = this.transaction;
      let written = pending.get(tx);
      if (written === undefined) {
        written = 0;
        tx.addEventListener('complete', () => {
          committed += pending.get(tx) ?? 0;
        });
      }
      if (committed + written + 1 > capacity) throw quota();
      pending.set(tx, written + 1);
      return real.apply(this, args);
    };
  IDBObjectStore.prototype.add = guard(realAdd) as typeof realAdd;
  IDBObjectStore.prototype.put = guard(realPut) as typeof realPut;
}

describe('files stored together', () => {
  it('stores them in one transaction, with the outcomes of one transaction each', async () => {
    const files = await Promise.all(FILES.map(parsed));
    const transactions = countWriteTransactions();
    const outcomes = await storeFiles(db, [...files, files[0] as ParsedFile]);
    expect(transactions()).toBe(1);
    expect(summary(outcomes)).toEqual([
      [['imported', 29, 0, 29]],
      [['imported', 28, 6, 34]],
      [['imported', 60, 6, 66]],
      [['already-imported', 0, 29, 0]],
    ]);
    expect(await snapshot()).toEqual({ papers: 117, digests: 3, entries: 129, paperCount: 117, revision: 3 });
  });

  it('a file the database refuses changes nothing, and the others are stored as if it were not there', async () => {
    const files = await Promise.all(FILES.map(parsed));
    const refused = files[1]?.digests[0]?.contentId;
    db.listings.hook('creating', (_key, listing) => {
      if (listing.digestId === refused) throw new DOMException('disk went away', 'UnknownError');
    });
    const outcomes = await storeFiles(db, files);
    expect(summary(outcomes)).toEqual([[['imported', 29, 0, 29]], 'failed', [['imported', 60, 6, 66]]]);
    expect(outcomes[1]).toEqual({
      ok: false,
      error: expect.stringMatching(/^hf-daily-papers-jun-05\.txt: could not be stored, nothing was imported \(.*disk went away/),
    });
    // sep01 and nov19 alone: nothing of jun05 (its 28 papers of its own, its entries, its digest).
    expect(await snapshot()).toEqual({ papers: 89, digests: 2, entries: 95, paperCount: 89, revision: 2 });
    expect(await db.digests.get(refused as string)).toBeUndefined();
  });

  it('a disk that fills up mid-way keeps the files that fit, each whole, and refuses the rest whole', async () => {
    const files = await Promise.all(FILES.map(parsed));
    // sep01 writes 33 rows (29 papers, listing, digest, paper count, revision), jun05 32 more,
    // nov19 64 more: room for 100 holds the first two and not the third.
    diskWithRoomFor(100);
    const outcomes = await storeFiles(db, files);
    expect(summary(outcomes)).toEqual([[['imported', 29, 0, 29]], [['imported', 28, 6, 34]], 'failed']);
    expect(outcomes[2]).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^hf-daily-papers-nov-19\.txt: the disk is full \(the browser's storage for DigestLens\); nothing of this file was imported/,
      ),
    });
    expect(await snapshot()).toEqual({ papers: 57, digests: 2, entries: 63, paperCount: 57, revision: 2 });
  });
});
