import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DigestLensDB } from '@/lib/db';

let counter = 0;

/** A fresh database per test: its own fake IndexedDB, since Dexie captures the global early. */
export function makeTestDb(): DigestLensDB {
  counter++;
  return new DigestLensDB(`digestlens-test-${counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}
