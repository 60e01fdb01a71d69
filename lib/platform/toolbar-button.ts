/**
 * The toolbar button's API. Chrome's Manifest V3 build calls it `action`; Firefox's Manifest V2
 * build (a persistent background page, wxt.config.ts) calls it `browserAction`. The one place
 * that knows; tests/firefox/notes-queue.test.ts reads the queue count from it in Firefox.
 */
import { browser } from 'wxt/browser';

/** What both browsers' button APIs share, and all DigestLens uses: the badge on the button. */
export interface ToolbarButton {
  setBadgeText(details: { text: string }): Promise<void> | void;
}

export function toolbarButton(api: { action?: ToolbarButton; browserAction?: ToolbarButton } = browser): ToolbarButton {
  const button = api.action ?? api.browserAction;
  if (!button) throw new Error('this browser has neither `action` nor `browserAction`: no toolbar button');
  return button;
}
