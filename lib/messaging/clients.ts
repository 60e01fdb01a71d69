import { browser } from 'wxt/browser';
import { messageClient } from './channel';
import type { ContentRequest, ContentResponses } from './protocol/content-to-background';
import type { PopupRequest, PopupResponses } from './protocol/popup-to-content';

/** Asks the background (from a content script or an extension page); rejects with a ChannelError. */
export const askBackground = messageClient<ContentRequest, ContentResponses>((request) => browser.runtime.sendMessage(request));

/** Asks the content script of one tab (from the popup); rejects with a ChannelError when there is none. */
export function askTab(tabId: number, timeoutMs?: number) {
  return messageClient<PopupRequest, PopupResponses>((request) => browser.tabs.sendMessage(tabId, request), timeoutMs);
}
