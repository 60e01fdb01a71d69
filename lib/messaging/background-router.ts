import type { Browser, browser } from 'wxt/browser';
import { type ContentRequest, ContentRequestSchema, type ContentResponses, type Envelope } from './protocol';
import { isExtensionPage } from './sender';

/** The hosts whose pages may ask: the two sites the content scripts run on, over https. */
const ANNOTATED_HOSTS = new Set(['arxiv.org', 'huggingface.co']);

function isAnnotatedPage(sender: Browser.runtime.MessageSender, runtimeId: string): boolean {
  if (sender.id !== runtimeId || !sender.tab || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'https:' && ANNOTATED_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
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
