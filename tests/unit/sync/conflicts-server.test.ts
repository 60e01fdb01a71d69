import { describe, expect, it } from 'vitest';
import { readIncoming } from '../../../lib/sync/mirror';
import { type MirrorDatabase, PouchDB } from '../../../lib/sync/pouch';
import { connectUser, createDevice, type Device } from '../../support/sync-devices';
import { arxivPaper, titlePaper } from '../../support/sync-rows';
import { syncServerForThisFile } from '../../support/sync-server';

const server = syncServerForThisFile();

const PAPER = 'arxiv:2501.10001';

async function twoDevicesSharingOneNote(user: string): Promise<[Device, Device]> {
  const connection = await connectUser(server(), user);
  const a = createDevice(() => connection);
  const b = createDevice(() => connection);
  a.local.addPaper(arxivPaper(1));
  a.local.saveNote(PAPER, 'first text', '2026-04-01T09:00:00.000Z');
  await a.runner.runSync();
  await b.runner.runSync();
  expect(b.local.notes.get(PAPER)?.text).toBe('first text');
  return [a, b];
}

function texts(device: Device): string[] {
  return [...device.local.versions.values()].map((v) => `${v.text}${v.fromAnotherDevice ? ' (other device)' : ''}`).sort();
}

async function leafCount(mirror: MirrorDatabase, id: string): Promise<number> {
  const doc = await mirror.get(id, { conflicts: true });
  return 1 + (doc._conflicts?.length ?? 0);
}

describe('conflicts keep both texts, and say so', () => {
  it('keeps both texts of a concurrent edit on both devices: the newer current, the other a version from another device', async () => {
    const [a, b] = await twoDevicesSharingOneNote('concurrent');
    a.local.saveNote(PAPER, 'edited on the laptop', '2026-04-02T10:00:00.000Z');
    b.local.saveNote(PAPER, 'edited on the desktop', '2026-04-02T11:00:00.000Z');

    await a.runner.runSync();
    const [bReport] = await b.runner.runSync();
    expect(bReport).toMatchObject({ folded: 1 });
    await a.runner.runSync();

    for (const device of [a, b]) {
      expect(device.local.notes.get(PAPER)?.text).toBe('edited on the desktop');
      expect(texts(device)).toEqual(['edited on the laptop (other device)']);
      expect(await leafCount(device.mirrors.get('private') as MirrorDatabase, `note:${PAPER}`)).toBe(1);
    }
    expect(a.local.applied.flatMap((batch) => batch.notesWithTextFromAnotherDevice)).toEqual([PAPER]);
    const remote = await fetch(`${server().origin}/concurrent-private/${encodeURIComponent(`note:${PAPER}`)}?conflicts=true`, {
      headers: { authorization: `Basic ${btoa(`${server().admin.user}:${server().admin.password}`)}` },
    });
    expect(((await remote.json()) as { _conflicts?: string[] })._conflicts).toBeUndefined();
  });

  it('lets two devices fold the same conflict at once without creating a new one', async () => {
    const [a, b] = await twoDevicesSharingOneNote('at-once');
    a.local.saveNote(PAPER, 'laptop text', '2026-04-02T10:00:00.000Z');
    b.local.saveNote(PAPER, 'desktop text', '2026-04-02T09:00:00.000Z');
    const [mirrorA, mirrorB] = [a, b].map((d) => d.mirrors.get('private') as MirrorDatabase) as [MirrorDatabase, MirrorDatabase];
    // Both edits reach the server, then each mirror holds both revisions before either folds.
    const remote = new PouchDB(`${server().origin}/at-once-private`, {
      adapter: 'http',
      fetch: (url, init = {}) => {
        const headers = new Headers(init.headers);
        headers.set('Authorization', `Basic ${btoa('at-once:at-once-password')}`);
        return fetch(url, { ...init, headers });
      },
    });
    for (const device of [a, b]) {
      const { writeDocs } = await import('../../../lib/sync/mirror');
      await writeDocs(
        device.mirrors.get('private') as MirrorDatabase,
        (await device.local.pendingChanges(100)).map((r) => r.doc),
      );
      await device.local.markPushed(device.local.outbox.map((r) => r.seq));
      await PouchDB.replicate(device.mirrors.get('private') as MirrorDatabase, remote);
    }
    await PouchDB.replicate(remote, mirrorA);
    await PouchDB.replicate(remote, mirrorB);
    expect(await leafCount(mirrorA, `note:${PAPER}`)).toBe(2);
    expect(await leafCount(mirrorB, `note:${PAPER}`)).toBe(2);

    // Each folds on its own (no replication in between).
    for (const device of [a, b]) {
      const since = (await device.local.appliedCheckpoint('private')) ?? 0;
      const read = await readIncoming(device.mirrors.get('private') as MirrorDatabase, 'private', since, 500, new Set(), new Map());
      expect(read.folded).toBe(1);
    }
    const foldedA = await mirrorA.get(`note:${PAPER}`);
    const foldedB = await mirrorB.get(`note:${PAPER}`);
    expect(foldedA._rev).toBe(foldedB._rev);

    // Both push their folds; nothing conflicts anywhere afterwards.
    await a.runner.runSync();
    await b.runner.runSync();
    await a.runner.runSync();
    for (const mirror of [mirrorA, mirrorB, remote]) {
      const { rows } = await mirror.allDocs({ include_docs: true, conflicts: true });
      const docs = rows.filter((r) => !r.id.startsWith('_'));
      expect(docs.filter((r) => (r.doc?._conflicts?.length ?? 0) > 0)).toEqual([]);
      expect(docs.map((r) => r.id.split(':')[0]).sort()).toEqual(['note', 'paper', 'version']);
    }
    for (const device of [a, b]) {
      expect(device.local.notes.get(PAPER)?.text).toBe('laptop text');
      expect(texts(device)).toEqual(['desktop text (other device)']);
    }
  });

  it('keeps an edit made on one device while another deleted the note', async () => {
    const [a, b] = await twoDevicesSharingOneNote('edit-vs-delete');
    a.local.deleteNote(PAPER);
    b.local.saveNote(PAPER, 'still thinking about it', '2026-04-03T10:00:00.000Z');
    await a.runner.runSync();
    await b.runner.runSync();
    await a.runner.runSync();
    for (const device of [a, b]) expect(device.local.notes.get(PAPER)?.text).toBe('still thinking about it');
  });

  it('makes one paper of a paper known by its title on one device and by its arXiv id on the other, keeping both notes', async () => {
    const connection = await connectUser(server(), 'two-ids');
    const a = createDevice(() => connection);
    const b = createDevice(() => connection);
    const byTitle = titlePaper('Paper number 5');
    const byArxiv = arxivPaper(5);
    expect(byTitle.titleKey).toBe(byArxiv.titleKey);
    a.local.addPaper(byTitle);
    a.local.saveNote(byTitle.id, 'read on the phone', '2026-05-01T08:00:00.000Z');
    a.local.addToQueue({ paperId: byTitle.id, order: 3, addedAt: '2026-05-01T08:00:00.000Z', source: 'https://example.org', readAt: null });
    b.local.addPaper(byArxiv);
    b.local.saveNote(byArxiv.id, 'read at the desk', '2026-05-01T09:00:00.000Z');

    await a.runner.runSync();
    const [merge] = await b.runner.runSync();
    expect(merge).toMatchObject({ papersMerged: 1 });
    await a.runner.runSync();

    for (const device of [a, b]) {
      expect([...device.local.papers.keys()]).toEqual([byArxiv.id]);
      expect([...device.local.notes.entries()]).toEqual([[byArxiv.id, expect.objectContaining({ text: 'read at the desk' })]]);
      expect(texts(device)).toEqual(['read on the phone (other device)']);
      expect([...device.local.versions.values()].map((v) => v.paperId)).toEqual([byArxiv.id]);
      expect([...device.local.queue.keys()]).toEqual([byArxiv.id]);
      expect(device.local.papers.get(byArxiv.id)?.arxivId).toBe('2501.10005');
    }
    const removals = a.local.applied.flatMap((batch) => batch.changes).filter((c) => c.kind === 'removed');
    expect(removals).toEqual(expect.arrayContaining([{ kind: 'removed', docKind: 'paper', key: byTitle.id, mergedInto: byArxiv.id }]));
  });
});
