/**
 * Why a sync failed, in the plain words the status line shows. Everything that can go wrong
 * talking to the server ends up as one of these; the raw error stays in `detail` for a log.
 */

export type SyncProblem =
  | 'unreachable'
  | 'credentials'
  | 'forbidden'
  | 'no-database'
  | 'not-couchdb'
  | 'server-error'
  | 'local'
  | 'interrupted';

export const PROBLEM_WORDS: Record<SyncProblem, string> = {
  unreachable: 'the server is unreachable',
  credentials: 'the user name or password is wrong',
  forbidden: 'this user may not open the database',
  'no-database': 'the database does not exist on the server',
  'not-couchdb': 'the server answered something that is not CouchDB',
  'server-error': 'the server had an error',
  local: 'this browser could not store the changes',
  interrupted: 'the sync was interrupted and will resume',
};

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly problem: SyncProblem,
    readonly detail: string,
  ) {
    super(PROBLEM_WORDS[problem]);
  }
}

/** The problem an HTTP status stands for. */
export function problemOfStatus(status: number): SyncProblem {
  if (status === 401) return 'credentials';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'no-database';
  if (status >= 500) return 'server-error';
  return 'not-couchdb';
}

/** Classifies whatever a fetch or PouchDB threw. */
export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : Number.NaN;
  if (Number.isFinite(status) && status > 0) return new SyncError(problemOfStatus(status), detail);
  // fetch rejects with a TypeError when nothing answers (refused, DNS, TLS, CORS/permission).
  if (error instanceof TypeError || /fetch failed|ECONNREFUSED|NetworkError|Failed to fetch|TimeoutError|AbortError/i.test(detail)) {
    return new SyncError('unreachable', detail);
  }
  // Anything else came from an answer we could not make sense of (bad JSON, missing fields).
  return new SyncError('not-couchdb', detail);
}
