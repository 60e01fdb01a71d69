import type { FoundPaper } from '../../sites/types';
import { el } from '../dom';
import { mountFloatingUi } from '../floating-ui';
import { type ContentPage, onUserClick } from '../page';

/**
 * On every list page (arXiv listings and search, Hugging Face papers lists), a small chip: "3 of 200
 * here are in your digests", also when none are ("0 of 45"), so silence is never mistaken for
 * breakage. Clicking it opens the list of those papers; ‹ › jump from one to the next on the page.
 */
export async function init(signal: AbortSignal, page: ContentPage): Promise<void> {
  if (page.reading.kind !== 'list') return;
  const matches = await page.matches;
  if (signal.aborted) return;
  const inDigests = page.papers.filter((_, i) => (matches[i]?.digests.length ?? 0) > 0);
  const total = page.papers.length;
  let current = -1;

  const position = el('span', { class: 'position', 'data-testid': 'digestlens-summary-position' });
  const jumpTo = (index: number) => {
    const found = inDigests[index];
    if (!found) return;
    current = index;
    position.textContent = `${index + 1}/${inDigests.length}`;
    jumpToPaper(found);
  };
  const chip = el(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'digestlens-summary', 'aria-expanded': 'false' },
    `${inDigests.length} of ${total} here ${inDigests.length === 1 ? 'is' : 'are'} in your digests`,
  );
  const previous = el(
    'button',
    { type: 'button', 'data-testid': 'digestlens-summary-previous', title: 'Previous paper in your digests' },
    '‹',
  );
  const next = el('button', { type: 'button', 'data-testid': 'digestlens-summary-next', title: 'Next paper in your digests' }, '›');
  const list = el(
    'ol',
    { 'data-testid': 'digestlens-summary-list', hidden: '' },
    ...inDigests.map((found, i) => {
      const item = el('button', { type: 'button', 'data-testid': 'digestlens-summary-item' }, found.title);
      onUserClick(item, signal, () => jumpTo(i));
      return el('li', {}, item);
    }),
  );
  onUserClick(chip, signal, () => {
    const open = list.hidden;
    list.hidden = !open;
    chip.setAttribute('aria-expanded', String(open));
  });
  onUserClick(next, signal, () => jumpTo((current + 1) % inDigests.length));
  onUserClick(previous, signal, () => jumpTo(current <= 0 ? inDigests.length - 1 : current - 1));
  const hasAny = inDigests.length > 0;

  await mountFloatingUi(
    signal,
    page,
    'digestlens-summary',
    'summary',
    el('div', { class: 'row' }, el('span', { class: 'brand' }, '◆'), chip, hasAny && previous, hasAny && next, position),
    list,
  );
}

/** Brings a paper's title to the middle of the window. */
export function jumpToPaper(found: FoundPaper): void {
  found.anchor.scrollIntoView({ block: 'center', behavior: 'instant' });
}
