/**
 * The import port of the background worker: files sent at once are stored in the order sent,
 * each seeing what the files before it stored, whatever order their parsing and hashing finish in
 * (those parsed while others are stored are stored together, in one transaction: import-queue.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, browser } from 'wxt/browser';
import { corpusRevision, type DigestLensDB, paperCount } from '@/lib/db';
import { serveImports } from '@/lib/import/background-port';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { countEntries, makeTestDb } from '../../support/test-db';

const EXTENSION = 'chrome-extension://digestlens-test';
let db: DigestLensDB;
beforeEach(() => {
  db = makeTestDb();
});
afterEach(() => db.close());

/** Serves imports on a fake runtime; returns a function that sends raw port messages and collects the answers. */
function importPort(onIdle: () => void) {
  const listeners: Array<(port: Browser.runtime.Port) => void> = [];
  const runtime = {
    id: 'digestlens-test',
    getURL: (path: string) => `${EXTENSION}${path}`,
    onConnect: { addListener: (l: never) => listeners.push(l) },
  };
  serveImports(runtime as unknown as typeof browser.runtime, db, onIdle);
  const answers: Array<{ id: number; answer: { ok: boolean; value?: unknown; error?: string } }> = [];
  const onMessage: Array<(message: unknown) => void> = [];
  const port = {
    name: 'digestlens:import',
    sender: { id: 'digestlens-test', url: `${EXTENSION}/popup.html` },
    onMessage: { addListener: (l: (message: unknown) => void) => onMessage.push(l) },
    onDisconnect: { addListener: () => {} },
    postMessage: (message: (typeof answers)[number]) => answers.push(structuredClone(message)),
  };
  for (const listener of listeners) listener(port as unknown as Browser.runtime.Port);
  return {
    answers,
    send: (id: number, name: string, text: string) => {
      for (const listener of onMessage) listener({ id, request: { type: 'import-file', name, text } });
    },
  };
}

describe('the import port', () => {
  it('stores files sent at once in the order sent, each seeing the ones before it, and is idle once all are answered', async () => {
    let idle = 0;
    const { answers, send } = importPort(() => idle++);
    // jun05 shares 6 papers with sep01; the second sep01 is the same digest; a refused file in between.
    send(1, DIGEST_FILES.sep01, readDigest(DIGEST_FILES.sep01));
    send(2, 'notes.txt', 'not a digest at all');
    send(3, DIGEST_FILES.jun05, readDigest(DIGEST_FILES.jun05));
    send(4, DIGEST_FILES.sep01, readDigest(DIGEST_FILES.sep01));
    send(5, DIGEST_FILES.nov19, readDigest(DIGEST_FILES.nov19));
    await expect.poll(() => answers.length, { timeout: 10_000 }).toBe(5);

    // A refused file is answered as soon as it is parsed; stored files in the order sent.
    expect(answers.filter((a) => a.answer.ok).map((a) => a.id)).toEqual([1, 3, 4, 5]);
    answers.sort((a, b) => a.id - b.id);
    expect(
      answers.map(({ answer }) => {
        if (!answer.ok) return 'refused';
        const [v] = answer.value as Array<{ status: string; newPapers: number; knownPapers: number; entries: number }>;
        if (!v) return 'no digest';
        return [v.status, v.newPapers, v.knownPapers, v.entries];
      }),
    ).toEqual([['imported', 29, 0, 29], 'refused', ['imported', 28, 6, 34], ['already-imported', 0, 29, 0], ['imported', 60, 6, 66]]);
    expect(idle).toBe(1);
    expect({
      papers: await db.papers.count(),
      entries: await countEntries(db),
      digests: await db.digests.count(),
      paperCount: await paperCount(db),
      revision: await corpusRevision(db),
    }).toEqual({ papers: 117, entries: 129, digests: 3, paperCount: 117, revision: 3 });
  });
});
