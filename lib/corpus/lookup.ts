import { type DigestLensDB, type Paper, paperById, paperStates, papersByArxivId, papersByTitleKey } from '../db';
import { normalizeArxivId } from '../identity/arxiv-id';
import type { FuzzyTitleIndex } from '../identity/fuzzy-title';
import { titleKey } from '../identity/title-key';
import type { PaperMatch } from '../messaging/protocol/content-to-background';
import type { SeenPaper } from '../messaging/protocol/shared';
import type { CorpusIndexes } from './corpus-indexes';
import { digestMemberships } from './memberships';

interface Candidate {
  paper: Paper;
  matchedBy: PaperMatch['matchedBy'];
}

/**
 * Matches papers found on a page to the corpus: by arXiv id, else by title key, else by a fuzzy
 * title match that refuses anything ambiguous (lib/identity/fuzzy-title.ts). Each match carries the
 * paper's digests and its queue and note state, so a badge needs nothing more. Reads only: an arXiv
 * id is learned by its own request (learn-arxiv-ids, lib/db/learn-arxiv-ids.ts), never as a side
 * effect of a lookup.
 */
export async function lookupPapers(
  db: DigestLensDB,
  indexes: CorpusIndexes,
  papers: Array<Pick<SeenPaper, 'title' | 'arxivId'>>,
): Promise<Array<PaperMatch | null>> {
  const ids = papers.map((p) => (p.arxivId ? normalizeArxivId(p.arxivId) : null));
  const keys = papers.map((p) => titleKey(p.title));
  const [idIndex, keyIndex] = await Promise.all([
    papersByArxivId(
      db,
      ids.filter((id): id is string => id !== null),
    ),
    papersByTitleKey(db, keys),
  ]);

  const found: Array<Candidate | null> = [];
  let fuzzy: FuzzyTitleIndex | null = null;
  for (const [i, page] of papers.entries()) {
    const id = ids[i] ?? null;
    const exact = id ? idIndex.get(id) : undefined;
    if (exact) {
      found.push({ paper: exact, matchedBy: 'arxiv-id' });
      continue;
    }
    const byTitle = keyIndex.get(keys[i] ?? '');
    // A stored paper with another arXiv id is a different paper that shares the title.
    if (byTitle && (!byTitle.arxivId || !id || byTitle.arxivId === id)) {
      found.push({ paper: byTitle, matchedBy: 'title' });
      continue;
    }
    fuzzy ??= await (await indexes.fresh()).fuzzy();
    const near = fuzzy.match(page.title);
    const nearPaper = near ? await paperById(db, near.id) : null;
    found.push(
      nearPaper && (!nearPaper.arxivId || !id || nearPaper.arxivId === id) ? { paper: nearPaper, matchedBy: 'fuzzy-title' } : null,
    );
  }

  const matchedIds = [...new Set(found.flatMap((f) => (f ? [f.paper.id] : [])))];
  const [memberships, states] = await Promise.all([digestMemberships(db, matchedIds), paperStates(db, matchedIds)]);
  return found.map(
    (f) =>
      f && {
        paperId: f.paper.id,
        matchedBy: f.matchedBy,
        digests: memberships.get(f.paper.id) ?? [],
        queued: states.get(f.paper.id)?.queued ?? false,
        noted: states.get(f.paper.id)?.noted ?? false,
      },
  );
}
