/**
 * The digests a live page shows, for the one-click capture: a Hugging Face daily, weekly or monthly
 * papers page, or an arXiv `/new`, `/recent` or `/pastweek` listing. The same readers as a saved
 * page's; no zod and no database, so content scripts bundle it.
 */
import { isArxivDayListing } from '../sites/arxiv';
import { isHfDayList } from '../sites/huggingface';
import { readArxivListingPage } from './arxiv-listing-page';
import { DigestLineError } from './errors';
import { readHfDailyPage } from './hf-daily-page';
import type { DigestContent } from './types';

/** True for a page the capture takes. */
export function isCapturablePage(url: URL): boolean {
  return isHfDayList(url) || isArxivDayListing(url);
}

/** The page's digests; throws DigestLineError saying why a page gives none (no papers, a changed layout). */
export function readPageDigests(doc: Document, url: URL): DigestContent[] {
  if (isHfDayList(url)) return readHfDailyPage(doc, url);
  if (isArxivDayListing(url)) return readArxivListingPage(doc);
  throw new DigestLineError(
    null,
    'DigestLens captures Hugging Face daily, weekly and monthly papers and arXiv /new, /recent and /pastweek listings',
  );
}
