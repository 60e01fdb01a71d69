import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { type BrowseFilter, NO_FILTER, paperCount } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { CorpusSearch } from './CorpusSearch';
import { DigestList, useDigests } from './DigestList';
import { DigestView } from './DigestView';
import { type FilesFrom, ImportPanel } from './ImportPanel';
import type { LibraryView } from './library-view';
import { PaperView } from './PaperView';
import '../app/app.css';

/**
 * The Library: import, the imported digests, search with filters; a digest opens to its papers
 * and a paper to its history, note and arXiv id. The popup and the Library page both show it;
 * `filesFrom` says where files are chosen (the Library page always opens its own dialog).
 * The search and filters are kept while a digest or paper is open, so "Back" returns to them.
 */
export function Library({ filesFrom = 'dialog' }: { filesFrom?: FilesFrom }) {
  const digests = useDigests();
  // The count is kept in `meta`: counting the papers table on every change would stall imports.
  const papers = useLiveQuery(() => paperCount(db), []);
  const [views, setViews] = useState<LibraryView[]>([{ kind: 'home' }]);
  const [filter, setFilter] = useState<BrowseFilter>(NO_FILTER);
  if (digests === undefined || papers === undefined) return null;
  const view = views.at(-1) ?? { kind: 'home' };
  const open = (next: LibraryView) => setViews((stack) => [...stack, next]);
  const back = () => setViews((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack));

  if (view.kind === 'digest') return <DigestView key={view.digestId} digestId={view.digestId} open={open} back={back} />;
  if (view.kind === 'paper') return <PaperView key={view.paperId} paperId={view.paperId} open={open} back={back} />;
  return (
    <>
      <p className="stats" data-testid="corpus-stats">
        <span data-testid="paper-count">{papers}</span> papers from <span data-testid="digest-count">{digests.length}</span>{' '}
        {digests.length === 1 ? 'digest' : 'digests'}
      </p>
      <ImportPanel empty={digests.length === 0} filesFrom={filesFrom} />
      <DigestList digests={digests} open={open} />
      {papers > 0 && <CorpusSearch digests={digests} filter={filter} setFilter={setFilter} open={open} />}
    </>
  );
}
