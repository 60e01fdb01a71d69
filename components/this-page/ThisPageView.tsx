import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { digestMemberships, findPaper, type Paper, queueItem, setQueuedFromPage } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { paperUrl } from '@/lib/identity/paper-urls';
import { type SeenPaper, seenPaper } from '@/lib/identity/seen-paper';
import { askBackground } from '@/lib/messaging/clients';
import type { RelatedPaper } from '@/lib/messaging/protocol/content-to-background';
import { noteEditorPath } from '@/lib/notes/note-editor-url';
import { strengthWord, strongMatches } from '@/lib/related/strength-scale';
import { formatDay } from '@/lib/text/format-day';
import { CapturePage } from './CapturePage';
import { usePagePaper } from './usePagePaper';

/** The stored paper for what the page shows, by the identity rule (lib/db/resolve-papers.ts); undefined while looking. */
function useStoredPaper(paper: SeenPaper): Paper | null | undefined {
  return useLiveQuery(() => findPaper(db, paper), [paper.arxivId, paper.title]);
}

/**
 * The related digest papers, asked with the best title and abstract known: the stored paper's when
 * there is one (an arXiv PDF tab shows neither, so its tab paper is only an id), else the page's.
 */
function RelatedList({ query, excludeId }: { query: Pick<SeenPaper, 'title' | 'abstract'>; excludeId: string | null }) {
  const [related, setRelated] = useState<RelatedPaper[] | null>(null);
  const { title, abstract } = query;
  useEffect(() => {
    const paper = seenPaper({ title, abstract });
    void askBackground({ type: 'related-papers', paper, excludePaperId: excludeId, limit: 5 }).then(setRelated, () => setRelated([]));
  }, [title, abstract, excludeId]);
  if (!related) return <p className="muted">Finding related papers…</p>;
  if (related.length === 0) return <p className="muted">No related papers in your digests.</p>;
  const strong = strongMatches(related);
  if (strong.length === 0) {
    return (
      <p className="muted" data-testid="page-related-none">
        No strong matches in your digests.
      </p>
    );
  }
  return (
    <ol className="results" data-testid="page-related">
      {strong.map((r) => (
        <li key={r.paperId} data-testid="page-related-item">
          <a href={paperUrl(r)} target="_blank" rel="noreferrer">
            {r.title}
          </a>
          <div className="muted">
            {strengthWord(r.strength)} match · shared: {r.terms.join(', ')}
          </div>
        </li>
      ))}
    </ol>
  );
}

function PaperView({ paper, url }: { paper: SeenPaper; url: string }) {
  const stored = useStoredPaper(paper);
  // Newest first (digestMemberships' order).
  const memberships = useLiveQuery(
    async () => (stored ? ((await digestMemberships(db, [stored.id])).get(stored.id) ?? []).map((m) => m.date) : []),
    [stored?.id],
  );
  const queued = useLiveQuery(async () => (stored ? queueItem(db, stored.id) : null), [stored?.id]);
  const seen = seenPaper({ title: paper.title, arxivId: paper.arxivId, abstract: paper.abstract ?? null, url });

  return (
    <section className="panel" data-testid="this-page">
      <h2 data-testid="this-page-title">{stored?.title ?? paper.title}</h2>
      <p className="muted">
        {paper.arxivId && <>arXiv:{paper.arxivId} · </>}
        {memberships && memberships.length > 0 ? `in your digests of ${memberships.map(formatDay).join(', ')}` : 'not in your digests'}
      </p>
      <button type="button" data-testid="this-page-queue" onClick={() => void setQueuedFromPage(db, seen, url, !queued)}>
        {queued && !queued.readAt ? '✓ In your queue' : queued ? '✓ Read (in the Read list)' : '+ Add to queue'}
      </button>
      <h2 className="section-head">Your note</h2>
      <iframe className="note-frame" title="Your private note" src={noteEditorPath(seen, null)} data-testid="this-page-note" />
      <h2 className="section-head">Related in your digests</h2>
      {stored !== undefined && (
        <RelatedList
          query={stored ? { title: stored.title, abstract: stored.abstract || paper.abstract } : paper}
          excludeId={stored?.id ?? null}
        />
      )}
    </section>
  );
}

/** The popup's view of the active tab's paper (abs, HTML, HF paper pages, and arXiv PDFs by URL). */
export function ThisPageView() {
  const info = usePagePaper();
  if (info.state === 'loading') return null;
  if (info.state === 'none') {
    return (
      <>
        <CapturePage />
        <p className="muted" data-testid="this-page-none">
          This tab shows no paper. Open a paper on arXiv (abstract, HTML or PDF) or Hugging Face to see it here.
        </p>
      </>
    );
  }
  return <PaperView paper={info.paper} url={info.url} />;
}
