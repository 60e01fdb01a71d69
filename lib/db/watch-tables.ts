import Dexie from 'dexie';
import type { DigestLensDB } from './schema';

/**
 * Calls `next` with `read()` now and again after every committed write to one of `tables`, from
 * any context of the extension (Dexie broadcasts each commit's changed tables between them);
 * returns the unsubscribe. A read that is running when more writes land runs once more after it.
 *
 * For the background's long-lived watches, in place of Dexie's `liveQuery`: a live query keeps
 * every write's changed keys that did not concern it in a pending set, emptied only when it runs
 * again, so one whose tables an import never touches collects all 38,000 membership keys of a
 * large import, key by key (`npm run bench:import`). This looks at the table names only.
 */
export function watchTables<T>(
  db: DigestLensDB,
  tables: ReadonlyArray<{ name: string }>,
  read: () => Promise<T>,
  next: (value: T) => void,
  what: string,
): () => void {
  const prefixes = tables.map((table) => `idb://${db.name}/${table.name}/`);
  let closed = false;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        // Outside whatever transaction was current when the write was heard.
        const value = await Dexie.ignoreTransaction(read);
        if (!closed) next(value);
      } while (again && !closed);
    } catch (error) {
      console.error(`DigestLens: ${what} failed`, error);
    } finally {
      running = false;
    }
  };
  const onWrite = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) void run();
  };
  Dexie.on('storagemutated', onWrite);
  void run();
  return () => {
    closed = true;
    Dexie.on.storagemutated.unsubscribe(onWrite);
  };
}
