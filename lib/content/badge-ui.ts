import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { FoundPaper } from '../sites/types';
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

/**
 * A small UI beside a paper's title, in a CLOSED shadow root: the host page is hostile (issue 9),
 * and an open root would let its scripts read which papers are in the digests, queued or noted.
 * All that the page can see is an empty element named `name` beside a title.
 */
export async function mountBesideTitle(
  ctx: ContentScriptContext,
  name: 'digestlens-badge' | 'digestlens-marker' | 'digestlens-actions',
  found: FoundPaper,
  render: (container: HTMLElement) => void,
  css = BADGE_CSS,
): Promise<MountedUi> {
  const ui = await createShadowRootUi(ctx, {
    name,
    mode: 'closed',
    position: 'inline',
    anchor: found.anchor,
    append: placeBeside,
    css,
    onMount: (container) => {
      container.className = 'theme';
      container.dataset.theme = pageTheme(found.anchor);
      render(container);
    },
  });
  ui.mount();
  return ui;
}
