import { checkText, decodeDigestBytes } from './decode';
import { DigestError } from './errors';
import { parseHfDailyText } from './hf-daily-text';
import type { ParsedDigest } from './types';

export { decodeDigestBytes, MAX_DIGEST_BYTES } from './decode';
export { DigestError } from './errors';
export type { ParsedDigest, ParsedPaper } from './types';

/**
 * Recognises the format from the content (never the file name) and parses it. Only the Hugging
 * Face Daily Papers text format is supported for now; other formats get a message saying so.
 */
export function parseDigestText(fileName: string, text: string, today = new Date()): ParsedDigest {
  const checked = checkText(fileName, text);
  const start = checked.trimStart();
  const firstLine = checked.slice(0, checked.length - start.length).split('\n').length;
  if (/^<(!doctype|html|\?xml|head|body|feed|rss)/i.test(start) || /^<[a-z!?]/i.test(start)) {
    throw new DigestError(
      fileName,
      firstLine,
      'this is HTML or XML, not a digest saved as text: in the browser, select the Daily Papers page, copy it and save the text',
    );
  }
  if (/^[[{]/.test(start)) {
    throw new DigestError(
      fileName,
      firstLine,
      'this is JSON, not a Hugging Face Daily Papers page saved as text (JSON feeds are not supported yet)',
    );
  }
  return parseHfDailyText(fileName, checked, today);
}

/** Bytes to parsed digest: the whole path a file takes, for the command line and tests. */
export function parseDigestBytes(fileName: string, bytes: Uint8Array, today = new Date()): ParsedDigest {
  return parseDigestText(fileName, decodeDigestBytes(fileName, bytes), today);
}
