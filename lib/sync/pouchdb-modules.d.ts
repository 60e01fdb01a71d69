/**
 * Types for the part of PouchDB 9 that lib/sync uses, written here on purpose:
 * @types/pouchdb-core declares global `Buffer` and `Blob` interfaces that break Node's own
 * types elsewhere in the project. Only what we call is declared, so a wrong call fails the
 * typecheck instead of hiding behind `any`.
 */
declare module 'pouchdb-core' {
  namespace PouchDB {
    type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
    /** A stored document: its content plus `_id` and `_rev` (and `_deleted` for a tombstone). */
    type Doc<T> = T & { _id: string; _rev: string; _deleted?: boolean; _conflicts?: string[] };
    /** A document to write: `_rev` names the revision it replaces (absent for a new document). */
    type NewDoc<T> = (T | Partial<T>) & { _id: string; _rev?: string; _deleted?: boolean };
    type Seq = number | string;

    interface WriteResult {
      ok?: boolean;
      id?: string;
      rev?: string;
      error?: string | boolean;
      status?: number;
      name?: string;
      message?: string;
    }

    interface AllDocsRow<T> {
      id: string;
      key: string;
      value: { rev: string; deleted?: boolean };
      doc?: Doc<T> | null;
      error?: string;
    }

    interface ChangesResult<T> {
      results: Array<{ id: string; seq: Seq; deleted?: boolean; changes: Array<{ rev: string }>; doc?: Doc<T> }>;
      last_seq: Seq;
    }

    interface ReplicationResult {
      ok: boolean;
      docs_read: number;
      docs_written: number;
      doc_write_failures: number;
      errors: unknown[];
      last_seq: Seq;
      status: string;
    }

    interface ReplicationChange<T> extends ReplicationResult {
      docs: Array<Doc<T>>;
    }

    interface Replication<T> extends Promise<ReplicationResult> {
      on(event: 'change', listener: (info: ReplicationChange<T>) => void): this;
      on(event: 'checkpoint', listener: (info: { checkpoint?: Seq }) => void): this;
      on(event: 'error' | 'denied', listener: (error: unknown) => void): this;
      cancel(): void;
    }

    interface ReplicateOptions {
      batch_size?: number;
      batches_limit?: number;
      retry?: false;
      live?: false;
    }

    interface Database<T> {
      readonly name: string;
      info(): Promise<{ db_name: string; doc_count: number; update_seq: Seq }>;
      get(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<Doc<T>>;
      put(doc: NewDoc<T>): Promise<WriteResult>;
      bulkDocs(docs: Array<NewDoc<T>>, options?: { new_edits?: boolean }): Promise<WriteResult[]>;
      allDocs(options: {
        keys?: string[];
        startkey?: string;
        endkey?: string;
        include_docs?: boolean;
        conflicts?: boolean;
        limit?: number;
      }): Promise<{ total_rows: number; rows: Array<AllDocsRow<T>> }>;
      changes(options: {
        since?: Seq;
        limit?: number;
        include_docs?: boolean;
        conflicts?: boolean;
        return_docs?: boolean;
      }): Promise<ChangesResult<T>>;
      close(): Promise<void>;
      destroy(): Promise<void>;
    }

    interface DatabaseOptions {
      adapter?: string;
      auto_compaction?: boolean;
      skip_setup?: boolean;
      fetch?: (url: string | Request, init?: RequestInit) => Promise<Response>;
    }

    interface Static {
      new <T = Record<string, unknown>>(name: string, options?: DatabaseOptions): Database<T>;
      plugin(plugin: unknown): Static;
      replicate<T>(source: Database<T>, target: Database<T>, options?: ReplicateOptions): Replication<T>;
    }
  }
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}

declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
