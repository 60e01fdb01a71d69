import { useLiveQuery } from 'dexie-react-hooks';
import { unreadCount } from '@/lib/db';
import { db } from '@/lib/db/instance';

export function QueueTabLabel() {
  const count = useLiveQuery(() => unreadCount(db), []);
  return <>Queue{count ? ` (${count})` : ''}</>;
}
