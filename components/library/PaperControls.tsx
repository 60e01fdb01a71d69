import { addToQueue, removeFromQueue } from '@/lib/db';
import { db } from '@/lib/db/instance';
import type { OpenView } from './library-view';

/** Where a paper queued from the Library says it came from (QueueView shows it). */
export const LIBRARY_SOURCE = 'library';

/** "+ Queue" / "✓ Queued" and "✎ Note" for a paper in a Library list. */
export function PaperControls({ paperId, queued, noted, open }: { paperId: string; queued: boolean; noted: boolean; open: OpenView }) {
  return (
    <span className="paper-controls">
      <button
        type="button"
        className="quiet"
        data-testid="paper-queue"
        aria-pressed={queued}
        onClick={() => void (queued ? removeFromQueue(db, paperId) : addToQueue(db, paperId, LIBRARY_SOURCE))}
      >
        {queued ? '✓ Queued' : '+ Queue'}
      </button>
      <button type="button" className="quiet" data-testid="paper-note" onClick={() => open({ kind: 'paper', paperId })}>
        {noted ? '✎ Note' : '✎ Add a note'}
      </button>
    </span>
  );
}
