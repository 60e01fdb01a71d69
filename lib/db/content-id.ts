/**
 * A digest's id: the SHA-256 of its text with line ends, a byte-order mark and trailing spaces
 * normalised, so the same page saved on Windows and on Linux is one digest, imported once.
 */
export async function digestContentId(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalisedDigestText(text)));
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The text the id is computed from. Most files have `\n` line ends and no trailing spaces: for
 * them only the ends of the whole text change, and splitting a 400 KB file into lines to trim
 * each (a tenth of the worker's time in `npm run bench:import`) is skipped. The result is the
 * same either way (a property test compares both), so no stored digest changes its id.
 */
export function normalisedDigestText(text: string): string {
  const unmarked = text.replace(/^\uFEFF/, '');
  // A `\r`, or a white-space character other than `\n` at the end of a line.
  if (!/\r|[^\S\n]\n/.test(unmarked)) return unmarked.trim();
  return unmarked
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/**
 * The id of one day's digest of a file that holds several (a feed featured on several days): the
 * file's text and the day, so importing the file again finds each day's digest.
 */
export async function dayDigestContentId(text: string, isoDay: string): Promise<string> {
  return digestContentId(`${text}\n\u0000digest of ${isoDay}`);
}

/**
 * The id of a digest read from a page (the one-click capture, or the page saved as HTML): its
 * format, day and papers in order, so capturing the same page twice, or capturing it and
 * importing its saved file, is one digest, imported once. Upvotes, which change by the hour, are left out.
 */
export async function pageDigestContentId(digest: {
  format: string;
  digestDate: { iso: string };
  papers: Array<{ arxivId: string | null; title: string }>;
}): Promise<string> {
  const papers = digest.papers.map((p) => p.arxivId ?? p.title);
  return digestContentId(JSON.stringify({ format: digest.format, day: digest.digestDate.iso, papers }));
}
