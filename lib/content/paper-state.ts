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
  /**
   * The newest state of every paper that changed since the port opened. A change can arrive while
   * the lookup is still on its way: it is newer than (or the same as) what the lookup read, so a
   * paper followed later starts from it.
   */
  const latest = new Map<string, PaperState>();
  const port = connectPort<never, Record<never, never>, PaperStateEvent>(browser.runtime, {
    name: STATE_PORT,
    eventSchema: PaperStateEventSchema,
    onEvent: (event) => {
      for (const change of event.changes) {
        latest.set(change.paperId, change);
        for (const listener of listeners.get(change.paperId) ?? []) listener(change);
      }
    },
    onDisconnect: () => {
      if (!signal.aborted) onLost();
    },
  });
  signal.addEventListener('abort', () => port.disconnect(), { once: true });
  return {
    /** Calls `apply` with each change of `paperId` (one already heard, at once), until the page's signal aborts. */
    follow(paperId: string, apply: Listener) {
      const set = listeners.get(paperId) ?? new Set();
      set.add(apply);
      listeners.set(paperId, set);
      const heard = latest.get(paperId);
      if (heard) apply(heard);
    },
  };
}
