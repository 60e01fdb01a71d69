import type { browser } from 'wxt/browser';
import { type Handlers, serveMessages } from './channel';
import { type ContentRequest, ContentRequestSchema, type ContentResponses } from './protocol/content-to-background';
import { fromContentScriptsOrExtensionPages } from './sender';

export type ContentHandlers = Handlers<ContentRequest, ContentResponses>;

/**
 * Answers content scripts (and the extension's own pages) through the channel helper: sender
 * checked, request parsed, every request answered in the envelope.
 */
export function serveContentRequests(runtime: typeof browser.runtime, handlers: ContentHandlers): void {
  serveMessages(runtime.onMessage as Parameters<typeof serveMessages>[0], {
    schema: ContentRequestSchema,
    allow: fromContentScriptsOrExtensionPages(runtime),
    handlers,
  });
}
