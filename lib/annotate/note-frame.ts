import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { pageTheme } from './theme';

/** Height of the note editor under the abstract: a textarea of about a dozen lines. */
export const NOTE_FRAME_HEIGHT_PX = 320;
/** Abstracts longer than this stay out of the iframe's URL (the editor stores the paper without one). */
export const MAX_ABSTRACT_IN_URL = 4000;

export interface NoteFramePaper {
  title: string;
  arxivId: string | null;
  /** The page the paper is seen on. */
  url: string;
  /** When the page shows it; only a short one is passed on. */
  abstract?: string | null;
}

type NoteEditorPage = Parameters<typeof createIframeUi>[1]['page'];

/**
 * The note editor's address for a paper: what names the paper and the page's theme, nothing else.
 * The note itself is read and written by the editor page in the extension's origin; no note text
 * passes through the content script or the host page's DOM. The editor checks every parameter
 * (entrypoints/note-editor/paper-params.ts).
 */
export function noteEditorPath(paper: NoteFramePaper, theme: 'light' | 'dark'): `/note-editor.html?${string}` {
  const query = new URLSearchParams({ title: paper.title });
  if (paper.arxivId) query.set('arxivId', paper.arxivId);
  query.set('url', paper.url);
  if (paper.abstract && paper.abstract.length <= MAX_ABSTRACT_IN_URL) query.set('abstract', paper.abstract);
  query.set('theme', theme);
  return `/note-editor.html?${query}`;
}

/** Sets a style the host page's stylesheets cannot override. */
function force(element: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
}

/**
 * Mounts the private note editor (an iframe of the extension's note-editor page) right after
 * `anchor`. The page must list note-editor.html in `web_accessible_resources` for this site.
 * `ctx` removes it when the extension is reloaded; `remove()` takes it away sooner.
 */
export async function mountNoteFrame(ctx: ContentScriptContext, anchor: Element, paper: NoteFramePaper): Promise<{ remove(): void }> {
  const ui = createIframeUi(ctx, {
    // `page` is typed as a bare path; runtime.getURL takes a query after it.
    page: noteEditorPath(paper, pageTheme(anchor)) as NoteEditorPage,
    position: 'inline',
    anchor,
    append: 'after',
    onMount: (wrapper, iframe) => {
      wrapper.dataset.testid = 'digestlens-note-frame';
      force(wrapper, { display: 'block', margin: '12px 0', padding: '0', border: 'none' });
      force(iframe, {
        display: 'block',
        width: '100%',
        height: `${NOTE_FRAME_HEIGHT_PX}px`,
        border: 'none',
        margin: '0',
        padding: '0',
        'border-radius': '6px',
      });
      iframe.title = 'DigestLens: your private note on this paper';
    },
  });
  ui.mount();
  return ui;
}
