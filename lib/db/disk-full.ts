/**
 * The one place that recognises a full disk. IndexedDB reports it as a `QuotaExceededError`
 * (a DOMException), which Dexie passes on wrapped: a transaction's abort carries it as `inner`,
 * a bulk write among its `failures` (`BulkError … AbortError` is what the user saw before: issue 9).
 * Import, restore and note saves all say it in the same words.
 */

/** What the user is told, at the start of each such message. */
export const DISK_FULL = 'the disk is full';

/** Whether a storage failure is the browser's storage quota, however wrapped. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  const failures = Array.isArray(e.failures) ? e.failures : [];
  return [e.inner, e.cause, ...failures].some((inner) => isQuotaError(inner, depth + 1));
}

/** A full disk, said plainly: "the disk is full (the browser's storage for DigestLens); <what happened>". */
export class DiskFullError extends Error {
  override name = 'DiskFullError';
  constructor(whatHappened: string, options?: { cause?: unknown }) {
    super(`${DISK_FULL} (the browser's storage for DigestLens); ${whatHappened}`, options);
  }
}

/** Runs `write`; a quota failure becomes a DiskFullError saying `whatHappened`, anything else passes unchanged. */
export async function sayingDiskFull<T>(whatHappened: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new DiskFullError(whatHappened, { cause: error });
    throw error;
  }
}
