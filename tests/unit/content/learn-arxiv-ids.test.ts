import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { arxivIdClaims } from '@/lib/content/features/learn-arxiv-ids';
import type { PaperMatch } from '@/lib/messaging/protocol/content-to-background';
import { readPage } from '@/lib/sites';
import { SHARED } from '../../support/paths';

function read(file: string, url: string) {
  const html = readFileSync(join(SHARED, 'fixtures/pages', file), 'utf8');
  return readPage(new JSDOM(html, { url }).window.document, new URL(url))?.papers ?? [];
}

const match = (matchedBy: PaperMatch['matchedBy'], i: number): PaperMatch => ({
  paperId: `title:paper${i}`,
  matchedBy,
  digests: [],
  queued: false,
  noted: false,
});

describe('which arXiv ids a page may teach', () => {
  const papers = read('arxiv-html/arxiv-html-2501.11120v1.html', 'https://arxiv.org/html/2501.11120v1');

  it('marks the first paper of an HTML page as its own record and its 35 references as references', () => {
    expect(papers.map((p) => p.role)).toEqual(['own', ...Array(35).fill('reference')]);
  });

  it('never sends a reference’s id, even when its title matches a stored paper exactly', () => {
    const claims = arxivIdClaims(
      papers,
      papers.map((_, i) => match('title', i)),
    );
    expect(claims).toEqual([{ paperId: 'title:paper0', title: papers[0]?.title, arxivId: '2501.11120' }]);
  });

  it('never sends an id for a fuzzy match, nor for a paper matched by its id', () => {
    expect(arxivIdClaims(papers.slice(0, 1), [match('fuzzy-title', 0)])).toEqual([]);
    expect(arxivIdClaims(papers.slice(0, 1), [match('arxiv-id', 0)])).toEqual([]);
    expect(arxivIdClaims(papers.slice(0, 1), [null])).toEqual([]);
  });

  it('sends the ids of a listing’s entries, each the site’s own record', () => {
    const listing = read('arxiv-listing/list-quant-ph-new-2017-10-legacy-browser-save.html', 'https://arxiv.org/list/quant-ph/new');
    expect(listing).toHaveLength(44);
    expect(
      arxivIdClaims(
        listing,
        listing.map((_, i) => match('title', i)),
      ),
    ).toHaveLength(44);
  });
});
