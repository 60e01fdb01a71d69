/**
 * The background's watches (lib/db/watch-tables.ts): read again after a write to their tables,
 * from any context, and not after writes elsewhere (an import writes none of the queue's tables).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addToQueue, type DigestLensDB, setRead, watchUnreadCount } from '@/lib/db';
import { importFileText } from '@/lib/import/import-file';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { makeTestDb } from '../../support/test-db';

let db: DigestLensDB;
beforeEach(() => {
  db = makeTestDb();
});
afterEach(() => db.close());

describe('watching tables', () => {
  it('reads the unread count at once and after each queue write, never after an import, and stops when told', async () => {
    // Opened first: opening a new database tells every watch that all its tables changed.
    await db.open();
    const counts: number[] = [];
    const stop = watchUnreadCount(db, (count) => counts.push(count));
    await expect.poll(() => counts).toEqual([0]);

    const imported = await importFileText(db, DIGEST_FILES.sep01, readDigest(DIGEST_FILES.sep01));
    expect(imported.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counts).toEqual([0]);

    const [paper] = await db.papers.toArray();
    if (!paper) throw new Error('the import stored no paper');
    await addToQueue(db, paper.id, 'digest');
    await expect.poll(() => counts).toEqual([0, 1]);

    await setRead(db, paper.id, true);
    await expect.poll(() => counts).toEqual([0, 1, 0]);

    stop();
    await setRead(db, paper.id, false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counts).toEqual([0, 1, 0]);
  });
});
