import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { askBackground } from '../messaging/clients';
import type { PaperMatch } from '../messaging/protocol/content-to-background';
import type { SeenPaper } from '../messaging/protocol/shared';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import type { FoundPaper, PageReading } from '../sites/types';
import { followPaperState } from './paper-state';

/** A site adapter's reader (lib/sites/arxiv.ts or huggingface.ts: each content script bundles its own). */
export type PageReader = (doc: Document, url: URL) => PageReading | null;

/** What every feature's `init(signal, page)` gets: the page read once, and what all features share. */
export interface ContentPage {
  ctx: ContentScriptContext;
  reading: PageReading;
  /** The page's papers as read, each with this page's address. */
  papers: FoundPaper[];
  /** The one lookup of this page's papers: digests, queue and note state of each (null: not in the corpus). */
  matches: Promise<Array<PaperMatch | null>>;
  /** The user's settings, asked once per page (the defaults when the background cannot answer). */
  settings: Promise<Settings>;
  /** Later queue and note changes of the papers this page shows. */
  state: ReturnType<typeof followPaperState>;
  /** The related panel's host once mounted (the note frame goes under it), or the panel anchor without one. */
  panelHost: Promise<Element | null>;
  setPanelHost(host: Element | null): void;
  /** Reads the page again and restarts every feature (after a capture added its papers to the digests). */
  refresh(): void;
}

/** A paper as a request names it: what the page shows, without the element. */
export function seen(found: FoundPaper, withAbstract = true): SeenPaper {
  return {
    title: found.title,
    arxivId: found.arxivId,
    abstract: withAbstract ? found.abstract : null,
    authors: withAbstract ? found.authors : null,
    url: found.url,
  };
}

/** Reads nothing itself: opens the state port first (so no change is missed), then asks the one lookup. */
export function contentPage(
  ctx: ContentScriptContext,
  reading: PageReading,
  signal: AbortSignal,
  refresh: () => void = () => {},
): ContentPage {
  const papers = reading.papers.map((p) => ({ ...p, url: location.href }));
  // The background went away: after an extension update or reload this script is orphaned;
  // asking `ctx` lets WXT notice at once and remove everything this script added.
  const lookup = (seenPapers: SeenPaper[]) => askBackground({ type: 'lookup-papers', papers: seenPapers });
  const state = followPaperState(signal, () => void ctx.isInvalid, lookup);
  const matches = papers.length > 0 ? lookup(papers.map((p) => seen(p, false))) : Promise.resolve([]);
  // A failed lookup is reported by whoever awaits it; this one only keeps it from being "unhandled".
  matches.catch(() => {});
  const settings = askBackground({ type: 'read-settings' }).catch(() => DEFAULT_SETTINGS);
  let setPanelHost: (host: Element | null) => void = () => {};
  const panelHost = new Promise<Element | null>((resolve) => {
    setPanelHost = resolve;
  });
  return { ctx, reading, papers, matches, settings, state, panelHost, setPanelHost, refresh };
}

/** Removes `ui` when the page's signal aborts (or now, if it already has). */
export function removeOnAbort<T extends { remove(): void }>(signal: AbortSignal, ui: T): T {
  if (signal.aborted) ui.remove();
  else signal.addEventListener('abort', () => ui.remove(), { once: true });
  return ui;
}

/**
 * A failed request from a click: after the extension was updated or reloaded, this script is
 * orphaned and every request fails ("Extension context invalidated"); that is expected and WXT
 * removes the UI. Anything else is worth a warning, never an uncaught error on the host page.
 */
export function warnUnlessOrphaned(ctx: ContentScriptContext, error: unknown): void {
  if (!ctx.isInvalid) console.warn('DigestLens: the request failed', error);
}

/** Queues (or unqueues) a paper the page shows, the stored one its lookup matched if any; resolves with its stored id. */
export async function toggleQueue(found: FoundPaper, matchedId: string | null, queued: boolean): Promise<string> {
  const { paperId } = await askBackground({ type: 'queue-toggle', paper: seen(found), paperId: matchedId, queued });
  return paperId;
}

/** A click the user made: the page's own scripts can dispatch clicks, but never trusted ones. */
export function onUserClick(button: HTMLElement, signal: AbortSignal, act: (event: MouseEvent) => void): void {
  button.addEventListener(
    'click',
    (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (event.isTrusted) act(event);
    },
    { signal },
  );
}
