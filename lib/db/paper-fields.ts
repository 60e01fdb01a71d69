import type { Paper } from './entities';

/** The descriptive fields another source may know of a paper. */
export type PaperDetails = Pick<Paper, 'abstract' | 'authors' | 'organization'> & {
  url?: string | null;
  authorNames?: string[] | null;
};

/**
 * Fills the descriptive fields `stored` lacks from `seen`, never replacing a value; returns
 * whether anything changed. The arXiv id is the caller's to settle: it is identity, not detail.
 */
export function fillMissingDetails(stored: Paper, seen: PaperDetails): boolean {
  let changed = false;
  if (!stored.abstract && seen.abstract) {
    stored.abstract = seen.abstract;
    changed = true;
  }
  if (stored.authors === null && seen.authors !== null) {
    stored.authors = seen.authors;
    changed = true;
  }
  if (stored.organization === null && seen.organization !== null) {
    stored.organization = seen.organization;
    changed = true;
  }
  if (!stored.authorNames?.length && seen.authorNames?.length) {
    stored.authorNames = [...seen.authorNames];
    changed = true;
  }
  if (!stored.url && seen.url) {
    stored.url = seen.url;
    changed = true;
  }
  return changed;
}
