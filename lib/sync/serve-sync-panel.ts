import type { browser } from 'wxt/browser';
import { servePort } from '../messaging/channel';
import {
  SYNC_PORT,
  type SyncEvent,
  type SyncRequest,
  SyncRequestSchema,
  type SyncResponses,
} from '../messaging/protocol/page-to-background';
import { fromExtensionPages } from '../messaging/sender';
import type { BackgroundSync } from './background-sync';

/**
 * Serves the Settings → Sync panel (SYNC_PORT): the extension's own pages only, so no content
 * script can connect, read the connection or start a sync. Each port gets the state at once and
 * on every change; the password is received in `connect` and never sent back.
 */
export function serveSyncPanel(runtime: typeof browser.runtime, sync: BackgroundSync): void {
  servePort<SyncRequest, SyncResponses, SyncEvent>(runtime.onConnect, {
    name: SYNC_PORT,
    schema: SyncRequestSchema,
    allow: fromExtensionPages(runtime),
    open(panel) {
      const post = (state: SyncEvent['state']) => panel.post({ type: 'sync-state', state });
      const unsubscribe = sync.onState(post);
      panel.signal.addEventListener('abort', unsubscribe);
      void sync.state().then(post);
      return {
        connect: async ({ type: _type, ...request }) => {
          await sync.connect(request);
          return null;
        },
        'sync-now': async () => {
          await sync.syncNow();
          return null;
        },
        disconnect: async () => {
          await sync.disconnect();
          return null;
        },
      };
    },
  });
}
