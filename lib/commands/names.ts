/**
 * The keyboard commands DigestLens declares in its manifest (wxt.config.ts) and the background
 * handles (lib/commands/serve-commands.ts), written once. Chrome lets the user rebind them at
 * chrome://extensions/shortcuts, Firefox at about:addons → Manage Extension Shortcuts.
 * "Open the popup" is the browser's own `_execute_action` (`_execute_browser_action` in MV2).
 */
export const QUEUE_PAPER_COMMAND = 'queue-paper';
export const OPEN_NOTE_COMMAND = 'open-note';

export type PageCommand = typeof QUEUE_PAPER_COMMAND | typeof OPEN_NOTE_COMMAND;

/** The manifest's `commands`, with default keys (Alt+Shift: free on arXiv and Hugging Face, and in both browsers). */
export function manifestCommands(manifestVersion: 2 | 3) {
  return {
    [QUEUE_PAPER_COMMAND]: { suggested_key: { default: 'Alt+Shift+Q' }, description: 'Queue the paper of this tab' },
    [OPEN_NOTE_COMMAND]: { suggested_key: { default: 'Alt+Shift+N' }, description: 'Open your note on the paper of this tab' },
    [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
      suggested_key: { default: 'Alt+Shift+D' },
      description: 'Open the DigestLens popup',
    },
  };
}
