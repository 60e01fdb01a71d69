import type { PaperMatch } from '../../messaging/protocol/content-to-background';
import type { FoundPaper } from '../../sites/types';
import { type MountedUi, mountBesideTitle } from '../badge-ui';
import { el } from '../dom';
import { type ContentPage, onUserClick, removeOnAbort, seen, toggleQueue, warnUnlessOrphaned } from '../page';
import { ACTIONS_CSS } from '../styles';
import { openNoteFrame } from './note-frame';

/**
 * On lists (arXiv listings and search, Hugging Face daily and search): a light "+ Queue · ✎"
 * control beside each paper that has no digest badge (a badge already holds one: one queue
 * control per paper). It is mounted when the paper's entry is first hovered or takes focus, so a
 * 5,000-result page costs nothing until used, and it stays faint until then. By keyboard: tabbing
 * into the entry (its id or title link) mounts it beside the title, and the next Tab reaches it.
 * A paper already queued or noted shows its control from the start. Queuing stores the paper from
 * what the page shows of it (title, arXiv id, abstract, authors, the page's address).
 */
export async function init(signal: AbortSignal, page: ContentPage): Promise<void> {
  if (page.reading.kind !== 'list') return;
  const matches = await page.matches.catch((): Array<PaperMatch | null> => []);
  if (signal.aborted) return;
  const rows = new Map<Element, number>();
  page.papers.forEach((found, i) => {
    if (matches[i]?.digests.length) return;
    for (const row of entryElements(found)) rows.set(row, i);
  });
  if (rows.size === 0) return;

  const controls = new Map<number, Promise<Control>>();
  const control = (i: number): Promise<Control> => {
    let mounted = controls.get(i);
    if (!mounted) {
      mounted = mountControl(signal, page, page.papers[i] as FoundPaper, matches[i] ?? null);
      controls.set(i, mounted);
    }
    return mounted;
  };
  let hovered: number | null = null;
  const show = (i: number | null) => {
    if (i === hovered) return;
    if (hovered !== null) void controls.get(hovered)?.then((c) => c.hover(false));
    hovered = i;
    if (i !== null) void control(i).then((c) => c.hover(hovered === i));
  };
  // One listener each for the whole page (not one per entry): cheap however long the list.
  document.addEventListener('mouseover', (event) => show(entryIndex(rows, event.target)), { signal, passive: true });
  document.addEventListener(
    'focusin',
    (event) => {
      const i = entryIndex(rows, event.target);
      if (i !== null) void control(i);
    },
    { signal },
  );
  for (const [i, match] of matches.entries()) if (match && !match.digests.length && (match.queued || match.noted)) void control(i);
}

/** The elements of a paper's entry: its block (a list item, card or description), and on arXiv listings the `<dt>` of ids before its `<dd>`. */
function entryElements(found: FoundPaper): Element[] {
  const entry = found.anchor.closest('dd, li, article') ?? found.anchor.parentElement ?? found.anchor;
  const ids = entry.tagName === 'DD' ? entry.previousElementSibling : null;
  return ids?.tagName === 'DT' ? [entry, ids] : [entry];
}

function entryIndex(rows: Map<Element, number>, target: EventTarget | null): number | null {
  for (let node = target instanceof Element ? target : null; node; node = node.parentElement) {
    const i = rows.get(node);
    if (i !== undefined) return i;
  }
  return null;
}

interface Control {
  hover(on: boolean): void;
}

async function mountControl(signal: AbortSignal, page: ContentPage, found: FoundPaper, match: PaperMatch | null): Promise<Control> {
  let paperId = match?.paperId ?? null;
  let queued = match?.queued ?? false;
  let noted = match?.noted ?? false;
  let hovered = false;
  const box = el('span', { class: 'actions', 'data-testid': 'digestlens-actions' });
  const queueButton = el('button', { type: 'button', class: 'action', 'data-testid': 'digestlens-action-queue' });
  const noteButton = el('button', { type: 'button', class: 'action', 'data-testid': 'digestlens-action-note' });
  const render = () => {
    queueButton.textContent = queued ? '✓ Queued' : '+ Queue';
    queueButton.title = queued ? 'In your reading queue: click to remove' : 'Add to your reading queue';
    queueButton.dataset.queued = String(queued);
    noteButton.textContent = noted ? '✎ Note' : '✎';
    noteButton.title = noted ? 'Your private note on this paper' : 'Write a private note on this paper';
    noteButton.dataset.noted = String(noted);
    // Faint until used: shown while its entry is hovered, while it has focus (CSS), or once it holds something.
    box.dataset.shown = String(hovered || queued || noted);
  };
  render();
  let followed: string | null = null;
  const follow = (id: string) => {
    if (followed === id) return;
    followed = id;
    page.state.follow(id, (state) => {
      queued = state.queued;
      noted = state.noted;
      render();
    });
  };
  if (paperId) follow(paperId);
  // Not stored yet: queued from another tab (or by a command), this control follows it.
  else
    page.state.followOnceStored(seen(found, false), (state) => {
      paperId ??= state.paperId;
      followed = state.paperId;
      queued = state.queued;
      noted = state.noted;
      render();
    });
  onUserClick(queueButton, signal, () => {
    queueButton.disabled = true;
    const wanted = !queued;
    void toggleQueue(found, paperId, wanted)
      .then((id) => {
        paperId ??= id;
        queued = wanted;
        render();
        follow(id);
      })
      .catch((error: unknown) => warnUnlessOrphaned(page.ctx, error))
      .finally(() => {
        queueButton.disabled = false;
      });
  });
  onUserClick(noteButton, signal, () => openNoteFrame(signal, page, found, noteButton));
  box.append(queueButton, noteButton);
  const ui: MountedUi = await mountBesideTitle(page.ctx, 'digestlens-actions', found, (container) => container.append(box), ACTIONS_CSS);
  removeOnAbort(signal, ui);
  return {
    hover(on) {
      hovered = on;
      render();
    },
  };
}
