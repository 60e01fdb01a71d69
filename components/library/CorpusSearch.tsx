import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { searchPapers } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { paperUrl } from '@/lib/identity/paper-urls';

/** Waits until typing pauses, so a large corpus is not scanned on every key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Search over the titles and abstracts of every paper in the corpus. */
export function CorpusSearch() {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 150);
  // Each result carries its query, so a previous query's result is never shown for a new one.
  const result = useLiveQuery(async () => ({ query: settled, ...(await searchPapers(db, settled, 50)) }), [settled]);

  return (
    <section className="panel">
      <input
        type="search"
        className="search"
        placeholder="Search titles and abstracts"
        aria-label="Search the corpus"
        data-testid="search-input"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      {settled && result?.query === settled && (
        <>
          <p className="muted" data-testid="search-total">
            {result.total === 0 ? 'No paper matches.' : `${result.total} ${result.total === 1 ? 'paper matches' : 'papers match'}`}
            {result.total > result.papers.length && `, showing ${result.papers.length}`}
          </p>
          <ul className="results">
            {result.papers.map((paper) => (
              <li key={paper.id} data-testid="search-result">
                <a href={paperUrl(paper)} target="_blank" rel="noreferrer">
                  {paper.title}
                </a>
                {paper.arxivId && <span className="muted"> · arXiv:{paper.arxivId}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
