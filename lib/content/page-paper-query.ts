import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { serveMessages } from '../messaging/channel';
import { type PopupRequest, PopupRequestSchema, type PopupResponses } from '../messaging/protocol/popup-to-content';
import { fromOwnExtension } from '../messaging/sender';
import { capturePage } from './capture-page';
import { runOpenNoteCommand } from './open-note-command';
import type { PageReader } from './page';

/**
 * Answers the popup's "which paper is this?" for its This page view: the page's own paper on a
 * paper page (read afresh, as the page may have changed in place), else null; its "Add this
 * page to my digests" (then `refresh` restarts the features, so the new badges show); and the
 * keyboard command "open its note", sent by the background.
 */
export function answerPagePaperQueries(ctx: ContentScriptContext, read: PageReader, refresh: () => void = () => {}): void {
  const stop = serveMessages<PopupRequest, PopupResponses>(browser.runtime.onMessage as Parameters<typeof serveMessages>[0], {
    schema: PopupRequestSchema,
    allow: fromOwnExtension(browser.runtime.id),
    handlers: {
      'page-paper': () => {
        const reading = read(document, new URL(location.href));
        const paper = reading?.kind === 'paper' ? reading.papers[0] : undefined;
        if (!paper) return null;
        const { anchor: _anchor, role: _role, ...seen } = paper;
        return { ...seen, url: location.href };
      },
      'open-note': () => runOpenNoteCommand(),
      // The popup's "Add this page to my digests": the same capture as the page's own control.
      'capture-page': async () => {
        const outcome = await capturePage(document, new URL(location.href));
        if (outcome.ok && outcome.added) refresh();
        return outcome;
      },
    },
  });
  ctx.onInvalidated(stop);
}
