import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { type ContentPage, removeOnAbort } from './page';
import { FLOATING_CSS } from './styles';
import { pageTheme } from './theme';

/**
 * A small floating box of ours at the page's corner (the capture control, the summary chip, the
 * keyboard walk's key list): a closed shadow root at the end of the body, in the page's light or
 * dark look, removed when the feature stops. The one place such a box is built.
 */
export async function mountFloatingUi(
  signal: AbortSignal,
  page: ContentPage,
  name: `digestlens-${string}`,
  kind: string,
  ...children: Node[]
): Promise<{ remove(): void }> {
  const ui = await createShadowRootUi(page.ctx, {
    name,
    mode: 'closed',
    position: 'inline',
    anchor: document.body,
    append: 'last',
    css: FLOATING_CSS,
    onMount: (container) => {
      container.className = `theme floating ${kind}`;
      container.dataset.theme = pageTheme(document.body);
      container.append(...children);
    },
  });
  ui.mount();
  return removeOnAbort(signal, ui);
}
