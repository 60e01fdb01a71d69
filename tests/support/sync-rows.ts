/** Rows for the sync tests: papers and notes with predictable fields. */
import type { PaperRow } from '../../lib/sync/local-rows';

export function arxivPaper(n: number, title = `Paper number ${n}`): PaperRow {
  const arxivId = `2501.${String(10000 + n)}`;
  return {
    id: `arxiv:${arxivId}`,
    title,
    titleKey: title.toLowerCase().replace(/[^a-z0-9]/g, ''),
    arxivId,
    abstract: `Abstract ${n}`,
    authors: 3,
    organization: null,
    addedAt: '2026-01-01T00:00:00.000Z',
  };
}

export function titlePaper(title: string): PaperRow {
  const titleKey = title.toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    id: `title:${titleKey}`,
    title,
    titleKey,
    arxivId: null,
    abstract: '',
    authors: null,
    organization: null,
    addedAt: '2026-01-02T00:00:00.000Z',
  };
}
