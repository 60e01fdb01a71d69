import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { arxivAbsUrl, huggingFaceUrl, paperUrl } from '../../identity/paper-urls';
import { askBackground } from '../../messaging/clients';
import type { RelatedPaper } from '../../messaging/protocol/content-to-background';
import { el, link } from '../dom';
import { describeMemberships } from '../format';
import { type ContentPage, onUserClick, removeOnAbort, seen, toggleQueue, warnUnlessOrphaned } from '../page';
import { PANEL_CSS } from '../styles';
import { pageTheme } from '../theme';

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
 * On a paper's own page: the "related in your digests" panel under the abstract, in a CLOSED shadow
 * root. It asks for the top papers (5, or 20 after the user clicks "More"), the page's own paper
 * excluded by the id its lookup found, and explains each with the terms it shares. Its header holds
 * the page paper's queue toggle.
 */
export async function init(signal: AbortSignal, page: ContentPage): Promise<void> {
  const [paper] = page.papers;
  const anchor = page.reading.panelAnchor;
  if (page.reading.kind !== 'paper' || !paper || !anchor) return page.setPanelHost(null);

  const queueButton = el('button', { type: 'button', 'data-testid': 'digestlens-panel-queue' }, '+ Add to queue');
  let queued = false;
  const show = (isQueued: boolean) => {
    queued = isQueued;
    queueButton.textContent = queued ? '✓ In your queue' : '+ Add to queue';
    queueButton.dataset.queued = String(queued);
  };
  /** The stored paper the page's lookup matched, once it answers. */
  let pagePaperId: string | null = null;
  let followed: string | null = null;
  const follow = (paperId: string) => {
    if (followed === paperId) return;
    followed = paperId;
    page.state.follow(paperId, (state) => show(state.queued));
  };
  onUserClick(queueButton, signal, () => {
    void toggleQueue(paper, pagePaperId, !queued).then(
      (paperId) => {
        pagePaperId ??= paperId;
        show(!queued);
        follow(paperId);
      },
      (error: unknown) => warnUnlessOrphaned(page.ctx, error),
    );
  });

  let container: HTMLElement | null = null;
  const ui = await createShadowRootUi(page.ctx, {
    name: 'digestlens-panel',
    mode: 'closed',
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
  ui.mount();
  removeOnAbort(signal, ui);
  // The note editor sits under the panel: an extension page in an iframe, so the note's text
  // never enters this page's DOM.
  page.setPanelHost(ui.shadowHost);

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
        onUserClick(more, signal, () => void load(MORE_RELATED));
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
      el('div', { class: 'head' }, el('h2', {}, el('span', { class: 'brand' }, 'DigestLens'), ' · related in your digests'), queueButton),
      ...body,
    );
    container.replaceChildren(panel);
  };

  const load = async (limit: number) => {
    try {
      render(await askBackground({ type: 'related-papers', paper: seen(paper), excludePaperId: pagePaperId, limit }), limit);
    } catch (error) {
      render(error instanceof Error ? error : new Error(String(error)), limit);
    }
  };

  const [match] = await page.matches.catch(() => []);
  if (signal.aborted) return;
  if (match) {
    pagePaperId = match.paperId;
    show(match.queued);
    follow(match.paperId);
  }
  await load(DEFAULT_RELATED);
}
