import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { NoteEditor } from '@/components/notes/NoteEditor';
import { readSettings } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { findPaper } from '@/lib/db/page-paper';
import { requestCloseOnEscape } from '@/lib/notes/close-request';
import { dexieNoteSource } from '@/lib/notes/editor/note-source';
import { portNoteSource } from '@/lib/notes/editor/port-note-source';
import { readNoteEditorParams } from './paper-params';

/**
 * The note editor page, shown in an iframe under a paper's abstract on arXiv and Hugging Face
 * (lib/content/features/note-frame.ts), or in a tab of its own. It is an extension page, so the host page
 * sees only the iframe, never the note. Framed, it reads and writes the note through the
 * background: a frame inside a web page may be denied IndexedDB (Chromium does so when
 * third-party cookies are blocked, its default in this project's test browser). In a tab it
 * uses the database directly.
 */

const framed = window.top !== window.self;
if (framed) requestCloseOnEscape(window);

/** The same editor in a tab of its own: bigger, and with the database at hand. */
function openInTab(): void {
  window.open(location.href, '_blank', 'noopener');
}

function Message({ children }: { children: ReactNode }) {
  return (
    <div className="note-message" data-testid="note-message">
      {children}
    </div>
  );
}

function showFailure(root: Root, error: unknown): void {
  console.error('DigestLens: the note could not be opened', error);
  root.render(
    <Message>
      The note could not be opened. Reload the page to try again
      {framed && (
        <>
          , or{' '}
          <button type="button" className="note-link" data-testid="note-open-tab" onClick={openInTab}>
            open it in a tab
          </button>
        </>
      )}
      .
    </Message>,
  );
}

async function show(root: Root): Promise<void> {
  const params = readNoteEditorParams(location.search);
  if (params?.theme) document.documentElement.dataset.theme = params.theme;
  if (framed) document.documentElement.dataset.framed = '';
  if (!params) {
    root.render(<Message>No paper named: notes open from a paper's page on arXiv or Hugging Face.</Message>);
    return;
  }
  if (framed) {
    // The background finds the paper by the identity rule, or stores it, and sends its note.
    const source = portNoteSource(browser.runtime, params.paper);
    root.render(<NoteEditor source={source} onOpenInTab={openInTab} framed />);
    source.opened.then(
      (paper) => {
        document.title = `Note · ${paper.title}`;
        root.render(<NoteEditor source={source} onOpenInTab={openInTab} framed spellCheck={paper.spellcheck} />);
      },
      (error: unknown) => showFailure(root, error),
    );
    return;
  }
  try {
    // Looked up only: the paper is stored at the first save, as the framed editor does (a page
    // that opens this tab must not be able to plant a paper by it, issue 9).
    const [stored, settings] = await Promise.all([findPaper(db, params.paper), readSettings(db)]);
    document.title = `Note · ${stored?.title ?? params.paper.title}`;
    root.render(<NoteEditor source={dexieNoteSource(db, stored?.id ?? params.paper)} spellCheck={settings.noteSpellcheck} />);
  } catch (error) {
    showFailure(root, error);
  }
}

const container = document.getElementById('root');
if (container) void show(createRoot(container));
