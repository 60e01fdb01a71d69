import { browser } from 'wxt/browser';
import { type DigestLensDB, setQueuedFromPage } from '../db';
import { askTab } from '../messaging/clients';
import { noteEditorPath } from '../notes/note-editor-url';
import { OPEN_NOTE_COMMAND, type PageCommand, QUEUE_PAPER_COMMAND } from './names';
import { PAGE_PAPER_TIMEOUT_MS, paperOfTab } from './tab-paper';

type CommandTab = { id?: number; url?: string };

/** What a command did, for the tests (the user sees it on the page, the icon's count or a new tab). */
export type CommandOutcome = 'queued' | 'note-opened-in-page' | 'note-opened-in-tab' | 'no-paper';

/**
 * Runs one keyboard command on the tab it was pressed in:
 * - queue-paper: the tab's paper joins the reading queue (stored from the page's own data when new;
 *   on a PDF tab, by its arXiv id). The page's badges and the toolbar count follow by themselves.
 * - open-note: the page opens its note editor under the paper (and focuses it); where no content
 *   script can (a PDF tab), the editor opens in a new tab.
 */
export async function runCommand(db: DigestLensDB, command: PageCommand, tab: CommandTab | undefined): Promise<CommandOutcome> {
  if (!tab) return 'no-paper';
  if (command === OPEN_NOTE_COMMAND && tab.id !== undefined) {
    const opened = await askTab(tab.id, PAGE_PAPER_TIMEOUT_MS)({ type: 'open-note' }).catch(() => false);
    if (opened) return 'note-opened-in-page';
  }
  const paper = await paperOfTab(tab);
  if (!paper) return 'no-paper';
  if (command === QUEUE_PAPER_COMMAND) {
    await setQueuedFromPage(db, paper, paper.url ?? tab.url ?? '', true);
    return 'queued';
  }
  // A path, not runtime.getURL: with `use_dynamic_url` (wxt.config.ts) getURL gives the address
  // web pages may frame, which Chrome refuses as a tab of its own; the path is the extension's own.
  await browser.tabs.create({ url: noteEditorPath(paper, null) });
  return 'note-opened-in-tab';
}

function isPageCommand(command: string): command is PageCommand {
  return command === QUEUE_PAPER_COMMAND || command === OPEN_NOTE_COMMAND;
}

/**
 * Listens for the manifest's commands (lib/commands/names.ts); `_execute_action` is the browser's
 * own. Returns the handler as registered, so that tests can run it as the browser would: no
 * DevTools protocol can press a global shortcut.
 */
export function serveCommands(db: DigestLensDB): (command: string, tab?: CommandTab) => Promise<CommandOutcome> {
  const handle = async (command: string, tab?: CommandTab): Promise<CommandOutcome> => {
    if (!isPageCommand(command)) return 'no-paper';
    try {
      return await runCommand(db, command, tab);
    } catch (error) {
      console.warn(`DigestLens: the ${command} command failed`, error);
      return 'no-paper';
    }
  };
  // Firefox passes the tab since 86, Chrome since MV3; `commands` is absent where no command is declared.
  browser.commands?.onCommand.addListener((command, tab) => void handle(command, tab));
  return handle;
}
