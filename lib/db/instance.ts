import { DigestLensDB } from './schema';

/**
 * The database of the extension's origin. Only the background worker and extension pages open
 * it; content scripts run in the host page's origin and ask the background instead.
 */
export const db = new DigestLensDB();
