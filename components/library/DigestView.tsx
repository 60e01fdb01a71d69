import { useLiveQuery } from 'dexie-react-hooks';
import { digestWithPapers, paperAppearances, paperStates } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { formatDay } from '@/lib/text/format-day';
import type { OpenView } from './library-view';
import { PaperRow } from './PaperRow';

/** One digest opened: its papers in page order, each with its upvotes there and its other digests. */
export function DigestView({ digestId, open, back }: { digestId: string; open: OpenView; back: () => void }) {
  const data = useLiveQuery(async () => {
    const opened = await digestWithPapers(db, digestId);
    if (!opened) return { opened: null };
    const ids = opened.papers.map((p) => p.entry.paperId);
    const [appearances, states] = await Promise.all([paperAppearances(db, ids), paperStates(db, ids)]);
    return { opened, appearances, states };
  }, [digestId]);
  if (!data) return null;
  const { opened } = data;
  return (
    <section className="panel" data-testid="digest-view" data-digest-id={digestId}>
      <button type="button" className="link" data-testid="library-back" onClick={back}>
        ← All digests
      </button>
      {!opened ? (
        <p className="muted">This digest is no longer in the Library.</p>
      ) : (
        <>
          <h2 data-testid="digest-view-title">
            Digest of {formatDay(opened.digest.date)} · <span data-testid="digest-view-count">{opened.papers.length}</span> papers
          </h2>
          <p className="muted">{opened.digest.fileName}</p>
          <ol className="results digest-papers">
            {opened.papers.map(({ entry, paper }) =>
              paper ? (
                <PaperRow
                  key={paper.id}
                  paper={paper}
                  digestDates={(data.appearances?.get(paper.id) ?? []).map((a) => a.date).reverse()}
                  queued={data.states?.get(paper.id)?.queued ?? false}
                  noted={data.states?.get(paper.id)?.noted ?? false}
                  extra={`▲ ${entry.upvotes}`}
                  open={open}
                />
              ) : null,
            )}
          </ol>
        </>
      )}
    </section>
  );
}
