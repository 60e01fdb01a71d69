import { browser } from 'wxt/browser';
import { connectPort } from '../messaging/channel';
import { type PaperState, type PaperStateEvent, PaperStateEventSchema, STATE_PORT } from '../messaging/protocol/background-to-content';

type Listener = (state: PaperState) => void;

/**
 * The page's side of the paper-state port. The lookup answer gives each shown paper's state; this
 * port then brings every change (from any tab), and only the papers this page follows are kept.
 * Closed when `signal` aborts; `onLost` runs when the background closes it first (an orphaned script).
 */
export function followPaperState(signal: AbortSignal, onLost: () => void) {
  const listeners = new Map<string, Set<Listener>>();
  const port = connectPort<never, Record<never, never>, PaperStateEvent>(browser.runtime, {
    name: STATE_PORT,
    eventSchema: PaperStateEventSchema,
    onEvent: (event) => {
      for (const change of event.changes) for (const listener of listeners.get(change.paperId) ?? []) listener(change);
    },
    onDisconnect: () => {
      if (!signal.aborted) onLost();
    },
  });
  signal.addEventListener('abort', () => port.disconnect(), { once: true });
  return {
    /** Calls `apply` with each later change of `paperId`, until the page's signal aborts. */
    follow(paperId: string, apply: Listener) {
      const set = listeners.get(paperId) ?? new Set();
      set.add(apply);
      listeners.set(paperId, set);
    },
  };
}
