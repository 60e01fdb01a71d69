import * as z from 'zod/mini';

/**
 * Every digest format the importer recognises (from the content, never the file name). `zod/mini`:
 * the content scripts' one-click capture sends parsed digests, and content scripts bundle mini only.
 */
export const DIGEST_FORMATS = [
  'hf-daily-text',
  'hf-daily-json',
  'hf-search-json',
  'hf-paper-json',
  'arxiv-atom',
  'arxiv-mailing',
  /** A Hugging Face daily, weekly or monthly papers page: its data props (captured, or saved as HTML). */
  'hf-daily-page',
  /** An arXiv `/list/<cat>/new`, `/recent` or `/pastweek` page (captured, or saved as HTML). */
  'arxiv-listing-page',
] as const;
export const DigestFormatSchema = z.enum(DIGEST_FORMATS);
export type DigestFormat = z.infer<typeof DigestFormatSchema>;

/** `2026-07-23T20:00:00.000Z` → `2026-07-23` (the day as the timestamp writes it), or null. */
export function isoDayOfTimestamp(raw: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)/.exec(raw.trim());
  if (!match) return null;
  const [, y = '', m = '', d = ''] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : null;
}
