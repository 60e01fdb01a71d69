import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { type BrowseFilter, browsePapers, type Digest, isFiltering } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { searchWords } from '@/lib/db/search';
import { formatDay } from '@/lib/text/format-day';
import type { OpenView } from './library-view';
import { PaperRow } from './PaperRow';

/** Waits until typing pauses, so a large corpus is not scanned on every key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function Filters({ filter, digests, set }: { filter: BrowseFilter; digests: Digest[]; set: (change: Partial<BrowseFilter>) => void }) {
  const check = (name: 'queued' | 'noted' | 'read', label: string) => (
    <label className="filter-check">
      <input
        type="checkbox"
        data-testid={`filter-${name}`}
        checked={filter[name]}
        onChange={(e) => set({ [name]: e.currentTarget.checked })}
      />{' '}
      {label}
    </label>
  );
  return (
    <fieldset className="filters" data-testid="filters">
      <legend className="visually-hidden">Filters</legend>
      <label>
        Digest{' '}
        <select
          data-testid="filter-digest"
          value={filter.digestId ?? ''}
          onChange={(e) => set({ digestId: e.currentTarget.value || null })}
        >
          <option value="">any</option>
          {digests.map((d) => (
            <option key={d.id} value={d.id}>
              {formatDay(d.date)} · {d.fileName}
            </option>
          ))}
        </select>
      </label>
      <label>
        from{' '}
        <input
          type="date"
          data-testid="filter-from"
          value={filter.from ?? ''}
          onChange={(e) => set({ from: e.currentTarget.value || null })}
        />
      </label>
      <label>
        to{' '}
        <input type="date" data-testid="filter-to" value={filter.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value || null })} />
      </label>
      {check('queued', 'queued')}
      {check('noted', 'noted')}
      {check('read', 'read')}
    </fieldset>
  );
}

/**
 * Search over the titles, abstracts and authors of every paper, narrowed by filters (digest,
 * date range, queued, noted, read). Each result shows its authors, a snippet with the matched
 * words, the dates of its digests, and queue and note controls.
 */
export function CorpusSearch({
  digests,
  filter,
  setFilter,
  open,
}: {
  digests: Digest[];
  filter: BrowseFilter;
  setFilter: (f: BrowseFilter) => void;
  open: OpenView;
}) {
  const settledQuery = useDebounced(filter.query.trim(), 150);
  const settled = { ...filter, query: settledQuery };
  const key = JSON.stringify(settled);
  // Each result carries its filter, so a previous filter's result is never shown for a new one.
  const result = useLiveQuery(async () => ({ key, ...(await browsePapers(db, settled, 50)) }), [key]);
  const words = searchWords(settledQuery);

  return (
    <section className="panel">
      <input
        type="search"
        className="search"
        placeholder="Search titles, abstracts and authors"
        aria-label="Search the corpus"
        data-testid="search-input"
        value={filter.query}
        onChange={(e) => setFilter({ ...filter, query: e.currentTarget.value })}
      />
      <Filters filter={filter} digests={digests} set={(change) => setFilter({ ...filter, ...change })} />
      {isFiltering(settled) && result?.key === key && (
        <>
          <p className="muted" data-testid="search-total">
            {result.total === 0 ? 'No paper matches.' : `${result.total} ${result.total === 1 ? 'paper matches' : 'papers match'}`}
            {result.total > result.rows.length && `, showing ${result.rows.length}`}
          </p>
          <ul className="results">
            {result.rows.map((row) => (
              <PaperRow key={row.paper.id} {...row} words={words} open={open} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
