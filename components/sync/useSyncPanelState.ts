import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { connectPort, type PortClient } from '@/lib/messaging/channel';
import {
  SYNC_PORT,
  type SyncEvent,
  SyncEventSchema,
  type SyncPanelState,
  type SyncRequest,
  type SyncResponses,
} from '@/lib/messaging/protocol/page-to-background';

export type SyncAsk = <R extends SyncRequest>(request: R) => Promise<SyncResponses[R['type']]>;

/** How long a sync request may take before the panel says so (a first upload of a large profile is slow). */
const ASK_TIMEOUT_MS = 10 * 60_000;

/**
 * The background's sync state, live, and a way to ask it things: a port to the background
 * (SYNC_PORT), opened again whenever it closes (Chrome stops an idle service worker).
 */
export function useSyncPanelState(): { state: SyncPanelState | null; ask: SyncAsk } {
  const [state, setState] = useState<SyncPanelState | null>(null);
  const port = useRef<PortClient<SyncRequest, SyncResponses> | null>(null);

  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      port.current = connectPort<SyncRequest, SyncResponses, SyncEvent>(browser.runtime, {
        name: SYNC_PORT,
        eventSchema: SyncEventSchema,
        timeoutMs: ASK_TIMEOUT_MS,
        onEvent: (event) => live && setState(event.state),
        onDisconnect: () => {
          if (live) retry = setTimeout(open, 500);
        },
      });
    };
    open();
    return () => {
      live = false;
      clearTimeout(retry);
      port.current?.disconnect();
    };
  }, []);

  const ask: SyncAsk = (request) => {
    if (!port.current?.connected) return Promise.reject(new Error('the background is restarting; try again'));
    return port.current.ask(request);
  };
  return { state, ask };
}
