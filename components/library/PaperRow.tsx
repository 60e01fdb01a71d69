import type { Paper } from '@/lib/db';
import { paperUrl } from '@/lib/identity/paper-urls';
import { formatDay } from '@/lib/text/format-day';
import { snippet } from '@/lib/text/snippet';
import type { OpenView } from './library-view';
import { PaperControls } from './PaperControls';

/** "A, B, C et al." for a list; the count when only a count is known. */
export function authorLine(paper: Pick<Paper, 'authorNames' | 'authors' | 'organization'>, most = 4): string | null {
  const names = paper.authorNames ?? [];
  if (names.length) return names.length > most ? `${names.slice(0, most).join(', ')} et al.` : names.join(', ');
  if (paper.authors !== null) return `${paper.authors} ${paper.authors === 1 ? 'author' : 'authors'}`;
  return paper.organization;
}

export interface PaperRowProps {
  paper: Paper;
  /** Dates of the digests that list it, newest first. */
  digestDates: string[];
  queued: boolean;
  noted: boolean;
  /** Folded query words to mark in the abstract's snippet; none: no snippet. */
  words?: string[];
  /** Shown before the title (a digest's upvotes). */
  extra?: string;
  open: OpenView;
}

/** One paper in a Library list: title (opens the paper view), link, authors, snippet, digest dates, queue and note. */
export function PaperRow({ paper, digestDates, queued, noted, words, extra, open }: PaperRowProps) {
  const authors = authorLine(paper);
  return (
    <li className="paper-row" data-testid="search-result" data-paper-id={paper.id}>
      <div className="paper-title">
        <a href={paperUrl(paper)} target="_blank" rel="noreferrer" data-testid="paper-link">
          {paper.title}
        </a>{' '}
        <button
          type="button"
          className="link"
          data-testid="paper-open"
          aria-label={`Details: ${paper.title}`}
          onClick={() => open({ kind: 'paper', paperId: paper.id })}
        >
          details
        </button>
      </div>
      {authors && (
        <div className="muted" data-testid="paper-authors">
          {authors}
        </div>
      )}
      {words && words.length > 0 && paper.abstract && (
        <div className="snippet" data-testid="paper-snippet">
          {snippet(paper.abstract, words).map((part, i) =>
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are fixed for this text and query
            part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
          )}
        </div>
      )}
      <div className="paper-meta">
        <span className="muted" data-testid="paper-dates">
          {extra && `${extra} · `}
          {paper.arxivId && `arXiv:${paper.arxivId} · `}
          {digestDates.length ? `in ${digestDates.map(formatDay).join(', ')}` : 'in no digest'}
        </span>
        <PaperControls paperId={paper.id} queued={queued} noted={noted} open={open} />
      </div>
    </li>
  );
}
