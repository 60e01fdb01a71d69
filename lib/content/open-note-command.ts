/**
 * The keyboard command "open the note on this paper" (lib/commands/) reaches the content script
 * as a message; the note feature of the current page run says what opening means there.
 */
let openNote: (() => boolean) | null = null;

/** The current page run's way to open its paper's note, until `signal` aborts (an in-page navigation). */
export function handleOpenNoteCommand(signal: AbortSignal, open: () => boolean): void {
  openNote = open;
  signal.addEventListener('abort', () => {
    if (openNote === open) openNote = null;
  });
}

/** True when the page opened a note. */
export function runOpenNoteCommand(): boolean {
  return openNote?.() ?? false;
}
