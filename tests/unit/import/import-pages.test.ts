import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigestLensDB } from '@/lib/db';
import { parseDigestFile } from '@/lib/digest';
import { importFileText, importPageDigests } from '@/lib/import/import-file';
import { importResultLines } from '@/lib/import/result-line';
import { readHtml } from '../../support/html';
import { SHARED } from '../../support/paths';
import { countEntries, makeTestDb } from '../../support/test-db';

const NOW = new Date('2026-11-22T12:00:00Z');
const DAILY_JSON = join(SHARED, 'fixtures/feeds/hf-api-json/daily_papers-api-2026-07-27-good-feed.json');
const HF_PAGE = join(SHARED, 'fixtures/pages/hf-daily/huggingface-daily-papers-2026-09-28.html');
let db: DigestLensDB;

beforeEach(() => {
  db = makeTestDb();
});
afterEach(() => db.close());

async function counts() {
  return { papers: await db.papers.count(), digests: await db.digests.count(), entries: await countEntries(db) };
}

describe('a file featured on several days', () => {
  it('imports as one digest per day, and again adds nothing', async () => {
    const text = readFileSync(DAILY_JSON, 'utf8');
    const first = await importFileText(db, 'daily.json', text, NOW);
    if (!first.ok) throw new Error(first.error);
    expect(first.value.map((r) => [r.status, r.date, r.newPapers])).toHaveLength(11);
    expect(first.value[0]).toMatchObject({ status: 'imported', date: '2026-07-13', newPapers: 14, entries: 14 });
    expect(await counts()).toEqual({ papers: 245, digests: 11, entries: 245 });
    const again = await importFileText(db, 'daily.json', text, NOW);
    expect(again.ok && again.value.every((r) => r.status === 'already-imported')).toBe(true);
    expect(await counts()).toEqual({ papers: 245, digests: 11, entries: 245 });
  });

  it('stores all of its digests or none: a failure on the 6th day leaves nothing of the file', async () => {
    let listings = 0;
    db.listings.hook('creating', () => {
      listings++;
      if (listings === 6) throw new Error('disk trouble on the 6th day');
    });
    const outcome = await importFileText(db, 'daily.json', readFileSync(DAILY_JSON, 'utf8'), NOW);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.error).toMatch(
      /^daily\.json: could not be stored, nothing was imported \(.*disk trouble on the 6th day/,
    );
    expect(await counts()).toEqual({ papers: 0, digests: 0, entries: 0 });
  });
});

describe('digests read from a page', () => {
  const contents = () =>
    parseDigestFile('page', readFileSync(HF_PAGE, 'utf8'), { readHtml }).map(({ fileName: _f, ...content }) => content);

  it('a capture stores the page once; a second capture, or its saved file, adds nothing and says so', async () => {
    const first = await importPageDigests(db, 'huggingface.co/papers', contents(), NOW);
    if (!first.ok) throw new Error(first.error);
    expect(importResultLines(first.value)).toEqual({
      text: 'digest of Sep 28, 2026: 28 new papers, 0 already known, 28 entries',
      added: true,
    });
    const second = await importPageDigests(db, 'huggingface.co/papers', contents(), NOW);
    if (!second.ok) throw new Error(second.error);
    expect(importResultLines(second.value)).toEqual({
      text: 'already imported (digest of Sep 28, 2026, 28 papers): nothing added',
      added: false,
    });
    const saved = await importPageDigests(db, 'daily.html', contents(), NOW);
    expect(saved.ok && saved.value[0]?.status).toBe('already-imported');
    expect(await counts()).toEqual({ papers: 28, digests: 1, entries: 28 });
  });

  it('refuses page digests the schema refuses, storing nothing', async () => {
    const [content] = contents();
    const broken = { ...content, papers: [{ ...content?.papers[0], title: '' }] } as never;
    const outcome = await importPageDigests(db, 'huggingface.co/papers', [broken], NOW);
    expect(outcome).toEqual({
      ok: false,
      error: 'huggingface.co/papers: a record does not fit: papers.0.title: Too small: expected string to have >=1 characters',
    });
    expect(await counts()).toEqual({ papers: 0, digests: 0, entries: 0 });
  });
});
