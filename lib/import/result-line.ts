import type { ImportedFile } from '../messaging/protocol/page-to-background';
import { formatDay } from '../text/format-day';

/**
 * The one line that says what a digest's import did, for the Library's per-file results and the
 * one-click capture alike: `digest of Nov 19, 2026: 60 new papers, 6 already known, 66 entries`.
 */
export function importResultLine(result: ImportedFile): string {
  return result.status === 'already-imported'
    ? `already imported (digest of ${formatDay(result.date)}, ${result.knownPapers} papers): nothing added`
    : `digest of ${formatDay(result.date)}: ${result.newPapers} new papers, ${result.knownPapers} already known, ${result.entries} entries`;
}

/** A file's or page's digests, one line each, joined; and whether any of them added something. */
export function importResultLines(results: ImportedFile[]): { text: string; added: boolean } {
  return { text: results.map(importResultLine).join('; '), added: results.some((r) => r.status === 'imported') };
}
