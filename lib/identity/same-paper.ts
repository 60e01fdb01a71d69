import { normalizeArxivId } from './arxiv-id';
import type { SeenPaper } from './seen-paper';
import { titleKey } from './title-key';

/**
 * The identity rule for papers (docs/architecture.md), written once: a paper is known by its
 * arXiv id when one is known, else by its title key; a stored paper found by its title is the
 * same paper unless the arXiv ids disagree (two papers may share a title, never an arXiv id).
 * Import, page lookup, notes, the queue, restore and the popup all decide "is this the same
 * paper?" here; lib/db/resolve-papers.ts applies it to the database.
 */

/** What identifies a seen paper: its bare arXiv id (null when it has none, or none that is valid) and its title key. */
export interface PaperIdentity {
  arxivId: string | null;
  titleKey: string;
}

export function paperIdentity(seen: Pick<SeenPaper, 'title' | 'arxivId'>): PaperIdentity {
  return { arxivId: seen.arxivId ? normalizeArxivId(seen.arxivId) : null, titleKey: titleKey(seen.title) };
}

/**
 * Whether a paper found by title (or by a fuzzy title match) is the seen paper: yes, unless both
 * have an arXiv id and the ids differ, which makes it another paper that shares the title.
 */
export function sameByTitle(found: { arxivId: string | null }, seenArxivId: string | null): boolean {
  return !found.arxivId || !seenArxivId || found.arxivId === seenArxivId;
}

/** Two sightings with the same key are the same paper (same arXiv id, else both without one and the same title key). */
export function identityKey(identity: PaperIdentity): string {
  return identity.arxivId ? `a:${identity.arxivId}` : `t:${identity.titleKey}`;
}
