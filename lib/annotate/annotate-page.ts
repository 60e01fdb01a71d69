import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PagePaper } from '../messaging/protocol';
import { readPage } from '../sites';
import type { FoundPaper, PageReading } from '../sites/types';
import { ask } from './ask';
import { type DigestBadge, type MountedUi, mountDigestBadge, mountRelatedMarker } from './badge';
import { el } from './dom';
import { mountNoteFrame } from './note-frame';
import { mountRelatedPanel } from './panel';
import { type PaperStateView, watchPaperState } from './paper-state-client';

/**
 * Strength (0..1, cosine-like: 1 for the same text) above which an unknown paper gets the faint
 * "related to your digests" marker. Over the 38k-paper dataset a paper's best match has a median
 * strength of 0.31 and a 90th percentile of 0.42 (lib/related), so 0.4 marks the closest tenth
 * even in a large corpus. Only papers shown with an abstract are judged: a title alone is too
 * short a query to judge by.
 */
export const RELATED_MARKER_STRENGTH = 0.4;
const MIN_ABSTRACT_FOR_MARKER = 200;

function asPagePaper(found: FoundPaper, withAbstract: boolean): PagePaper {
  return { title: found.title, arxivId: found.arxivId, abstract: withAbstract ? found.abstract : null };
}

interface Removable {
  remove(): void;
}

/**
 * Annotates what the page shows: a badge for each paper in the digests (with queue and note
 * buttons), a faint marker for unknown papers strongly related to them, and on a paper's own page
 * the related-papers panel and the note editor. Aborting `signal` (the page changed in place)
 * removes everything it added, including what was still on its way.
 */
export async function annotatePage(ctx: ContentScriptContext, reading: PageReading, signal: AbortSignal): Promise<void> {
  const mounted: Removable[] = [];
  const keep = <T extends Removable>(ui: T): T => {
    if (signal.aborted) ui.remove();
    else mounted.push(ui);
    return ui;
  };
  signal.addEventListener('abort', () => {
    for (const ui of mounted.splice(0)) ui.remove();
  });
  if (reading.papers.length === 0) return;

  // Queue and note state of every paper this page shows, current from any tab.
  const stateListeners = new Map<string, (state: PaperStateView) => void>();
  const state = watchPaperState(
    signal,
    (view) => {
      for (const listener of stateListeners.values()) listener(view);
    },
    // The background went away: after an extension update or reload this script is orphaned;
    // asking `ctx` lets WXT notice at once and remove everything this script added.
    () => void ctx.isInvalid,
  );
  const follow = (paperId: string, apply: (queued: boolean, noted: boolean) => void) => {
    stateListeners.set(`${paperId}:${stateListeners.size}`, (view) => apply(view.queued.has(paperId), view.noted.has(paperId)));
    state.watch([paperId]);
  };
  const toggleQueue = async (found: FoundPaper, queued: boolean) => {
    const { paperId } = await ask({ type: 'queue-toggle', paper: asPagePaper(found, true), pageUrl: location.href, queued });
    return paperId;
  };
  let noteFrame: Removable | null = null;
  const openNote = async (found: FoundPaper, anchor: Element) => {
    noteFrame?.remove();
    noteFrame = keep(await mountNoteFrame(ctx, anchor, { title: found.title, arxivId: found.arxivId, url: location.href }));
  };

  const [page] = reading.papers;
  const panel = reading.kind === 'paper' && page && reading.panelAnchor ? mountPaperPageUi(page, reading.panelAnchor) : Promise.resolve();

  async function mountPaperPageUi(paper: FoundPaper, anchor: Element) {
    const queueButton = el('button', { type: 'button', 'data-testid': 'digestlens-panel-queue' }, '+ Add to queue');
    let queued = false;
    const show = (isQueued: boolean) => {
      queued = isQueued;
      queueButton.textContent = queued ? '✓ In your queue' : '+ Add to queue';
      queueButton.dataset.queued = String(queued);
    };
    queueButton.addEventListener('click', () => {
      void toggleQueue(paper, !queued).then(
        (paperId) => {
          show(!queued);
          follow(paperId, (q) => show(q));
        },
        (error: unknown) => warnUnlessOrphaned(ctx, error),
      );
    });
    const panelUi = keep(await mountRelatedPanel(ctx, anchor, asPagePaper(paper, true), queueButton));
    // The note editor sits under the panel: an extension page in an iframe, so the note's text
    // never enters this page's DOM.
    if (!signal.aborted) await openNote(paper, panelUi.shadowHost);
    return show;
  }

  const matches = await ask({ type: 'lookup-papers', papers: reading.papers.map((p) => asPagePaper(p, false)) });
  if (signal.aborted) return;
  const badges = reading.papers.flatMap((found, i) => {
    const match = matches[i];
    if (!match || match.digests.length === 0) return [];
    const actions = {
      toggleQueue: async (queued: boolean) => {
        await toggleQueue(found, queued).catch((error: unknown) => warnUnlessOrphaned(ctx, error));
      },
      openNote: () => void openNote(found, found.anchor.closest('dt, dd, li, article, div') ?? found.anchor),
    };
    return [mountDigestBadge(ctx, found, match, actions).then((badge): [string, DigestBadge] => [match.paperId, badge])];
  });
  for (const [paperId, badge] of await Promise.all(badges)) {
    keep(badge.ui);
    follow(paperId, badge.setState);
  }
  const showPageQueued = await panel;
  const pagePaperId = matches[0]?.paperId;
  if (showPageQueued && pagePaperId) follow(pagePaperId, (q) => showPageQueued(q));

  // Markers come last and never hold up the badges: ranking every unknown paper costs more.
  const unknown =
    reading.kind === 'list'
      ? reading.papers.filter((p, i) => !matches[i]?.digests.length && (p.abstract?.length ?? 0) >= MIN_ABSTRACT_FOR_MARKER)
      : [];
  if (unknown.length > 0 && !signal.aborted) {
    const strengths = await ask({ type: 'related-strength', papers: unknown.map((p) => asPagePaper(p, true)) });
    const markers = unknown.flatMap((found, i) => ((strengths[i] ?? 0) >= RELATED_MARKER_STRENGTH ? [mountRelatedMarker(ctx, found)] : []));
    for (const ui of await Promise.all(markers)) keep(ui as MountedUi);
  }
}

/**
 * A failed request from a click: after the extension was updated or reloaded, this script is
 * orphaned and every request fails ("Extension context invalidated"); that is expected and WXT
 * removes the UI. Anything else is worth a warning, never an uncaught error on the host page.
 */
export function warnUnlessOrphaned(ctx: ContentScriptContext, error: unknown): void {
  if (!ctx.isInvalid) console.warn('DigestLens: the request failed', error);
}

/** Reads the current page with the site adapters. */
export function readCurrentPage(): PageReading | null {
  return readPage(document, new URL(location.href));
}
