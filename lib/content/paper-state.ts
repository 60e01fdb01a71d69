import { browser } from 'wxt/browser';
import { connectPort } from '../messaging/channel';
import { type PaperState, type PaperStateEvent, PaperStateEventSchema, STATE_PORT } from '../messaging/protocol/background-to-content';
import type { PaperMatch } from '../messaging/protocol/content-to-background';
import type { SeenPaper } from '../messaging/protocol/shared';

type Listener = (state: PaperState) => void;

/** The page's one lookup request: its stored match (or null) for each paper, in order. */
type Lookup = (papers: SeenPaper[]) => Promise<Array<PaperMatch | null>>;

/**
 * The page's side of the paper-state port. The lookup answer gives each shown paper's state; this
 * port then brings every change (from any tab), and only the papers this page follows are kept.
 * Closed when `signal` aborts; `onLost` runs when the background closes it first (an orphaned script).
 */
export function followPaperState(signal: AbortSignal, onLost: () => void, lookup: Lookup) {
  const listeners = new Map<string, Set<Listener>>();
  /**
   * The newest state of every paper that changed since the port opened. A change can arrive while
   * the lookup is still on its way: it is newer than (or the same as) what the lookup read, so a
   * paper followed later starts from it.
   */
  const latest = new Map<string, PaperState>();
  /**
   * Papers the page shows that were not stored when it looked (no id to follow). A change to a paper
   * this page does not follow may be one of them, newly stored (queued by a keyboard command or from
   * another tab): the background's identity rule says, so they are looked up again.
   */
  const unknown: Array<{ paper: SeenPaper; apply: Listener }> = [];
  let lookingAgain = false;

  const follow = (paperId: string, apply: Listener) => {
    const set = listeners.get(paperId) ?? new Set();
    set.add(apply);
    listeners.set(paperId, set);
    const heard = latest.get(paperId);
    if (heard) apply(heard);
  };
  const lookAgain = async () => {
    if (lookingAgain || !unknown.length) return;
    lookingAgain = true;
    try {
      const asked = [...unknown];
      const matches = await lookup(asked.map((u) => u.paper));
      for (const [i, match] of matches.entries()) {
        const waiting = asked[i];
        if (!match || !waiting) continue;
        unknown.splice(unknown.indexOf(waiting), 1);
        waiting.apply({ paperId: match.paperId, queued: match.queued, noted: match.noted });
        follow(match.paperId, waiting.apply);
      }
    } catch {
      // An orphaned script or a busy worker: the next change asks again.
    } finally {
      lookingAgain = false;
    }
  };

  const port = connectPort<never, Record<never, never>, PaperStateEvent>(browser.runtime, {
    name: STATE_PORT,
    eventSchema: PaperStateEventSchema,
    onEvent: (event) => {
      let unfollowed = false;
      for (const change of event.changes) {
        latest.set(change.paperId, change);
        const set = listeners.get(change.paperId);
        if (!set) unfollowed = true;
        for (const listener of set ?? []) listener(change);
      }
      if (unfollowed) void lookAgain();
    },
    onDisconnect: () => {
      if (!signal.aborted) onLost();
    },
  });
  signal.addEventListener('abort', () => port.disconnect(), { once: true });
  return {
    /** Calls `apply` with each change of `paperId` (one already heard, at once), until the page's signal aborts. */
    follow,
    /**
     * For a paper the page shows that is not stored: calls `apply` once it is (queued by a command
     * or in another tab), with its stored id and state, and with each change after that.
     */
    followOnceStored(paper: SeenPaper, apply: Listener) {
      unknown.push({ paper, apply });
    },
  };
}
