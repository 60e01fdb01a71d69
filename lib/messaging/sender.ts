import type { Browser } from 'wxt/browser';

/**
 * True for the extension's own pages (popup, Library, iframe panels): same extension id and a
 * URL in the extension's origin. Content scripts share the id but run on https:// pages, and
 * web pages and other extensions have neither.
 */
export function isExtensionPage(sender: Browser.runtime.MessageSender | undefined, runtimeId: string, extensionOrigin: string): boolean {
  return sender?.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
