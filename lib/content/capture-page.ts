import { DigestLineError } from '../digest/errors';
import { readPageDigests } from '../digest/page-digests';
import type { ParsedDigest } from '../digest/types';
import { importResultLines } from '../import/result-line';
import { ChannelError } from '../messaging/channel';
import { askBackground } from '../messaging/clients';

/** What a capture did, in the import's own words: one line per digest, or why nothing was added. */
export type CaptureOutcome = { ok: true; text: string; added: boolean } | { ok: false; error: string };

/** The name a captured digest is stored under, as a file's name is: the page's address without the scheme. */
function captureName(url: URL): string {
  return `${url.host}${url.pathname}${url.search}`.slice(0, 1000);
}

/**
 * "Add this page to my digests": reads the page's own data with the saved-page readers and sends
 * the digests to the background, which stores them as the file import does (one transaction,
 * idempotent). A page with no papers or a changed layout imports nothing and says why.
 */
export async function capturePage(doc: Document, url: URL): Promise<CaptureOutcome> {
  const name = captureName(url);
  let digests: ParsedDigest[];
  try {
    digests = readPageDigests(doc, url).map((content) => ({ fileName: name, ...content }));
  } catch (error) {
    if (error instanceof DigestLineError) return { ok: false, error: `${name}: ${error.reason}` };
    return { ok: false, error: `${name}: the page could not be read (${String(error)}); nothing was imported` };
  }
  try {
    return { ok: true, ...importResultLines(await askBackground({ type: 'capture-page', digests })) };
  } catch (error) {
    return { ok: false, error: error instanceof ChannelError && error.kind === 'failed' ? error.reason : `${name}: ${String(error)}` };
  }
}
