import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import * as badges from './features/badges';
import * as capture from './features/capture';
import * as keyboardWalk from './features/keyboard-walk';
import * as learnArxivIds from './features/learn-arxiv-ids';
import * as noteFrame from './features/note-frame';
import * as paperActions from './features/paper-actions';
import * as relatedMarker from './features/related-marker';
import * as relatedPanel from './features/related-panel';
import * as summary from './features/summary';
import { contentPage, type PageReader } from './page';
import { answerPagePaperQueries } from './page-paper-query';
import { ignoreStartedEventsFromThePage } from './page-proof-context';
import { siteIsOn } from './site-switch';

/** A content feature, refined-github style: one file, one `init` that hangs everything it adds on `signal`. */
interface Feature {
  init(signal: AbortSignal, page: ReturnType<typeof contentPage>): Promise<void>;
}

/** Every feature, in the order they start (they then run side by side). */
const FEATURES: Record<string, Feature> = {
  badges,
  paperActions,
  relatedPanel,
  noteFrame,
  relatedMarker,
  learnArxivIds,
  capture,
  summary,
  keyboardWalk,
};

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
 * Reads the page once with the site's adapter and starts every feature on it; on sites that change
 * pages without reloading, does it again after every in-page navigation, aborting the previous run
 * first, which removes everything it added (each feature passes its signal to every listener and
 * UI). `ctx` owns the rest, so an extension update stops the old script cleanly.
 */
export function runFeatures(ctx: ContentScriptContext, options: { read: PageReader; followsInPageNavigation: boolean }): void {
  ignoreStartedEventsFromThePage(ctx);
  let current: AbortController | null = null;
  ctx.onInvalidated(() => current?.abort());
  const run = async (afterNavigation: boolean) => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    if (afterNavigation) await domSettled(controller.signal);
    if (controller.signal.aborted) return;
    let reading: ReturnType<PageReader> = null;
    try {
      reading = options.read(document, new URL(location.href));
    } catch {
      // Page markup is outside our control; a surprise there must not break the page or the extension.
    }
    if (!reading || reading.papers.length === 0) return;
    const page = contentPage(ctx, reading, controller.signal, () => void run(false));
    if (!siteIsOn(await page.settings, location.hostname) || controller.signal.aborted) return;
    await Promise.all(
      Object.entries(FEATURES).map(([name, feature]) =>
        feature.init(controller.signal, page).catch((error: unknown) => {
          // The extension was reloaded or the background is unreachable: leave the page as it is.
          if (!ctx.isInvalid) console.warn(`DigestLens: ${name} could not run on this page`, error);
        }),
      ),
    );
  };
  answerPagePaperQueries(ctx, options.read, () => void run(false));
  void run(false);
  if (options.followsInPageNavigation) {
    // The page can dispatch WXT's location-change event too, but not WXT's own event object: an
    // event made in the page's world has no `newUrl` here (properties do not cross worlds). The
    // event comes from the Navigation API's `navigate`, before `location` changes: its `newUrl` says where.
    let readAt = location.href;
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      const next = (event as { newUrl?: unknown }).newUrl;
      if (!(next instanceof URL) || next.href === readAt) return;
      readAt = next.href;
      void run(true);
    });
  }
}
