import { useLiveQuery } from 'dexie-react-hooks';
import { paperCount } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { CorpusSearch } from './CorpusSearch';
import { DigestList, useDigests } from './DigestList';
import { type FilesFrom, ImportPanel } from './ImportPanel';
import '../app/app.css';

/**
 * The Library: import, the imported digests, and search. The popup and the Library page both show
 * it; `filesFrom` says where files are chosen (the Library page always opens its own dialog).
 */
export function Library({ filesFrom = 'dialog' }: { filesFrom?: FilesFrom }) {
  const digests = useDigests();
  // The count is kept in `meta`: counting the papers table on every change would stall imports.
  const papers = useLiveQuery(() => paperCount(db), []);
  if (digests === undefined || papers === undefined) return null;
  return (
    <>
      <p className="stats" data-testid="corpus-stats">
        <span data-testid="paper-count">{papers}</span> papers from <span data-testid="digest-count">{digests.length}</span>{' '}
        {digests.length === 1 ? 'digest' : 'digests'}
      </p>
      <ImportPanel empty={digests.length === 0} filesFrom={filesFrom} />
      <DigestList digests={digests} />
      {papers > 0 && <CorpusSearch />}
    </>
  );
}
