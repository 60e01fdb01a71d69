import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { PaperMatch } from '../messaging/protocol';
import type { FoundPaper } from '../sites/types';
import { el } from './dom';
import { describeMemberships, shortDigestDate } from './format';
import { BADGE_CSS } from './styles';
import { pageTheme } from './theme';

export type MountedUi = ShadowRootContentScriptUi<void>;

/**
 * Beside a title: inside a title block as its last child, or after a title link (so the badge
 * is not part of the link). Either way it sits on the title's line and the title does not move.
 */
function placeBeside(anchor: Element, host: Element): void {
  if (anchor.tagName === 'A') anchor.after(host);
  else anchor.append(host);
}

async function mountBadgeUi(
  ctx: ContentScriptContext,
  name: 'digestlens-badge' | 'digestlens-marker',
  found: FoundPaper,
  render: (container: HTMLElement) => void,
): Promise<MountedUi> {
  const ui = await createShadowRootUi(ctx, {
    name,
    position: 'inline',
    anchor: found.anchor,
    append: placeBeside,
    css: BADGE_CSS,
    onMount: (container) => {
      container.className = 'theme';
      container.dataset.theme = pageTheme(found.anchor);
      render(container);
    },
  });
  ui.mount();
  return ui;
}

export interface BadgeActions {
  toggleQueue(queued: boolean): Promise<void>;
  openNote(): void;
}

export interface DigestBadge {
  ui: MountedUi;
  /** Shows whether the paper is queued and has a note (kept current from any tab). */
  setState(queued: boolean, noted: boolean): void;
}

/**
 * The badge of a paper that is in the user's digests: newest digest date, upvotes, how many more;
 * then a queue toggle and a note button. Buttons stop the click from reaching the page (the badge
 * may sit in a title link's block).
 */
export async function mountDigestBadge(
  ctx: ContentScriptContext,
  found: FoundPaper,
  match: PaperMatch,
  actions: BadgeActions,
): Promise<DigestBadge> {
  let queued = false;
  const queueButton = el('button', { type: 'button', class: 'action', 'data-testid': 'digestlens-queue-toggle' });
  const noteButton = el('button', {
    type: 'button',
    class: 'action',
    'data-testid': 'digestlens-note-open',
    title: 'Your private note on this paper',
  });
  const setState = (isQueued: boolean, noted: boolean) => {
    queued = isQueued;
    queueButton.textContent = queued ? '✓ Queued' : '+ Queue';
    queueButton.title = queued ? 'In your reading queue: click to remove' : 'Add to your reading queue';
    queueButton.dataset.queued = String(queued);
    noteButton.textContent = noted ? '✎ Note' : '✎';
    noteButton.dataset.noted = String(noted);
  };
  setState(false, false);
  queueButton.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    queueButton.disabled = true;
    void actions.toggleQueue(!queued).finally(() => {
      queueButton.disabled = false;
    });
  });
  noteButton.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    actions.openNote();
  });

  const ui = await mountBadgeUi(ctx, 'digestlens-badge', found, (container) => {
    const [newest] = match.digests;
    if (!newest) return;
    const more = match.digests.length - 1;
    container.append(
      el(
        'span',
        {
          class: 'badge',
          'data-testid': 'digestlens-badge',
          title: `DigestLens: in your digests of ${describeMemberships(match.digests)}`,
        },
        el('span', { class: 'mark' }, '◆'),
        `Digest ${shortDigestDate(newest.date)}`,
        newest.upvotes ? ` ▲${newest.upvotes}` : '',
        more > 0 ? ` +${more}` : '',
      ),
      queueButton,
      noteButton,
    );
  });
  return { ui, setState };
}

/** The faint marker of a paper not in the digests but strongly related to them. */
export function mountRelatedMarker(ctx: ContentScriptContext, found: FoundPaper): Promise<MountedUi> {
  return mountBadgeUi(ctx, 'digestlens-marker', found, (container) => {
    container.append(
      el(
        'span',
        { class: 'badge related', 'data-testid': 'digestlens-related-marker', title: 'DigestLens: related to papers in your digests' },
        '≈ related to your digests',
      ),
    );
  });
}
