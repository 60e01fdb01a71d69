import Dexie from 'dexie';
import type { DigestLensDB } from './schema';

/** A digest's entries, in page order, through the primary key `[digestId+position]`. */
export function entriesOfDigest(db: DigestLensDB, digestId: string) {
  return db.entries.where('[digestId+position]').between([digestId, Dexie.minKey], [digestId, Dexie.maxKey]);
}
