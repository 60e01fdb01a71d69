// @vitest-environment jsdom
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoteEditor } from '@/components/notes/NoteEditor';
import { type DigestLensDB, noteVersions, saveNote } from '@/lib/db';
import { dexieNoteSource } from '@/lib/notes/editor/note-source';
import { makeTestDb } from '../../../support/test-db';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// Live queries run only where Dexie found an IndexedDB at load; each test database brings its own.
Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

const PAPER = 'arxiv:1706.03762';
let db: DigestLensDB;
const mounted: Array<{ root: Root; container: HTMLElement }> = [];

beforeEach(() => {
  db = makeTestDb();
});
afterEach(async () => {
  for (const { root, container } of mounted.splice(0)) {
    await act(async () => root.unmount());
    container.remove();
  }
  db.close();
});

/** One editor, as one tab or frame shows it. */
async function mountEditor() {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  mounted.push({ root, container });
  await act(async () => root.render(createElement(NoteEditor, { source: dexieNoteSource(db, PAPER) })));
  const byTestId = <E extends Element = HTMLElement>(id: string) => container.querySelector<E>(`[data-testid="${id}"]`);
  const editor = {
    container,
    textarea: () => byTestId<HTMLTextAreaElement>('note-text') as HTMLTextAreaElement,
    status: () => byTestId('note-status')?.textContent,
    byTestId,
    all: (id: string) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)],
    /** Types as the browser reports it: the value changes, then an input event. */
    type: (value: string) =>
      act(() => {
        const textarea = editor.textarea();
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(textarea, value);
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    click: (id: string, index = 0) => act(async () => editor.all(id)[index]?.click()),
  };
  await until(() => editor.status() === 'Saved');
  return editor;
}

/** Lets the fake IndexedDB and the live queries run until `condition` holds. */
async function until(condition: () => boolean, what = 'condition') {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
  throw new Error(`timed out waiting for ${what}: ${document.body.innerHTML.slice(0, 300)}`);
}

describe('the note editor', () => {
  it('saves as the note is typed and says "Saved" once it is stored', async () => {
    const editor = await mountEditor();
    await editor.type('First thoughts on **attention**');
    expect(editor.status()).toBe('Saving…');
    await until(() => editor.status() === 'Saved', 'Saved');
    expect(await db.notes.get(PAPER)).toMatchObject({ text: 'First thoughts on **attention**', version: 1 });
  });

  it('previews the Markdown as elements, a <script> in the note as text', async () => {
    const editor = await mountEditor();
    await editor.type('## Key idea\n*Self*-attention, $O(n^2)$ <script>alert(1)</script>');
    await editor.click('note-tab-preview');
    // The renderer is a lazy chunk (components/notes/NoteMarkdown.tsx): wait for it; the math is KaTeX's.
    await until(() => editor.byTestId('note-preview')?.querySelector('h2') != null, 'the preview');
    expect(editor.byTestId('note-preview')?.innerHTML).toMatch(
      /^<h2>Key idea<\/h2>\n<p><em>Self<\/em>-attention, <span class="katex">.*O\(n\^2\).*<\/span> &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>$/s,
    );
    expect(editor.container.querySelector('script')).toBeNull();
    expect(editor.textarea().hidden).toBe(false);
    expect(editor.textarea().closest('[role="tabpanel"]')?.hasAttribute('hidden')).toBe(true);
  });

  it('sends the text typed just before the page goes on pagehide, without waiting for the running save', async () => {
    const editor = await mountEditor();
    await editor.type('typed');
    await editor.type('typed, then the tab was closed');
    await act(() => window.dispatchEvent(new Event('pagehide')));
    await until(() => editor.status() === 'Saved', 'Saved');
    const note = await db.notes.get(PAPER);
    expect(note?.text).toBe('typed, then the tab was closed');
    // The page lived on (back/forward cache): the next save is not a conflict.
    await editor.type('typed, then the tab was closed; and back');
    await until(() => editor.status() === 'Saved', 'Saved');
    expect(editor.byTestId('note-conflict')).toBeNull();
    expect(await db.notes.get(PAPER)).toMatchObject({ text: 'typed, then the tab was closed; and back' });
  });

  it('shows what another editor of the same note saved, when it has nothing unsaved itself', async () => {
    const a = await mountEditor();
    const b = await mountEditor();
    await a.type('written in tab A');
    await until(() => b.textarea().value === 'written in tab A', "B showing A's text");
    expect(b.status()).toBe('Saved');
  });

  it("keeps another tab's text in History and says so, when both changed the note at once", async () => {
    await saveNote(db, PAPER, 'start', 0);
    const editor = await mountEditor();
    // Another tab saves; before this editor hears of it, the user types here.
    await act(async () => {
      await saveNote(db, PAPER, "the other tab's text", 1);
      const textarea = editor.textarea();
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(textarea, 'start, and mine');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(() => editor.byTestId('note-conflict') !== null, 'the notice');
    expect(editor.byTestId('note-conflict')?.textContent).toBe('Another tab changed this note; its text is kept in History.');
    expect((await noteVersions(db, PAPER)).map((v) => v.text)).toEqual(["the other tab's text"]);
    await editor.click('note-tab-history');
    await until(() => editor.all('note-history-item').length === 1, 'History');
    expect(editor.all('note-history-item')[0]?.textContent).toContain("the other tab's text");
  });

  it('lists earlier versions newest first, and Restore brings one back, keeping the text it replaces', async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = Date.now();
    await saveNote(db, PAPER, 'first draft\nmore', 0, new Date(now - 2 * day));
    await saveNote(db, PAPER, 'second draft', 1, new Date(now - day));
    await saveNote(db, PAPER, 'current', 2, new Date(now));
    const editor = await mountEditor();
    expect(editor.textarea().value).toBe('current');
    await editor.click('note-tab-history');
    await until(() => editor.all('note-history-item').length === 2, 'History');
    expect(editor.all('note-history-item').map((item) => item.querySelector('.note-first-line')?.textContent)).toEqual([
      'second draft',
      'first draft',
    ]);
    await editor.click('note-restore', 1);
    await until(() => editor.textarea().value === 'first draft\nmore', 'the restored text');
    expect(editor.byTestId('note-tab-edit')?.getAttribute('aria-selected')).toBe('true');
    expect(editor.status()).toBe('Saved');
    expect((await noteVersions(db, PAPER)).map((v) => v.text)).toEqual(['current', 'second draft', 'first draft\nmore']);
  });
});

describe('a note changed on another device while it is open', () => {
  it('says so once sync keeps the other text as an earlier version, and not for the texts it already showed', async () => {
    await saveNote(db, PAPER, 'Written here', 0);
    await db.noteVersions.add({ paperId: PAPER, text: 'Old text from here', savedAt: '2026-11-01T10:00:00.000Z', version: 1 });
    const editor = await mountEditor();
    expect(editor.byTestId('note-other-device')).toBeNull();
    // What lib/db/apply-incoming.ts writes when another device's edit wins: the text here becomes
    // an earlier version marked as from another device, the other text current.
    await db.noteVersions.add({
      paperId: PAPER,
      text: 'Written on the laptop',
      savedAt: '2026-12-03T09:00:00.000Z',
      version: 2,
      fromAnotherDevice: true,
    });
    await until(() => editor.byTestId('note-other-device') !== null, 'the other-device notice');
    expect(editor.byTestId('note-other-device')?.textContent).toBe('Another device changed this note; the other text is kept in History.');
  });
});
