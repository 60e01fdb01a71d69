import type { PaperMatch } from '../../messaging/protocol/content-to-background';
import type { FoundPaper } from '../../sites/types';
import { mountBesideTitle } from '../badge-ui';
import { el } from '../dom';
import { describeMemberships, shortDigestDate } from '../format';
import { type ContentPage, onUserClick, removeOnAbort, toggleQueue, warnUnlessOrphaned } from '../page';
import { openNoteFrame } from './note-frame';

/**
 * The badge of each paper on the page that is in the user's digests: newest digest date, upvotes,
 * how many more; then a queue toggle and a note button, kept current from any tab. Buttons act on
 * the user's own clicks only, and keep the click from reaching the page (the badge may sit in a
 * title link's block). On a paper's own page its paper's badge has no buttons: the panel under the
 * abstract holds its queue toggle and note, and a paper gets one queue control per page.
 */
export async function init(signal: AbortSignal, page: ContentPage): Promise<void> {
  const matches = await page.matches;
  if (signal.aborted) return;
  await Promise.all(
    page.papers.map((found, i) => {
      const match = matches[i];
      const controlsElsewhere = page.reading.kind === 'paper' && i === 0 && page.reading.panelAnchor !== null;
      return match && match.digests.length > 0 ? mountBadge(signal, page, found, match, !controlsElsewhere) : null;
    }),
  );
}

async function mountBadge(
  signal: AbortSignal,
  page: ContentPage,
  found: FoundPaper,
  match: PaperMatch,
  withActions: boolean,
): Promise<void> {
  let queued = match.queued;
  let noted = match.noted;
  const queueButton = el('button', { type: 'button', class: 'action', 'data-testid': 'digestlens-queue-toggle' });
  const noteButton = el('button', {
    type: 'button',
    class: 'action',
    'data-testid': 'digestlens-note-open',
    title: 'Your private note on this paper',
  });
  const show = (isQueued: boolean, isNoted: boolean) => {
    queued = isQueued;
    noted = isNoted;
    queueButton.textContent = queued ? '✓ Queued' : '+ Queue';
    queueButton.title = queued ? 'In your reading queue: click to remove' : 'Add to your reading queue';
    // Inside the closed root: for our tests' eyes (through CDP), never the page's.
    queueButton.dataset.queued = String(queued);
    noteButton.textContent = noted ? '✎ Note' : '✎';
    noteButton.dataset.noted = String(noted);
  };
  show(match.queued, match.noted);
  page.state.follow(match.paperId, (state) => show(state.queued, state.noted));
  onUserClick(queueButton, signal, () => {
    queueButton.disabled = true;
    const wanted = !queued;
    void toggleQueue(found, match.paperId, wanted)
      .then(() => show(wanted, noted))
      .catch((error: unknown) => warnUnlessOrphaned(page.ctx, error))
      .finally(() => {
        queueButton.disabled = false;
      });
  });
  onUserClick(noteButton, signal, () => openNoteFrame(signal, page, found, noteButton));

  const ui = await mountBesideTitle(page.ctx, 'digestlens-badge', found, (container) => {
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
      ...(withActions ? [queueButton, noteButton] : []),
    );
  });
  removeOnAbort(signal, ui);
}
