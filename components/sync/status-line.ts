import type { SyncPanelState } from '@/lib/messaging/protocol/page-to-background';

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The status line, in plain words: "Last synced Dec 3, 2026, 10:02 · 2 changes waiting ·
 * Not synced: the user name or password is wrong (next try 10:04)".
 */
export function statusLine(state: SyncPanelState, now = new Date()): string {
  if (!state.connection) return 'Sync is off: DigestLens makes no network requests.';
  const { status } = state;
  const parts: string[] = [];
  if (status.running) parts.push('Syncing…');
  parts.push(status.lastSyncAt ? `Last synced ${TIME.format(new Date(status.lastSyncAt))}` : 'Not synced yet');
  parts.push(status.pending ? `${plural(status.pending, 'change', 'changes')} waiting` : 'nothing waiting');
  if (status.lastError && !status.running) {
    const retry =
      status.nextRetryAt && new Date(status.nextRetryAt) > now ? ` (next try ${TIME.format(new Date(status.nextRetryAt))})` : '';
    parts.push(`Not synced: ${status.lastError}${retry}`);
  }
  return parts.join(' · ');
}
