import { type DigestLensDB, digestMemberships, type Paper, paperById, paperStates, resolveIdentities } from '../db';
import type { FuzzyTitleIndex } from '../identity/fuzzy';
import { paperIdentity, sameByTitle } from '../identity/same-paper';
import type { SeenPaper } from '../identity/seen-paper';
import type { PaperMatch } from '../messaging/protocol/content-to-background';
import type { CorpusIndexes } from './corpus-indexes';

interface Candidate {
  paper: Paper;
  matchedBy: PaperMatch['matchedBy'];
}

/**
 * Matches papers found on a page to the corpus: by the identity rule (lib/db/resolve-papers.ts),
 * else by a fuzzy title match that refuses anything ambiguous (lib/identity/fuzzy/). Each match
 * carries the paper's digests and its queue and note state, so a badge needs nothing more. Reads
 * only: an arXiv id is learned by its own request (learn-arxiv-ids, lib/db/learn-arxiv-ids.ts),
 * never as a side effect of a lookup.
 */
export async function lookupPapers(
  db: DigestLensDB,
  indexes: CorpusIndexes,
  papers: Array<Pick<SeenPaper, 'title' | 'arxivId'>>,
): Promise<Array<PaperMatch | null>> {
  const identities = papers.map(paperIdentity);
  const exact = await resolveIdentities(db, identities);

  const found: Array<Candidate | null> = [];
  let fuzzy: FuzzyTitleIndex | null = null;
  for (const [i, page] of papers.entries()) {
    const id = identities[i]?.arxivId ?? null;
    const stored = exact[i];
    if (stored) {
      found.push({ paper: stored, matchedBy: id !== null && stored.arxivId === id ? 'arxiv-id' : 'title' });
      continue;
    }
    fuzzy ??= await (await indexes.fresh()).fuzzy();
    const near = fuzzy.match(page.title);
    const nearPaper = near ? await paperById(db, near.id) : null;
    found.push(nearPaper && sameByTitle(nearPaper, id) ? { paper: nearPaper, matchedBy: 'fuzzy-title' } : null);
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
