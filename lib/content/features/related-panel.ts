import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { arxivAbsUrl, huggingFaceUrl, paperUrl } from '../../identity/paper-urls';
import { askBackground } from '../../messaging/clients';
import type { RelatedPaper } from '../../messaging/protocol/content-to-background';
import { strengthWord, strongMatches } from '../../related/strength-scale';
import { el, link } from '../dom';
import { describeMemberships } from '../format';
import { type ContentPage, onUserClick, removeOnAbort, seen, toggleQueue, warnUnlessOrphaned } from '../page';
import { PANEL_CSS } from '../styles';
import { pageTheme } from '../theme';

export const DEFAULT_RELATED = 5;
export const MORE_RELATED = 20;
/** Rows of the collapsed panel (settings: panelCollapsed, the default). */
export const COMPACT_RELATED = 3;

/** The strength as a word and a small bar, never the raw score (lib/related/strength-scale.ts). */
function strengthOf(paper: RelatedPaper): HTMLElement {
  const word = strengthWord(paper.strength);
  return el(
    'span',
    { class: 'strength', 'data-testid': 'digestlens-related-strength', title: `${word} match` },
    el('span', { class: 'bar', 'data-level': word }),
    word,
  );
}

/** A collapsed panel's row: the title (one line) and the strength. */
function compactItem(paper: RelatedPaper): HTMLElement {
  return el(
    'li',
    { 'data-testid': 'digestlens-related-item', 'data-paper-id': paper.paperId },
    link(paperUrl(paper), el('span', { class: 'title', title: paper.title }, paper.title)),
    strengthOf(paper),
  );
}

function relatedItem(paper: RelatedPaper): HTMLElement {
  return el(
    'li',
    { 'data-testid': 'digestlens-related-item', 'data-paper-id': paper.paperId },
    link(paperUrl(paper), el('span', { class: 'title' }, paper.title)),
    el(
      'div',
      { class: 'meta' },
      `In your digest${paper.digests.length > 1 ? 's' : ''} of ${describeMemberships(paper.digests)} · `,
      strengthOf(paper),
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
 * root, the page's own paper excluded by the id its lookup found. Collapsed (settings:
 * panelCollapsed, the default), it shows three one-line rows and "More"; open, the top 5 (20 after
 * "More"), each with its digests and the terms it shares. Only matches above the calibrated strength
 * threshold are shown; below it the panel says there is no strong match. Its header holds the page
 * paper's queue toggle (the page's one queue control for it).
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

  const render = (related: RelatedPaper[] | Error, view: { compact: boolean; limit: number }) => {
    if (!container) return;
    const body: Node[] = [];
    const strong = related instanceof Error ? [] : strongMatches(related);
    if (related instanceof Error) {
      body.push(el('p', { class: 'empty' }, 'Related papers could not be computed. Reload the page to try again.'));
    } else if (related.length === 0) {
      body.push(el('p', { class: 'empty' }, 'No related papers in your digests yet. Import digests from the DigestLens toolbar button.'));
    } else if (strong.length === 0) {
      body.push(el('p', { class: 'empty', 'data-testid': 'digestlens-related-none' }, 'No strong matches in your digests.'));
    } else if (view.compact) {
      body.push(el('ol', { class: 'compact' }, ...strong.slice(0, COMPACT_RELATED).map(compactItem)));
      // "More" opens the details (digests, shared terms, links) even when three rows hold every match.
      body.push(moreButton('More', MORE_RELATED));
    } else {
      body.push(el('ol', {}, ...strong.map(relatedItem)));
      // Another page of matches may hold more strong ones only when every one asked for was strong.
      if (view.limit < MORE_RELATED && strong.length === view.limit) body.push(moreButton(`More (up to ${MORE_RELATED})`, MORE_RELATED));
    }
    const panel = el(
      'section',
      {
        class: 'panel',
        'data-testid': 'digestlens-panel',
        'data-state': related instanceof Error ? 'error' : 'ready',
        'data-collapsed': String(view.compact),
        'aria-label': 'Related papers in your digests',
      },
      el('div', { class: 'head' }, el('h2', {}, el('span', { class: 'brand' }, 'DigestLens'), ' · related in your digests'), queueButton),
      ...body,
    );
    container.replaceChildren(panel);
  };

  const moreButton = (label: string, limit: number) => {
    const more = el('button', { type: 'button', 'data-testid': 'digestlens-related-more' }, label);
    onUserClick(more, signal, () => void load({ compact: false, limit }));
    return more;
  };

  const load = async (view: { compact: boolean; limit: number }) => {
    try {
      render(await askBackground({ type: 'related-papers', paper: seen(paper), excludePaperId: pagePaperId, limit: view.limit }), view);
    } catch (error) {
      render(error instanceof Error ? error : new Error(String(error)), view);
    }
  };

  const [[match], settings] = await Promise.all([page.matches.catch(() => []), page.settings]);
  if (signal.aborted) return;
  if (match) {
    pagePaperId = match.paperId;
    show(match.queued);
    follow(match.paperId);
  } else {
    // Not stored yet: a keyboard command or another tab may queue it; then this button follows it.
    page.state.followOnceStored(seen(paper, false), (state) => {
      pagePaperId ??= state.paperId;
      followed = state.paperId;
      show(state.queued);
    });
  }
  await load({ compact: settings.panelCollapsed, limit: DEFAULT_RELATED });
}
