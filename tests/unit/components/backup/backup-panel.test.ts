// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupPanel } from '@/components/backup/BackupPanel';
import { backupJson, exportBackup } from '@/lib/backup';
import { addToQueue, ensurePaper, saveNote } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { makeTestDb } from '../../../support/test-db';

// The panel uses the extension's database; here, a fake IndexedDB of its own.
vi.mock('@/lib/db/instance', async () => {
  const { makeTestDb } = await import('../../../support/test-db');
  return { db: makeTestDb() };
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;
let downloads: Array<{ name: string; blob: Blob }>;

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  downloads = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href) as Blob });
  });
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { persisted: async () => false, persist: async () => true },
  });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(createElement(BackupPanel)));
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`) as HTMLElement;

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(check()).toBe(true);
}

describe('the Backup panel', () => {
  it('says whether storage is persistent and asks for it on request', async () => {
    await until(() => byTestId('storage-persist-status').dataset.state === 'not-granted');
    expect(byTestId('storage-persist-status').textContent).toBe('not granted (the browser may clear data under storage pressure)');
    const ask = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Ask for persistent storage');
    await act(async () => ask?.click());
    await until(() => byTestId('storage-persist-status').textContent === 'granted');
  });

  it('downloads the backup as JSON and restores a chosen backup file, showing the summary', async () => {
    const paper = await ensurePaper(db, { title: 'Entropy-Guided Attention for Private LLMs', arxivId: null, abstract: null, url: null });
    await saveNote(db, paper.id, 'a note', 0);
    await addToQueue(db, paper.id, 'digest:x');

    await act(async () => byTestId('backup-export').click());
    await until(() => downloads.length === 1);
    expect(downloads[0]?.name).toMatch(/^digestlens-backup-\d{4}-\d\d-\d\d\.json$/);
    const exported = JSON.parse((await downloads[0]?.blob.text()) ?? '');
    expect({ papers: exported.papers.length, notes: exported.notes.length, queue: exported.queue.length }).toEqual({
      papers: 1,
      notes: 1,
      queue: 1,
    });
    expect(byTestId('backup-result').textContent).toBe('Exported 1 paper, 0 digests, 1 note, 1 queue item.');

    // A backup from another profile, with a newer text of the same note.
    const other = makeTestDb();
    const there = await ensurePaper(other, {
      title: 'Entropy-Guided Attention for Private LLMs',
      arxivId: null,
      abstract: null,
      url: null,
    });
    await saveNote(other, there.id, 'a newer note', 0, new Date(Date.now() + 60_000));
    const file = new File([backupJson(await exportBackup(other))], 'backup.json', { type: 'application/json' });
    other.close();
    const input = byTestId('backup-restore-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
    await until(() => byTestId('backup-result').textContent?.startsWith('Restored') ?? false);
    expect(byTestId('backup-result').textContent).toBe('Restored: 1 note merged (both texts kept), 1 earlier note text.');
    expect((await db.notes.get(paper.id))?.text).toBe('a newer note');
  });

  it('shows why a file is refused, naming the file', async () => {
    const input = byTestId('backup-restore-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', { configurable: true, value: [new File(['{"format": "zotero"}'], 'x.json')] });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
    await until(() => byTestId('backup-result')?.dataset.ok === 'false');
    expect(byTestId('backup-result').textContent).toBe('x.json: not a DigestLens backup');
  });

  it('downloads the notes as one ZIP of Markdown files and the queue as a .bib file', async () => {
    const paper = await ensurePaper(db, {
      title: 'H$^2$SD: Hybrid Hindsight Self-Distillation',
      arxivId: '2607.18955',
      abstract: null,
      url: null,
    });
    await saveNote(db, paper.id, 'a note', 0);
    await addToQueue(db, paper.id, 'https://arxiv.org/abs/2607.18955');

    await act(async () => byTestId('backup-export-markdown').click());
    await until(() => downloads.length === 1);
    expect(downloads[0]?.name).toMatch(/^digestlens-notes-\d{4}-\d\d-\d\d\.zip$/);
    const zip = new Uint8Array((await downloads[0]?.blob.arrayBuffer()) ?? []);
    expect(new TextDecoder().decode(zip.subarray(30, 30 + 'h-2-sd-hybrid-hindsight-self-distillation-2607.18955.md'.length))).toBe(
      'h-2-sd-hybrid-hindsight-self-distillation-2607.18955.md',
    );

    await act(async () => byTestId('backup-export-bibtex').click());
    await until(() => downloads.length === 2);
    expect(downloads[1]?.name).toMatch(/^digestlens-queue-\d{4}-\d\d-\d\d\.bib$/);
    expect(await downloads[1]?.blob.text()).toContain('@misc{hsd2026,\n  title = {H$^2$SD: Hybrid Hindsight Self-Distillation},');
  });
});
