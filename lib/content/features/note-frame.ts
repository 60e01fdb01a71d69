import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import type { SeenPaper } from '../../messaging/protocol/shared';
import type { FoundPaper } from '../../sites/types';
import { type ContentPage, removeOnAbort } from '../page';
import { pageTheme } from '../theme';

/** Height of the note editor under the abstract: a textarea of about a dozen lines. */
export const NOTE_FRAME_HEIGHT_PX = 320;
/** Abstracts longer than this stay out of the iframe's URL (the editor stores the paper without one). */
export const MAX_ABSTRACT_IN_URL = 4000;

/** What names the paper in the editor's address: the seen paper's identity and page; a short abstract when shown. */
export type NoteFramePaper = Pick<SeenPaper, 'title' | 'arxivId' | 'url'> & Partial<Pick<SeenPaper, 'abstract'>>;

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
  if (paper.url) query.set('url', paper.url);
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
      // No data-testid or other marker on the wrapper: it is in the page's own DOM (issue 9).
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

/** The one note frame a page shows at a time. */
const openFrames = new WeakMap<ContentPage, { remove(): void }>();

/** Opens the note editor for `found` right after `anchor`, replacing the one open on this page. */
export function openNoteFrame(signal: AbortSignal, page: ContentPage, found: FoundPaper, anchor: Element): void {
  openFrames.get(page)?.remove();
  void mountNoteFrame(page.ctx, anchor, { title: found.title, arxivId: found.arxivId, url: found.url }).then((ui) => {
    if (signal.aborted) return ui.remove();
    openFrames.set(page, removeOnAbort(signal, ui));
  });
}

/** On a paper's own page: the note editor under the related panel (or under the abstract without one). */
export async function init(signal: AbortSignal, page: ContentPage): Promise<void> {
  const [paper] = page.papers;
  if (page.reading.kind !== 'paper' || !paper || !page.reading.panelAnchor) return;
  const host = (await page.panelHost) ?? page.reading.panelAnchor;
  if (!signal.aborted) openNoteFrame(signal, page, paper, host);
}
