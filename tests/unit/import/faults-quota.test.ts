/**
 * Fault: the browser's storage quota runs out in the middle of importing a file. The file's
 * transaction is all or nothing, so the outcome says the storage is full and nothing of the file
 * (papers, entries, digest, paper count, corpus revision) is left behind.
 */
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigestLensDB } from '@/lib/db';
import { isQuotaError } from '@/lib/db/disk-full';
import { importFileText } from '@/lib/import/import-file';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { corpusSnapshot, makeTestDb } from '../../support/test-db';

const NOW = new Date('2026-11-22T12:00:00Z');
const FULL =
  /^hf-daily-papers-nov-19\.txt: the disk is full \(the browser's storage for DigestLens\); nothing of this file was imported\. Free space or export a backup and remove digests$/;
let db: DigestLensDB;

beforeEach(() => {
  db = makeTestDb();
});
afterEach(() => db.close());

const snapshot = () => corpusSnapshot(db);

async function importOk(name: string) {
  const outcome = await importFileText(db, name, readDigest(name), NOW);
  if (!outcome.ok) throw new Error(outcome.error);
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('storage quota exhausted during an import', () => {
  it('reports a full storage and keeps nothing when a paper write fails part-way (Dexie hook)', async () => {
    await importOk(DIGEST_FILES.sep01);
    const before = await snapshot();
    let writes = 0;
    db.papers.hook('creating', () => {
      writes++;
      if (writes === 30) throw quota();
    });
    const outcome = await importFileText(db, DIGEST_FILES.nov19, readDigest(DIGEST_FILES.nov19), NOW);
    expect(writes).toBeGreaterThanOrEqual(30);
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(FULL) });
    expect(await snapshot()).toEqual(before);
    expect(before).toEqual({ papers: 29, digests: 1, entries: 29, paperCount: 29, revision: 1 });
  });

  it('reports a full storage and keeps nothing when the write of the digest’s entries fails (Dexie hook)', async () => {
    await importOk(DIGEST_FILES.sep01);
    const before = await snapshot();
    // The entries are one listing row, written after the papers.
    db.listings.hook('creating', () => {
      throw quota();
    });
    const outcome = await importFileText(db, DIGEST_FILES.nov19, readDigest(DIGEST_FILES.nov19), NOW);
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(FULL) });
    expect(await snapshot()).toEqual(before);
  });

  describe('when IndexedDB itself refuses a write', () => {
    const realAdd = IDBObjectStore.prototype.add;
    const realPut = IDBObjectStore.prototype.put;
    afterEach(() => {
      IDBObjectStore.prototype.add = realAdd;
      IDBObjectStore.prototype.put = realPut;
    });

    /** Every store write after the first `allowed` throws QuotaExceededError, as a full disk would. */
    function fillStorageAfter(allowed: number) {
      let writes = 0;
      const guard = <F extends (...args: never[]) => unknown>(real: F) =>
        function (this: IDBObjectStore, ...args: Parameters<F>) {
          writes++;
          if (writes > allowed) throw quota();
          return real.apply(this, args);
        };
      IDBObjectStore.prototype.add = guard(realAdd) as typeof realAdd;
      IDBObjectStore.prototype.put = guard(realPut) as typeof realPut;
      return () => writes;
    }

    it('reports a full storage, keeps nothing, and the same file imports fully once space is back', async () => {
      await importOk(DIGEST_FILES.sep01);
      await importOk(DIGEST_FILES.jun05);
      const before = await snapshot();
      expect(before).toMatchObject({ papers: 57, digests: 2, entries: 63 });

      const writes = fillStorageAfter(45);
      const outcome = await importFileText(db, DIGEST_FILES.nov19, readDigest(DIGEST_FILES.nov19), NOW);
      expect(writes()).toBeGreaterThan(45);
      expect(outcome).toEqual({ ok: false, error: expect.stringMatching(FULL) });
      expect(await snapshot()).toEqual(before);

      // Space freed: the retry stores the whole file, once.
      IDBObjectStore.prototype.add = realAdd;
      IDBObjectStore.prototype.put = realPut;
      const retry = await importFileText(db, DIGEST_FILES.nov19, readDigest(DIGEST_FILES.nov19), NOW);
      expect(retry).toMatchObject({ ok: true, value: [{ status: 'imported', newPapers: 60, entries: 66 }] });
      expect(await snapshot()).toEqual({ papers: 117, digests: 3, entries: 129, paperCount: 117, revision: 3 });
    });
  });

  it('keeps the generic message for other storage failures', async () => {
    db.listings.hook('creating', () => {
      throw new DOMException('disk went away', 'UnknownError');
    });
    const outcome = await importFileText(db, DIGEST_FILES.sep01, readDigest(DIGEST_FILES.sep01), NOW);
    expect(outcome).toEqual({
      ok: false,
      error: expect.stringMatching(/^hf-daily-papers-sep-01\.txt: could not be stored, nothing was imported \(.*disk went away/),
    });
    expect(await snapshot()).toMatchObject({ papers: 0, digests: 0, entries: 0 });
  });

  it('recognises the quota error however Dexie wraps it', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota() })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota()] })).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
