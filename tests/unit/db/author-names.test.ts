import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '@/lib/backup';
import { type DigestLensDB, readSettings, writeSetting } from '@/lib/db';
import type { Paper } from '@/lib/db/entities';
import { fillMissingDetails } from '@/lib/db/paper-fields';
import { importFileText } from '@/lib/import/import-file';
import { PaperDocSchema } from '@/lib/sync/documents';
import { paperDoc, rowOf } from '@/lib/sync/mapping';
import { SHARED } from '../../support/paths';
import { testDbsForThisFile } from '../../support/test-db';

const NOW = new Date('2026-11-22T12:00:00Z');
const ATOM = 'api-query-cat-cs.RO-neural-2025-10-17-oldformat.xml';
const atomText = () => readFileSync(join(SHARED, 'fixtures/feeds/arxiv-api-xml', ATOM), 'utf8');
const FIRST_AUTHORS = ['Mingxuan Yan', 'Yuping Wang', 'Zechun Liu', 'Jiachen Li'];

const freshDb = testDbsForThisFile();

async function importAtom(db: DigestLensDB): Promise<void> {
  const outcome = await importFileText(db, ATOM, atomText(), NOW);
  if (!outcome.ok) throw new Error(outcome.error);
}

const textOnlyPaper = (): Paper => ({
  id: 'title:x',
  title: 'X',
  titleKey: 'x',
  arxivId: null,
  abstract: '',
  authors: 2,
  organization: null,
  addedAt: NOW.toISOString(),
});

describe('author names', () => {
  it('are stored on import from a source that lists them (an Atom feed), in order', async () => {
    const db = freshDb();
    await importAtom(db);
    const paper = await db.papers.get('arxiv:2510.14968');
    expect(paper?.authorNames).toEqual(FIRST_AUTHORS);
    expect(paper?.authors).toBe(4);
  });

  it('fill a paper known only from a text digest, and never replace names already stored', () => {
    const stored = textOnlyPaper();
    expect(fillMissingDetails(stored, { abstract: '', authors: 2, organization: null, authorNames: ['A. One', 'B. Two'] })).toBe(true);
    expect(stored.authorNames).toEqual(['A. One', 'B. Two']);
    expect(fillMissingDetails(stored, { abstract: '', authors: 2, organization: null, authorNames: ['C. Three'] })).toBe(false);
    expect(stored.authorNames).toEqual(['A. One', 'B. Two']);
  });

  it('travel in sync documents and come back as the same row; documents without them still parse', () => {
    const row: Paper = { ...textOnlyPaper(), authorNames: FIRST_AUTHORS };
    const doc = paperDoc(row);
    expect(PaperDocSchema.parse(doc).authorNames).toEqual(FIRST_AUTHORS);
    const back = rowOf(doc);
    expect(back.kind === 'paper' && back.row.authorNames).toEqual(FIRST_AUTHORS);
    const { authorNames: _names, ...older } = doc;
    expect(PaperDocSchema.safeParse(older).success).toBe(true);
  });

  it('survive a backup restored into an empty profile', async () => {
    const db = freshDb();
    await importAtom(db);
    const empty = freshDb();
    await restoreBackup(empty, JSON.parse(JSON.stringify(await exportBackup(db, NOW))));
    expect((await empty.papers.get('arxiv:2510.14968'))?.authorNames).toEqual(FIRST_AUTHORS);
  });
});

describe('settings in a backup', () => {
  it('every setting changed from its default comes back in an empty profile', async () => {
    const db = freshDb();
    await writeSetting(db, 'arxivEnabled', false);
    await writeSetting(db, 'huggingfaceEnabled', false);
    await writeSetting(db, 'relatedMarker', false);
    await writeSetting(db, 'panelCollapsed', false);
    await writeSetting(db, 'noteSpellcheck', true);
    await writeSetting(db, 'keyboardWalk', false);
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, NOW)));
    expect(backup.settings).toEqual({
      arxivEnabled: false,
      huggingfaceEnabled: false,
      keyboardWalk: false,
      noteSpellcheck: true,
      panelCollapsed: false,
      relatedMarker: false,
    });
    const empty = freshDb();
    await restoreBackup(empty, backup);
    expect(await readSettings(empty)).toEqual({
      arxivEnabled: false,
      huggingfaceEnabled: false,
      relatedMarker: false,
      panelCollapsed: false,
      noteSpellcheck: true,
      keyboardWalk: false,
    });
  });
});
