import { isCapturablePage } from '../../digest/page-digests';
import { type CaptureOutcome, capturePage } from '../capture-page';
import { el } from '../dom';
import { mountFloatingUi } from '../floating-ui';
import { type ContentPage, onUserClick } from '../page';

/**
 * "Add this page to my digests", as a small control in the page's corner, on the pages a capture
 * takes (Hugging Face daily/weekly/monthly papers, arXiv /new, /recent, /pastweek). A closed shadow
 * root; acts on the user's own clicks only. When the capture added papers, every feature restarts
 * (`page.refresh`), so the page's new badges show at once; the result line stays in the control.
 */

/** The last capture's result on this address, kept across the restart a capture causes (never in the page's DOM). */
let lastCapture: { href: string; outcome: CaptureOutcome } | null = null;

export async function init(signal: AbortSignal, page: ContentPage): Promise<void> {
  if (!isCapturablePage(new URL(location.href))) return;
  const button = el('button', { type: 'button', class: 'primary', 'data-testid': 'digestlens-capture' }, '+ Add this page to my digests');
  const result = el('p', { class: 'result', 'data-testid': 'digestlens-capture-result', role: 'status' });
  const show = (outcome: CaptureOutcome) => {
    result.textContent = outcome.ok ? outcome.text : outcome.error;
    result.dataset.ok = String(outcome.ok);
    if (outcome.ok) result.dataset.added = String(outcome.added);
  };
  if (lastCapture?.href === location.href) show(lastCapture.outcome);
  onUserClick(button, signal, () => {
    button.disabled = true;
    result.textContent = 'Adding…';
    void capturePage(document, new URL(location.href)).then((outcome) => {
      lastCapture = { href: location.href, outcome };
      if (signal.aborted) return;
      button.disabled = false;
      show(outcome);
      if (outcome.ok && outcome.added) page.refresh();
    });
  });
  await mountFloatingUi(signal, page, 'digestlens-capture', 'capture', el('span', { class: 'brand' }, '◆ DigestLens'), button, result);
}
