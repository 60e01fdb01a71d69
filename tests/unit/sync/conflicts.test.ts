import { describe, expect, it } from 'vitest';
import { couchWinner, findSamePapers, foldNotes, mergeSamePaper, type Revision, resolveConflict } from '../../../lib/sync/conflicts';
import type { NoteDoc, QueueDoc } from '../../../lib/sync/documents';
import { noteDoc, paperDoc, queueDoc } from '../../../lib/sync/mapping';
import { arxivPaper, titlePaper } from '../../support/sync-rows';

function note(text: string, updatedAt: string, rev: string, version = 2): Revision<NoteDoc> {
  return { ...noteDoc({ paperId: 'arxiv:1', text, updatedAt, version }), _rev: rev };
}

describe('conflict rules', () => {
  it("picks CouchDB's winner: the longest history, then the greater revision id", () => {
    expect(couchWinner([{ _rev: '2-aaa' }, { _rev: '3-000' }, { _rev: '3-fff' }])._rev).toBe('3-fff');
    expect(couchWinner([{ _rev: '10-a' }, { _rev: '9-z' }])._rev).toBe('10-a');
  });

  it('keeps the newer note text current and the other as a version from another device, whatever order they come in', async () => {
    const older = note('laptop', '2026-01-01T10:00:00.000Z', '2-bbb');
    const newer = note('desktop', '2026-01-01T11:00:00.000Z', '2-aaa', 5);
    const one = await resolveConflict([older, newer]);
    const other = await resolveConflict([newer, older]);
    expect(one).toEqual(other);
    expect(one.current).toMatchObject({ text: 'desktop', version: 6, updatedAt: '2026-01-01T11:00:00.000Z' });
    expect(one.extra).toHaveLength(1);
    expect(one.extra[0]).toMatchObject({
      type: 'noteVersion',
      text: 'laptop',
      savedAt: '2026-01-01T10:00:00.000Z',
      fromAnotherDevice: true,
    });
    expect(JSON.stringify(one.current)).toBe(JSON.stringify(other.current));
  });

  it('breaks a tie of times by the text, so both devices agree', async () => {
    const a = note('alpha', '2026-01-01T10:00:00.000Z', '2-aaa');
    const b = note('beta', '2026-01-01T10:00:00.000Z', '2-bbb');
    expect((await foldNotes([a, b], 'arxiv:1')).current).toMatchObject({ text: 'beta' });
    expect((await foldNotes([b, a], 'arxiv:1')).current).toMatchObject({ text: 'beta' });
  });

  it('keeps no version for an identical or empty losing text', async () => {
    const same = await foldNotes([note('x', '2026-01-01T10:00:00.000Z', '2-a'), note('x', '2026-01-01T11:00:00.000Z', '2-b')], 'arxiv:1');
    const empty = await foldNotes([note('', '2026-01-01T10:00:00.000Z', '2-a'), note('x', '2026-01-01T11:00:00.000Z', '2-b')], 'arxiv:1');
    expect(same.extra).toEqual([]);
    expect(empty.extra).toEqual([]);
  });

  it('merges queue revisions: queued since the earliest, read if any device read it', async () => {
    const item = (addedAt: string, readAt: string | null, order: number, rev: string): Revision<QueueDoc> => ({
      ...queueDoc({ paperId: 'arxiv:1', order, addedAt, source: 's', readAt }),
      _rev: rev,
    });
    const { current } = await resolveConflict([item('2026-02-01', null, 5, '2-a'), item('2026-01-01', '2026-03-01', 7, '2-b')]);
    expect(current).toMatchObject({ addedAt: '2026-01-01', readAt: '2026-03-01', order: 5 });
  });

  it('pairs a title paper with the one arXiv paper of the same title key, and never guesses between two', () => {
    const byTitle = paperDoc(titlePaper('Paper number 5'));
    const byArxiv = paperDoc(arxivPaper(5));
    expect(findSamePapers([byTitle, byArxiv])).toEqual([{ keep: byArxiv, drop: byTitle }]);
    const twin = paperDoc({ ...arxivPaper(6), title: 'Paper number 5', titleKey: byArxiv.titleKey });
    expect(findSamePapers([byTitle, byArxiv, twin])).toEqual([]);
    const learned = paperDoc({ ...titlePaper('Renamed since'), arxivId: '2501.10006' });
    expect(findSamePapers([learned, twin])).toEqual([{ keep: twin, drop: learned }]);
  });

  it('merges one paper of two ids: fields filled, both notes kept, queue moved, the title docs removed with where they went', async () => {
    const drop = { ...paperDoc({ ...titlePaper('Paper number 5'), organization: 'Lab' }), _rev: '1-t' };
    const keep = { ...paperDoc({ ...arxivPaper(5), abstract: '' }), _rev: '1-a' };
    const merge = await mergeSamePaper({
      keep,
      drop,
      keepNote: { ...noteDoc({ paperId: keep.paperId, text: 'desk', updatedAt: '2026-05-01T09:00:00.000Z', version: 1 }), _rev: '1-n' },
      dropNote: { ...noteDoc({ paperId: drop.paperId, text: 'phone', updatedAt: '2026-05-01T08:00:00.000Z', version: 3 }), _rev: '1-m' },
      dropVersions: [],
      dropQueue: { ...queueDoc({ paperId: drop.paperId, order: 1, addedAt: '2026-05-01', source: 's', readAt: null }), _rev: '1-q' },
    });
    expect(merge.put.map((d) => d._id)).toEqual([
      'paper:arxiv:2501.10005',
      'note:arxiv:2501.10005',
      expect.stringMatching(/^version:arxiv:2501\.10005:[0-9a-f]{64}$/),
      'queue:arxiv:2501.10005',
    ]);
    expect(merge.put[0]).toMatchObject({ organization: 'Lab', abstract: '', arxivId: '2501.10005' });
    expect(merge.put[1]).toMatchObject({ text: 'desk', version: 4 });
    expect(merge.put[2]).toMatchObject({ text: 'phone', fromAnotherDevice: true });
    expect(merge.remove).toEqual([
      { _id: 'paper:title:papernumber5', _deleted: true, mergedInto: 'arxiv:2501.10005' },
      { _id: 'note:title:papernumber5', _deleted: true, mergedInto: 'arxiv:2501.10005' },
      { _id: 'queue:title:papernumber5', _deleted: true, mergedInto: 'arxiv:2501.10005' },
    ]);
  });
});
