import { sameByTitle } from '../identity/same-paper';
import type { Paper } from './entities';

/**
 * The paper here that a backup's paper is: same id, else the identity rule
 * (lib/identity/same-paper.ts): same arXiv id, else same title key where the arXiv ids do not
 * disagree, preferring a paper with the same arXiv id. In memory, since a backup names every
 * paper: one read of the papers instead of a lookup per batch (lib/db/resolve-papers.ts). Only
 * papers that were here before the restore are candidates: the backup's own papers are restored
 * as they are.
 */
export class PaperMatcher {
  private readonly byId: Map<string, Paper>;
  private readonly byArxivId = new Map<string, Paper>();
  private readonly byTitleKey = new Map<string, Paper[]>();
  /** Every arXiv id held by a paper here or being restored, with the paper that holds it. */
  private readonly arxivIdHolders = new Map<string, string>();

  constructor(existing: Paper[]) {
    this.byId = new Map(existing.map((p) => [p.id, p]));
    for (const paper of existing) {
      if (paper.arxivId && !this.byArxivId.has(paper.arxivId)) {
        this.byArxivId.set(paper.arxivId, paper);
        this.arxivIdHolders.set(paper.arxivId, paper.id);
      }
      const sameTitle = this.byTitleKey.get(paper.titleKey);
      if (sameTitle) sameTitle.push(paper);
      else this.byTitleKey.set(paper.titleKey, [paper]);
    }
  }

  match(paper: Paper): Paper | undefined {
    const byId = this.byId.get(paper.id);
    if (byId) return byId;
    const byArxivId = paper.arxivId ? this.byArxivId.get(paper.arxivId) : undefined;
    if (byArxivId) return byArxivId;
    const candidates = this.byTitleKey.get(paper.titleKey) ?? [];
    return (
      candidates.find((p) => paper.arxivId !== null && p.arxivId === paper.arxivId) ?? candidates.find((p) => sameByTitle(p, paper.arxivId))
    );
  }

  /** Records that `paper` (here or being restored) holds its arXiv id. */
  holds(paper: Pick<Paper, 'id' | 'arxivId'>): void {
    if (paper.arxivId && !this.arxivIdHolders.has(paper.arxivId)) this.arxivIdHolders.set(paper.arxivId, paper.id);
  }

  /** Whether a paper other than `id` already holds this arXiv id (an arXiv id names one paper). */
  arxivIdTaken(arxivId: string, id: string): boolean {
    const holder = this.arxivIdHolders.get(arxivId);
    return holder !== undefined && holder !== id;
  }
}
