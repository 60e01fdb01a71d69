import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type PagePaperAnswer, PagePaperQuerySchema } from '../messaging/protocol';
import { annotatePage, readCurrentPage } from './annotate-page';

/**
 * Answers the popup's "which paper is this?" for its This page view: the page's own paper on a
 * paper page, else nothing. Only the extension itself can send to a content script.
 */
function answerPagePaperQueries(ctx: ContentScriptContext): void {
  const listener = (message: unknown): Promise<PagePaperAnswer> | undefined => {
    if (!PagePaperQuerySchema.safeParse(message).success) return undefined;
    const reading = readCurrentPage();
    const paper = reading?.kind === 'paper' ? reading.papers[0] : undefined;
    return Promise.resolve(paper ? { title: paper.title, arxivId: paper.arxivId, abstract: paper.abstract } : null);
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

/** Resolves once the page has stopped changing for `quietMs` (or after `maxMs`), or on abort. */
function domSettled(signal: AbortSignal, quietMs = 150, maxMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs);
    const deadline = setTimeout(done, maxMs);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', done);
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
      resolve();
    }
  });
}

/**
 * Runs the annotator for the page now and, on sites that change pages without reloading, again
 * after every in-page navigation: the previous run's UI is removed (its signal aborted) first.
 * `ctx` owns the listeners, so an extension update stops the old script cleanly.
 */
export function runAnnotator(ctx: ContentScriptContext, options: { followsInPageNavigation: boolean }): void {
  let current: AbortController | null = null;
  ctx.onInvalidated(() => current?.abort());
  const run = async (afterNavigation: boolean) => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    if (afterNavigation) await domSettled(controller.signal);
    if (controller.signal.aborted) return;
    const reading = readCurrentPage();
    if (!reading) return;
    try {
      await annotatePage(ctx, reading, controller.signal);
    } catch (error) {
      // The extension was reloaded or the background is unreachable: leave the page as it is.
      if (!ctx.isInvalid) console.warn('DigestLens: could not annotate this page', error);
    }
  };
  answerPagePaperQueries(ctx);
  void run(false);
  if (options.followsInPageNavigation) ctx.addEventListener(window, 'wxt:locationchange', () => void run(true));
}
