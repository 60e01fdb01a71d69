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

/** The badge of a paper that is in the user's digests: newest digest date, upvotes, how many more. */
export function mountDigestBadge(ctx: ContentScriptContext, found: FoundPaper, match: PaperMatch): Promise<MountedUi> {
  return mountBadgeUi(ctx, 'digestlens-badge', found, (container) => {
    const [newest] = match.digests;
    if (!newest) return;
    const more = match.digests.length - 1;
    const badge = el(
      'span',
      { class: 'badge', 'data-testid': 'digestlens-badge', title: `DigestLens: in your digests of ${describeMemberships(match.digests)}` },
      el('span', { class: 'mark' }, '◆'),
      `Digest ${shortDigestDate(newest.date)}`,
      newest.upvotes ? ` ▲${newest.upvotes}` : '',
      more > 0 ? ` +${more}` : '',
    );
    container.append(badge);
  });
}

/** The faint marker of a paper not in the digests but strongly related to them. */
export function mountRelatedMarker(ctx: ContentScriptContext, found: FoundPaper): Promise<MountedUi> {
  return mountBadgeUi(ctx, 'digestlens-marker', found, (container) => {
    container.append(
      el('span', { class: 'badge related', 'data-testid': 'digestlens-related-marker', title: 'DigestLens: related to papers in your digests' }, '≈ related to your digests'),
    );
  });
}
