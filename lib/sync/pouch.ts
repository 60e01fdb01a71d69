/**
 * The PouchDB build sync uses: the core, the IndexedDB adapter `idb`, the HTTP adapter and
 * one-shot replication. Nothing else (no map/reduce, no find): the mirror is read by id and by
 * its changes feed only.
 *
 * Why `idb` and not the newer `indexeddb` adapter (checked 2025, PouchDB 9.0.0): `idb` is the
 * adapter pouchdb-browser ships as its default and has stored data the same way for years; in
 * an MV3 service worker it needs only `indexedDB` and `IDBKeyRange` (its `localStorage` use, a
 * cross-window change ping, is behind a try/catch and simply off in a worker). `indexeddb` is
 * an opt-in adapter whose `valid()` is still a TODO and whose store cannot be read by `idb`, so
 * choosing it now would commit us to a later migration for no gain at our sizes (hundreds to a
 * few thousand documents). No wasm, and nothing we call evaluates code, so the bundle runs under
 * `script-src 'self'`: the one `Function(...)` in the bundle is pouchdb-utils' `scopeEval`, reached
 * only from pouchdb-changes-filter for a design-document filter or view named as a string on a
 * local source. We never pass `filter` or `view` (measured: 37.0 KB gzipped for this file bundled with esbuild, `events` included).
 *
 * PouchDB imports Node's `events`; the npm `events` package in dependencies is what the
 * extension bundle resolves it to.
 */

import HttpAdapter from 'pouchdb-adapter-http';
import IdbAdapter from 'pouchdb-adapter-idb';
import PouchDB from 'pouchdb-core';
import Replication from 'pouchdb-replication';

PouchDB.plugin(IdbAdapter).plugin(HttpAdapter).plugin(Replication);

export { PouchDB };

/** A local PouchDB database: the mirror of one remote database. */
export type MirrorDatabase = PouchDB.Database<Record<string, unknown>>;

/**
 * Opens (or creates) the local mirror named `name`. `adapter` is `idb` in the extension; unit
 * tests in Node pass `memory` after registering pouchdb-adapter-memory (the IndexedDB adapter
 * cannot run on fake-indexeddb).
 */
export function openMirror(name: string, adapter = 'idb'): MirrorDatabase {
  return new PouchDB<Record<string, unknown>>(name, { adapter, auto_compaction: true });
}

/** Opens the remote database at `url`, sending every request through `fetch` (it adds the credentials). */
export function openRemote(url: string, fetch: (url: string | Request, init?: RequestInit) => Promise<Response>): MirrorDatabase {
  return new PouchDB<Record<string, unknown>>(url, { adapter: 'http', fetch, skip_setup: true });
}
