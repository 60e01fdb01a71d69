import { el } from '../dom';
import { mountFloatingUi } from '../floating-ui';
import { type ContentPage, toggleQueue, warnUnlessOrphaned } from '../page';
import { WALK_OUTLINE } from '../styles';
import { openNoteFrame } from './note-frame';
import { jumpToPaper } from './summary';

/**
 * Walk a list page's papers from the keyboard: `j`/`k` next/previous, `q` queue (or unqueue), `n`
 * the private note, `?` the keys. Only the user's own key presses (trusted), never while they type
 * in a field, never with a modifier held; off when the `keyboardWalk` setting is.
 */
const KEYS: Array<[key: string, what: string]> = [
  ['j', 'next paper'],
  ['k', 'previous paper'],
  ['q', 'add to (or remove from) your reading queue'],
  ['n', 'open your note'],
  ['?', 'show or hide these keys'],
];

/** Typing in a field (the page's or ours): a key there is text, not a command. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export async function init(signal: AbortSignal, page: ContentPage): Promise<void> {
  if (page.reading.kind !== 'list' || page.papers.length === 0) return;
  const settings = await page.settings;
  if (signal.aborted || !settings.keyboardWalk) return;
  const matches = await page.matches;
  if (signal.aborted) return;
  const queued = page.papers.map((_, i) => matches[i]?.queued ?? false);
  const paperIds = page.papers.map((_, i) => matches[i]?.paperId ?? null);
  let current = -1;
  let help: { remove(): void } | null = null;

  const outlined = (index: number, on: boolean) => {
    const anchor = page.papers[index]?.anchor;
    if (!(anchor instanceof HTMLElement)) return;
    for (const [name, value] of Object.entries(WALK_OUTLINE)) {
      if (on) anchor.style.setProperty(name, value);
      else anchor.style.removeProperty(name);
    }
  };
  const moveTo = (index: number) => {
    const found = page.papers[index];
    if (!found) return;
    if (current !== -1) outlined(current, false);
    current = index;
    outlined(current, true);
    jumpToPaper(found);
  };
  signal.addEventListener('abort', () => current !== -1 && outlined(current, false), { once: true });

  const toggleHelp = async () => {
    if (help) {
      help.remove();
      help = null;
      return;
    }
    help = await mountFloatingUi(
      signal,
      page,
      'digestlens-keys',
      'keys',
      el('span', { class: 'brand' }, '◆ DigestLens keys'),
      el(
        'dl',
        { 'data-testid': 'digestlens-keys' },
        ...KEYS.flatMap(([key, what]) => [el('dt', {}, el('kbd', {}, key)), el('dd', {}, what)]),
      ),
    );
  };

  window.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || event.ctrlKey || event.metaKey || event.altKey || isTyping(event)) return;
      const found = page.papers[current];
      switch (event.key) {
        case 'j':
          moveTo(Math.min(current + 1, page.papers.length - 1));
          break;
        case 'k':
          moveTo(Math.max(current - 1, 0));
          break;
        case 'q': {
          if (!found) return;
          const index = current;
          const wanted = !queued[index];
          void toggleQueue(found, paperIds[index] ?? null, wanted).then(
            (paperId) => {
              queued[index] = wanted;
              paperIds[index] = paperId;
            },
            (error: unknown) => warnUnlessOrphaned(page.ctx, error),
          );
          break;
        }
        case 'n':
          if (!found) return;
          {
            // Focus returns to the paper's row when the note closes (the anchor itself when it has no row).
            const row = found.anchor.closest('dt, dd, li, article, div') ?? found.anchor;
            openNoteFrame(signal, page, found, row instanceof HTMLElement ? row : undefined);
          }
          break;
        case '?':
          void toggleHelp();
          break;
        default:
          return;
      }
      event.preventDefault();
      event.stopPropagation();
    },
    { signal, capture: true },
  );
}
