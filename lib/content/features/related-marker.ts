import { paperUrl } from '../../identity/paper-urls';
import { askBackground } from '../../messaging/clients';
import type { RelatedPaper } from '../../messaging/protocol/content-to-background';
import type { FoundPaper } from '../../sites/types';
import { mountBesideTitle } from '../badge-ui';
import { el, link } from '../dom';
import { type ContentPage, onUserClick, removeOnAbort, seen } from '../page';

/**
 * Strength (0..1, cosine-like: 1 for the same text) above which an unknown paper gets the faint
 * "related to your digests" marker. Over the 38k-paper dataset a paper's best match has a median
 * strength of 0.31 and a 90th percentile of 0.42 (lib/related), so 0.4 marks the closest tenth
 * even in a large corpus. Only papers shown with an abstract are judged: a title alone is too
 * short a query to judge by.
 */
export const RELATED_MARKER_STRENGTH = 0.4;
const MIN_ABSTRACT_FOR_MARKER = 200;
/** The digest papers a marker names, at most. */
const MARKER_NAMES = 3;

/**
 * On lists: a faint marker beside each paper not in the digests but strongly related to them,
 * unless the user turned it off (settings: relatedMarker). It names the digest papers it relates
 * to (its tooltip) and, when clicked, lists them with links. Asked after the lookup, so markers
 * never hold up the badges (ranking every unknown paper costs more).
 */
export async function init(signal: AbortSignal, page: ContentPage): Promise<void> {
  if (page.reading.kind !== 'list') return;
  const [matches, settings] = await Promise.all([page.matches, page.settings]);
  if (!settings.relatedMarker) return;
  const unknown = page.papers.filter((p, i) => !matches[i]?.digests.length && (p.abstract?.length ?? 0) >= MIN_ABSTRACT_FOR_MARKER);
  if (unknown.length === 0 || signal.aborted) return;
  const related = await askBackground({
    type: 'related-to-digests',
    papers: unknown.map((p) => seen(p)),
    minStrength: RELATED_MARKER_STRENGTH,
    limit: MARKER_NAMES,
  });
  if (signal.aborted) return;
  await Promise.all(
    unknown.map(async (found, i) => {
      const papers = related[i] ?? [];
      if (papers.length > 0) removeOnAbort(signal, await mountMarker(signal, page, found, papers));
    }),
  );
}

function mountMarker(signal: AbortSignal, page: ContentPage, found: FoundPaper, papers: RelatedPaper[]) {
  const names = papers.map((p) => `“${p.title}”`).join(', ');
  const toggle = el(
    'button',
    {
      type: 'button',
      class: 'badge related',
      'data-testid': 'digestlens-related-marker',
      'aria-expanded': 'false',
      title: `DigestLens: related to ${names} in your digests`,
    },
    '≈ related to your digests',
  );
  const list = el(
    'span',
    { class: 'related-list', 'data-testid': 'digestlens-marker-papers', hidden: '' },
    'Related to: ',
    ...papers.flatMap((p, i) => [i > 0 ? ' · ' : '', link(paperUrl(p), p.title)]),
  );
  onUserClick(toggle, signal, () => {
    const open = list.hidden;
    list.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  });
  return mountBesideTitle(page.ctx, 'digestlens-marker', found, (container) => container.append(toggle, list));
}
