import { type DigestLensDB, digestMemberships, type Paper, resolveIdentities } from '../db';
import type { FuzzyTitleIndex } from '../identity/fuzzy';
import { paperIdentity, sameByTitle } from '../identity/same-paper';
import type { PagePaper, PaperMatch } from '../messaging/protocol';
import type { CorpusIndexes } from './corpus-indexes';

interface Candidate {
  paper: Paper;
  matchedBy: PaperMatch['matchedBy'];
}

/**
 * Matches papers found on a page to the corpus: by arXiv id, else by title key, else by a fuzzy
 * title match that refuses anything ambiguous (lib/identity/fuzzy/). A title-only paper
 * matched on a page that shows its arXiv id learns the id, so the next match is exact.
 */
export async function lookupPapers(db: DigestLensDB, indexes: CorpusIndexes, papers: PagePaper[]): Promise<Array<PaperMatch | null>> {
  const identities = papers.map(paperIdentity);
  const ids = identities.map((i) => i.arxivId);
  const exact = await resolveIdentities(db, identities);
  /** The papers found by the arXiv id they hold: no other paper may learn that id. */
  const idIndex = new Map<string | null, Paper>();

  const found: Array<Candidate | null> = [];
  let fuzzy: FuzzyTitleIndex | null = null;
  for (const [i, page] of papers.entries()) {
    const id = ids[i] ?? null;
    const stored = exact[i];
    if (stored) {
      const byId = id !== null && stored.arxivId === id;
      if (byId) idIndex.set(id, stored);
      found.push({ paper: stored, matchedBy: byId ? 'arxiv-id' : 'title' });
      continue;
    }
    fuzzy ??= await (await indexes.fresh()).fuzzy();
    const near = fuzzy.match(page.title);
    const nearPaper = near ? await db.papers.get(near.id) : undefined;
    found.push(nearPaper && sameByTitle(nearPaper, id) ? { paper: nearPaper, matchedBy: 'fuzzy-title' } : null);
  }

  await rememberArxivIds(db, found, ids, idIndex);
  const memberships = await digestMemberships(db, [...new Set(found.flatMap((f) => (f ? [f.paper.id] : [])))]);
  return found.map((f) => f && { paperId: f.paper.id, matchedBy: f.matchedBy, digests: memberships.get(f.paper.id) ?? [] });
}

/** Stores the arXiv id a page revealed for a paper known only by title, unless another paper has it. */
async function rememberArxivIds(
  db: DigestLensDB,
  found: Array<Candidate | null>,
  ids: Array<string | null>,
  taken: Map<string | null, Paper>,
) {
  const learned = new Map<string, string>();
  found.forEach((f, i) => {
    const id = ids[i];
    if (f && id && !f.paper.arxivId && !taken.has(id)) learned.set(f.paper.id, id);
  });
  if (learned.size === 0) return;
  await db.transaction('rw', db.papers, async () => {
    for (const [paperId, arxivId] of learned) {
      if ((await db.papers.where('arxivId').equals(arxivId).count()) === 0) await db.papers.update(paperId, { arxivId });
    }
  });
  for (const f of found) {
    const id = f && learned.get(f.paper.id);
    if (f && id) f.paper.arxivId = id;
  }
}
