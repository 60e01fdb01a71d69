import type { Browser, browser } from 'wxt/browser';
import { isSupportedPage } from '../sites/hosts';
import { type ContentRequest, ContentRequestSchema, type ContentResponses, type Envelope } from './protocol';
import { isExtensionPage } from './sender';

/** Pages that may ask: the sites the content scripts run on (lib/sites/hosts.ts), over https. */
function isAnnotatedPage(sender: Browser.runtime.MessageSender, runtimeId: string): boolean {
  return sender.id === runtimeId && sender.tab !== undefined && sender.url !== undefined && isSupportedPage(sender.url);
}

export type ContentHandlers = {
  [K in ContentRequest['type']]: (request: Extract<ContentRequest, { type: K }>) => Promise<ContentResponses[K]>;
};

/**
 * Answers content scripts (and the extension's own pages): each message is parsed with the
 * protocol's schema and its sender checked before a handler runs; the answer is always an
 * envelope, so a failure reaches the page as a message rather than an exception.
 */
export function serveContentRequests(runtime: typeof browser.runtime, handlers: ContentHandlers): void {
  const extensionOrigin = runtime.getURL('/');
  runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const parsed = ContentRequestSchema.safeParse(message);
    if (!parsed.success) return undefined; // not ours (or malformed): let other listeners answer
    if (!isAnnotatedPage(sender, runtime.id) && !isExtensionPage(sender, runtime.id, extensionOrigin)) {
      return Promise.resolve<Envelope<never>>({ ok: false, error: 'sender not allowed' });
    }
    const request = parsed.data;
    const handler = handlers[request.type] as (r: ContentRequest) => Promise<unknown>;
    return handler(request).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => {
        console.error('DigestLens: request failed', request.type, error);
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      },
    );
  });
}
