/**
 * The framed note editor asks the page's content script to close it: Escape inside the editor
 * (keys typed in the frame never reach the host page or the content script). The message carries
 * no note text, only this constant; the content script accepts it only from its own frame's window
 * and the extension's origin (lib/content/features/note-frame.ts), so a page posting the same
 * message cannot close anything.
 */
export const CLOSE_NOTE_MESSAGE = 'digestlens:close-note';

/** In the framed editor: Escape (outside an IME composition) asks the page around it to close the note. */
export function requestCloseOnEscape(win: Window): void {
  win.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
    win.parent.postMessage(CLOSE_NOTE_MESSAGE, '*');
  });
}
