import { browser } from 'wxt/browser';
import { PaperStateMessageSchema, STATE_PORT } from '../messaging/protocol';

export interface PaperStateView {
  queued: Set<string>;
  noted: Set<string>;
}

/**
 * The page's side of the paper-state port: names the papers shown, and hears whenever one of
 * them is queued, read or noted anywhere. Closed when the page's annotations are removed.
 */
export function watchPaperState(signal: AbortSignal, onChange: (state: PaperStateView) => void, onLost: () => void) {
  const port = browser.runtime.connect({ name: STATE_PORT });
  port.onDisconnect.addListener(() => {
    if (!signal.aborted) onLost();
  });
  const ids = new Set<string>();
  port.onMessage.addListener((message: unknown) => {
    const state = PaperStateMessageSchema.safeParse(message);
    if (state.success) onChange({ queued: new Set(state.data.queued), noted: new Set(state.data.noted) });
  });
  signal.addEventListener('abort', () => {
    try {
      port.disconnect();
    } catch {
      // After an extension reload the port is already gone, and disconnecting it throws.
    }
  });
  return {
    watch(paperIds: string[]) {
      const before = ids.size;
      for (const id of paperIds) ids.add(id);
      if (ids.size !== before && !signal.aborted) port.postMessage({ type: 'watch', paperIds: [...ids] });
    },
  };
}
