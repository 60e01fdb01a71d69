import { askBackground } from '../../messaging/clients';
import { mountBesideTitle } from '../badge-ui';
import { el } from '../dom';
import { type ContentPage, removeOnAbort, seen } from '../page';

/**
 * Strength (0..1, cosine-like: 1 for the same text) above which an unknown paper gets the faint
 * "related to your digests" marker. Over the 38k-paper dataset a paper's best match has a median
 * strength of 0.31 and a 90th percentile of 0.42 (lib/related), so 0.4 marks the closest tenth
 * even in a large corpus. Only papers shown with an abstract are judged: a title alone is too
 * short a query to judge by.
 */
export const RELATED_MARKER_STRENGTH = 0.4;
const MIN_ABSTRACT_FOR_MARKER = 200;

/**
 * On lists: a faint marker beside each paper not in the digests but strongly related to them.
 * Asked after the lookup, so markers never hold up the badges (ranking every unknown paper costs more).
 */
export async function init(signal: AbortSignal, page: ContentPage): Promise<void> {
  if (page.reading.kind !== 'list') return;
  const matches = await page.matches;
  const unknown = page.papers.filter((p, i) => !matches[i]?.digests.length && (p.abstract?.length ?? 0) >= MIN_ABSTRACT_FOR_MARKER);
  if (unknown.length === 0 || signal.aborted) return;
  const strengths = await askBackground({ type: 'related-strength', papers: unknown.map((p) => seen(p)) });
  if (signal.aborted) return;
  const related = unknown.filter((_, i) => (strengths[i] ?? 0) >= RELATED_MARKER_STRENGTH);
  await Promise.all(
    related.map(async (found) => {
      const ui = await mountBesideTitle(page.ctx, 'digestlens-marker', found, (container) => {
        container.append(
          el(
            'span',
            { class: 'badge related', 'data-testid': 'digestlens-related-marker', title: 'DigestLens: related to papers in your digests' },
            '≈ related to your digests',
          ),
        );
      });
      removeOnAbort(signal, ui);
    }),
  );
}
