import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { addToQueue, ensurePaper, type Paper, removeFromQueue } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { titleKey } from '@/lib/identity/title-key';
import { askBackground } from '@/lib/messaging/clients';
import type { RelatedPaper } from '@/lib/messaging/protocol/content-to-background';
import type { SeenPaper } from '@/lib/messaging/protocol/shared';
import { formatDay } from './format-date';
import { paperUrl } from './paper-links';
import { usePagePaper } from './usePagePaper';

/** The stored paper for what the page shows, by arXiv id, else by title key; undefined while looking. */
function useStoredPaper(paper: SeenPaper): Paper | null | undefined {
  return useLiveQuery(async () => {
    const byId = paper.arxivId ? await db.papers.where('arxivId').equals(paper.arxivId).first() : undefined;
    return byId ?? (await db.papers.where('titleKey').equals(titleKey(paper.title)).first()) ?? null;
  }, [paper.arxivId, paper.title]);
}

function RelatedList({ paper, excludeId }: { paper: SeenPaper; excludeId: string | null }) {
  const [related, setRelated] = useState<RelatedPaper[] | null>(null);
  useEffect(() => {
    void askBackground({ type: 'related-papers', paper, excludePaperId: excludeId, limit: 5 }).then(setRelated, () => setRelated([]));
  }, [paper, excludeId]);
  if (!related) return <p className="muted">Finding related papers…</p>;
  if (related.length === 0) return <p className="muted">No related papers in your digests.</p>;
  return (
    <ol className="results" data-testid="page-related">
      {related.map((r) => (
        <li key={r.paperId}>
          <a href={paperUrl(r)} target="_blank" rel="noreferrer">
            {r.title}
          </a>
          <div className="muted">shared: {r.terms.join(', ')}</div>
        </li>
      ))}
    </ol>
  );
}

function PaperView({ paper, url }: { paper: SeenPaper; url: string }) {
  const stored = useStoredPaper(paper);
  const memberships = useLiveQuery(async () => {
    if (!stored) return [];
    const entries = await db.entries.where('paperId').equals(stored.id).toArray();
    const digests = await db.digests.bulkGet(entries.map((e) => e.digestId));
    return digests
      .flatMap((d) => (d ? [d.date] : []))
      .sort()
      .reverse();
  }, [stored?.id]);
  const queued = useLiveQuery(async () => (stored ? ((await db.queue.get(stored.id)) ?? null) : null), [stored?.id]);

  const toggleQueue = async () => {
    const record = stored ?? (await ensurePaper(db, { ...paper, abstract: paper.abstract ?? null, url }));
    if (queued) await removeFromQueue(db, record.id);
    else await addToQueue(db, record.id, url);
  };
  const editor = new URLSearchParams({ title: paper.title, arxivId: paper.arxivId ?? '', url });

  return (
    <section className="panel" data-testid="this-page">
      <h2 data-testid="this-page-title">{stored?.title ?? paper.title}</h2>
      <p className="muted">
        {paper.arxivId && <>arXiv:{paper.arxivId} · </>}
        {memberships && memberships.length > 0 ? `in your digests of ${memberships.map(formatDay).join(', ')}` : 'not in your digests'}
      </p>
      <button type="button" data-testid="this-page-queue" onClick={() => void toggleQueue()}>
        {queued && !queued.readAt ? '✓ In your queue' : queued ? '✓ Read (in the Read list)' : '+ Add to queue'}
      </button>
      <h2 className="section-head">Your note</h2>
      <iframe className="note-frame" title="Your private note" src={`/note-editor.html?${editor}`} data-testid="this-page-note" />
      <h2 className="section-head">Related in your digests</h2>
      {stored !== undefined && <RelatedList paper={paper} excludeId={stored?.id ?? null} />}
    </section>
  );
}

/** The popup's view of the active tab's paper (abs, HTML, HF paper pages, and arXiv PDFs by URL). */
export function ThisPageView() {
  const info = usePagePaper();
  if (info.state === 'loading') return null;
  if (info.state === 'none') {
    return (
      <p className="muted" data-testid="this-page-none">
        This tab shows no paper. Open a paper on arXiv (abstract, HTML or PDF) or Hugging Face to see it here.
      </p>
    );
  }
  return <PaperView paper={info.paper} url={info.url} />;
}
