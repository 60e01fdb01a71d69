import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { annotatePage, readCurrentPage } from './annotate-page';

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
  void run(false);
  if (options.followsInPageNavigation) ctx.addEventListener(window, 'wxt:locationchange', () => void run(true));
}
