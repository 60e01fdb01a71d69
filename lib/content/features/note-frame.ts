import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi, type IframeContentScriptUi } from 'wxt/utils/content-script-ui/iframe';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { PaperMatch } from '../../messaging/protocol/content-to-background';
import type { SeenPaper } from '../../messaging/protocol/shared';
import { CLOSE_NOTE_MESSAGE } from '../../notes/close-request';
import type { FoundPaper } from '../../sites/types';
import { el } from '../dom';
import { handleOpenNoteCommand } from '../open-note-command';
import { type ContentPage, onUserClick, removeOnAbort } from '../page';
import { NOTE_BAR_CSS } from '../styles';
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
export async function mountNoteFrame(
  ctx: ContentScriptContext,
  anchor: Element,
  paper: NoteFramePaper,
): Promise<IframeContentScriptUi<void>> {
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

/** A note under a paper: a bar that opens it ("✎ Add a note") or closes it (✕, Escape), and the editor frame under the bar while open. */
interface NoteSlot {
  open(focus: boolean): void;
  close(): void;
}

/** The one note open on a page at a time: opening another closes it. */
const openSlots = new WeakMap<ContentPage, NoteSlot>();

/** Where an inline note goes for a paper of a list: under its entry (the block holding its title). */
function entryOf(found: FoundPaper): Element {
  return found.anchor.closest('dt, dd, li, article, div') ?? found.anchor;
}

/**
 * Mounts a note slot after `anchor`: the bar in a CLOSED shadow root (the page sees an empty
 * element), the editor an extension page in an iframe under it. `collapsible`: closing shows
 * "✎ Add a note" again (a paper's own page); otherwise closing removes the slot (a note opened
 * from a list). Escape typed in the editor reaches us only as the frame's own message
 * (lib/notes/close-request.ts), accepted from that frame's window and the extension's origin only.
 */
async function mountNoteSlot(
  signal: AbortSignal,
  page: ContentPage,
  found: FoundPaper,
  anchor: Element,
  options: { collapsible: boolean; returnFocus?: HTMLElement },
): Promise<NoteSlot> {
  let frame: { remove(): void; iframe: HTMLIFrameElement } | null = null;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const bar = await createShadowRootUi(page.ctx, {
    name: 'digestlens-note',
    mode: 'closed',
    position: 'inline',
    anchor,
    append: 'after',
    css: NOTE_BAR_CSS,
    onMount: (root) => {
      root.className = 'theme';
      root.dataset.theme = pageTheme(anchor);
    },
  });
  bar.mount();
  const container = bar.uiContainer;
  removeOnAbort(signal, bar);

  const addButton = el('button', { type: 'button', class: 'add', 'data-testid': 'digestlens-note-add' }, '✎ Add a note');
  const closeButton = el(
    'button',
    { type: 'button', class: 'close', 'data-testid': 'digestlens-note-close', 'aria-label': 'Close the note', title: 'Close (Esc)' },
    '✕',
  );
  const head = el('div', { class: 'head' }, el('span', { class: 'label' }, '✎ Your private note'), closeButton);

  const slot: NoteSlot = {
    open(focus) {
      if (openSlots.get(page) !== slot) openSlots.get(page)?.close();
      openSlots.set(page, slot);
      container.replaceChildren(head);
      if (frame) return frame.iframe.focus();
      void mountNoteFrame(page.ctx, bar.shadowHost, { title: found.title, arxivId: found.arxivId, url: found.url }).then((ui) => {
        if (signal.aborted || openSlots.get(page) !== slot) return ui.remove();
        frame = removeOnAbort(signal, ui);
        if (focus) ui.iframe.focus();
      });
    },
    close() {
      if (openSlots.get(page) === slot) openSlots.delete(page);
      const hadFocus = frame !== null && document.activeElement === frame.iframe;
      frame?.remove();
      frame = null;
      if (options.collapsible) {
        container.replaceChildren(addButton);
        if (hadFocus) addButton.focus();
      } else {
        bar.remove();
        if (hadFocus) options.returnFocus?.focus();
      }
    },
  };
  onUserClick(addButton, signal, () => slot.open(true));
  onUserClick(closeButton, signal, () => slot.close());
  container.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && (event as KeyboardEvent).key === 'Escape' && frame) slot.close();
    },
    { signal },
  );
  window.addEventListener(
    'message',
    (event) => {
      if (!frame || event.source !== frame.iframe.contentWindow || event.origin !== extensionOrigin) return;
      if (event.data === CLOSE_NOTE_MESSAGE) slot.close();
    },
    { signal },
  );
  container.replaceChildren(addButton);
  return slot;
}

/** Opens the note editor for a paper of a list under its entry, closing the note open on this page; ✕ or Escape removes it. */
export function openNoteFrame(signal: AbortSignal, page: ContentPage, found: FoundPaper, opener?: HTMLElement): void {
  void mountNoteSlot(signal, page, found, entryOf(found), { collapsible: false, returnFocus: opener }).then((slot) => {
    if (!signal.aborted) slot.open(true);
  });
}

/**
 * On a paper's own page: the note under the related panel (or under the abstract without one),
 * collapsed to "✎ Add a note" until used, open when the paper has a note. The keyboard command
 * "open its note" opens it and puts the cursor in it.
 */
export async function init(signal: AbortSignal, page: ContentPage): Promise<void> {
  const [paper] = page.papers;
  if (page.reading.kind !== 'paper' || !paper || !page.reading.panelAnchor) return;
  const host = (await page.panelHost) ?? page.reading.panelAnchor;
  if (signal.aborted) return;
  const [slot, [match]] = await Promise.all([
    mountNoteSlot(signal, page, paper, host, { collapsible: true }),
    page.matches.catch((): Array<PaperMatch | null> => []),
  ]);
  if (signal.aborted) return;
  if (match?.noted) slot.open(false);
  handleOpenNoteCommand(signal, () => {
    slot.open(true);
    return true;
  });
}
