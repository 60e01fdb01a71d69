import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PagePaper } from '../messaging/protocol';
import { readPage } from '../sites';
import type { FoundPaper, PageReading } from '../sites/types';
import { ask } from './ask';
import { type MountedUi, mountDigestBadge, mountRelatedMarker } from './badge';
import { mountRelatedPanel } from './panel';

/**
 * Strength (0..1, the best hit's score over the query's own) above which an unknown paper gets
 * the faint "related to your digests" marker. Only papers shown with an abstract are judged: a
 * title alone is too short a query, its strength is high by chance (seen on the 2017 listing).
 * On the saved pages with the sample digests, the strongest pairs (0.45-0.47) are same-topic.
 */
export const RELATED_MARKER_STRENGTH = 0.4;
const MIN_ABSTRACT_FOR_MARKER = 200;

function asPagePaper(found: FoundPaper, withAbstract: boolean): PagePaper {
  return { title: found.title, arxivId: found.arxivId, abstract: withAbstract ? found.abstract : null };
}

/**
 * Annotates what the page shows: a badge for each paper in the digests, a faint marker for
 * unknown papers strongly related to them, and on a paper's own page the related-papers panel.
 * Aborting `signal` (the page changed in place) removes everything it added, including what
 * was still on its way.
 */
export async function annotatePage(ctx: ContentScriptContext, reading: PageReading, signal: AbortSignal): Promise<void> {
  const mounted: MountedUi[] = [];
  const keep = (ui: MountedUi) => {
    if (signal.aborted) ui.remove();
    else mounted.push(ui);
  };
  signal.addEventListener('abort', () => {
    for (const ui of mounted.splice(0)) ui.remove();
  });
  if (reading.papers.length === 0) return;

  const [page] = reading.papers;
  const panel =
    reading.kind === 'paper' && page && reading.panelAnchor
      ? mountRelatedPanel(ctx, reading.panelAnchor, asPagePaper(page, true)).then(keep)
      : Promise.resolve();

  const matches = await ask({ type: 'lookup-papers', papers: reading.papers.map((p) => asPagePaper(p, false)) });
  if (signal.aborted) return;
  const badges = reading.papers.flatMap((found, i) => {
    const match = matches[i];
    return match && match.digests.length > 0 ? [mountDigestBadge(ctx, found, match)] : [];
  });
  for (const ui of await Promise.all(badges)) keep(ui);
  await panel;

  // Markers come last and never hold up the badges: ranking every unknown paper costs more.
  const unknown =
    reading.kind === 'list'
      ? reading.papers.filter((p, i) => !matches[i]?.digests.length && (p.abstract?.length ?? 0) >= MIN_ABSTRACT_FOR_MARKER)
      : [];
  if (unknown.length > 0 && !signal.aborted) {
    const strengths = await ask({ type: 'related-strength', papers: unknown.map((p) => asPagePaper(p, true)) });
    const markers = unknown.flatMap((found, i) => ((strengths[i] ?? 0) >= RELATED_MARKER_STRENGTH ? [mountRelatedMarker(ctx, found)] : []));
    for (const ui of await Promise.all(markers)) keep(ui);
  }
}

/** Reads the current page with the site adapters. */
export function readCurrentPage(): PageReading | null {
  return readPage(document, new URL(location.href));
}
