import type { Browser } from 'wxt/browser';
import { isSupportedPage } from '../sites/hosts';

type Sender = Browser.runtime.MessageSender;

/** What the sender policies need of `browser.runtime`. */
export interface RuntimeIdentity {
  id: string;
  getURL(path: string): string;
}

/**
 * True for the extension's own pages (popup, Library, iframe panels): same extension id and a
 * URL in the extension's origin. Content scripts share the id but run on https:// pages, and
 * web pages and other extensions have neither.
 */
export function isExtensionPage(sender: Sender | undefined, runtimeId: string, extensionOrigin: string): boolean {
  return sender?.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** Sender policy: the extension's own pages only (import, note editor). */
export function fromExtensionPages(runtime: RuntimeIdentity): (sender: Sender | undefined) => boolean {
  const origin = runtime.getURL('/');
  return (sender) => isExtensionPage(sender, runtime.id, origin);
}

/**
 * Sender policy: our content scripts on the supported sites' pages (lib/sites/hosts.ts, in a tab),
 * or the extension's own pages.
 */
export function fromContentScriptsOrExtensionPages(runtime: RuntimeIdentity): (sender: Sender | undefined) => boolean {
  const extensionPage = fromExtensionPages(runtime);
  return (sender) =>
    extensionPage(sender) ||
    (sender?.id === runtime.id && sender.tab !== undefined && sender.url !== undefined && isSupportedPage(sender.url));
}

/** Sender policy of a content script's own listener: only its extension can message it (the popup). */
export function fromOwnExtension(runtimeId: string): (sender: Sender | undefined) => boolean {
  return (sender) => sender?.id === runtimeId;
}
