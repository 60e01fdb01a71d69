import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { arxivAbsUrl, huggingFaceUrl, paperUrl } from '../identity/paper-urls';
import type { PagePaper, RelatedPaper } from '../messaging/protocol';
import { ask } from './ask';
import type { MountedUi } from './badge';
import { el, link } from './dom';
import { describeMemberships } from './format';
import { PANEL_CSS } from './styles';
import { pageTheme } from './theme';

export const DEFAULT_RELATED = 5;
export const MORE_RELATED = 20;

function relatedItem(paper: RelatedPaper): HTMLElement {
  return el(
    'li',
    { 'data-testid': 'digestlens-related-item', 'data-paper-id': paper.paperId },
    link(paperUrl(paper), el('span', { class: 'title' }, paper.title)),
    el(
      'div',
      { class: 'meta' },
      `In your digest${paper.digests.length > 1 ? 's' : ''} of ${describeMemberships(paper.digests)} · score ${paper.score.toFixed(1)}`,
    ),
    paper.terms.length > 0 &&
      el(
        'div',
        { class: 'why', 'data-testid': 'digestlens-related-terms' },
        'Shared terms: ',
        ...paper.terms.map((t) => el('span', { class: 'term' }, t)),
      ),
    el(
      'div',
      { class: 'links' },
      paper.arxivId && link(arxivAbsUrl(paper.arxivId), 'arXiv'),
      link(huggingFaceUrl(paper), paper.arxivId ? 'Hugging Face' : 'Search on Hugging Face'),
    ),
  );
}

/**
 * The "related in your digests" panel under a paper page's abstract. It asks the background for
 * the top papers (5, or 20 after "More") and explains each with the terms it shares.
 */
export async function mountRelatedPanel(
  ctx: ContentScriptContext,
  anchor: Element,
  paper: PagePaper,
  headerAction: Node,
): Promise<MountedUi> {
  let container: HTMLElement | null = null;
  const ui = await createShadowRootUi(ctx, {
    name: 'digestlens-panel',
    position: 'inline',
    anchor,
    append: 'after',
    css: PANEL_CSS,
    onMount: (root) => {
      root.className = 'theme';
      root.dataset.theme = pageTheme(anchor);
      container = root;
    },
  });

  const render = (related: RelatedPaper[] | Error, limit: number) => {
    if (!container) return;
    const body: Node[] = [];
    if (related instanceof Error) {
      body.push(el('p', { class: 'empty' }, 'Related papers could not be computed. Reload the page to try again.'));
    } else if (related.length === 0) {
      body.push(el('p', { class: 'empty' }, 'No related papers in your digests yet. Import digests from the DigestLens toolbar button.'));
    } else {
      body.push(el('ol', {}, ...related.map(relatedItem)));
      if (limit < MORE_RELATED && related.length === limit) {
        const more = el('button', { type: 'button', 'data-testid': 'digestlens-related-more' }, `More (up to ${MORE_RELATED})`);
        more.addEventListener('click', () => void load(MORE_RELATED));
        body.push(more);
      }
    }
    const panel = el(
      'section',
      {
        class: 'panel',
        'data-testid': 'digestlens-panel',
        'data-state': related instanceof Error ? 'error' : 'ready',
        'aria-label': 'Related papers in your digests',
      },
      el('div', { class: 'head' }, el('h2', {}, el('span', { class: 'brand' }, 'DigestLens'), ' · related in your digests'), headerAction),
      ...body,
    );
    container.replaceChildren(panel);
  };

  const load = async (limit: number) => {
    try {
      render(await ask({ type: 'related-papers', paper, limit }), limit);
    } catch (error) {
      render(error instanceof Error ? error : new Error(String(error)), limit);
    }
  };

  ui.mount();
  await load(DEFAULT_RELATED);
  return ui;
}
