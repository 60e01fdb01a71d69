import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/sites';
import { SHARED } from '../../support/paths';

const URL_OF_PAGE = 'https://arxiv.org/search/?query=distributed+systems&searchtype=abstract&abstracts=show&order=&size=200';
// The 940 KB page is parsed once for the whole file.
const html = readFileSync(join(SHARED, 'fixtures/pages/arxiv-search/search-abstract-distributed-systems-200-2025-12.html'), 'utf8');
const document = new JSDOM(html, { url: URL_OF_PAGE }).window.document;
const reading = readPage(document, new URL(URL_OF_PAGE));
const papers = reading?.papers ?? [];

describe('arXiv search results, Dec 2025 (search v0.5.6)', () => {
  it('reads all 200 results, in page order, as a list', () => {
    expect(document.querySelectorAll('li.arxiv-result')).toHaveLength(200);
    expect(reading?.site).toBe('arxiv');
    expect(reading?.kind).toBe('list');
    expect(reading?.panelAnchor).toBeNull();
    expect(papers).toHaveLength(200);
    expect(new Set(papers.map((p) => p.arxivId)).size).toBe(200);
  });

  it('reads the first and last results exactly', () => {
    expect(papers[0]).toMatchObject({
      title: 'The role of the top Yukawa coupling in triple Higgs production at the LHC',
      arxivId: '2512.03003',
      authors: ['Luca Panizzi'],
      abstract:
        'In this letter I quantify the effects of varying the top Yukawa coupling in the process of production of three Higgs bosons at the LHC. ' +
        'Modifications of the coupling within experimentally observed ranges have a sizeable impact on the total cross-section, ' +
        'but do not have large effects on the distributions of the invariant mass of the three-Higgs system and other global observables.',
    });
    expect(papers[199]).toMatchObject({
      title:
        'Beyond Traditional Diagnostics: Transforming Patient-Side Information into Predictive Insights with Knowledge Graphs and Prototypes',
      arxivId: '2512.08261',
    });
  });

  it('reads the full abstract of every result, never the cut-down one nor the “△ Less” toggle', () => {
    for (const paper of papers) {
      expect(paper.abstract).not.toBeNull();
      expect(paper.abstract).not.toMatch(/^…|[△▽]|More$|Less$/);
    }
    expect(papers[199]?.abstract?.startsWith('Predicting diseases solely from patient-side information')).toBe(true);
  });

  it('keeps LaTeX in titles as the page shows it', () => {
    expect(papers.filter((p) => p.title.includes('$')).map((p) => p.title)).toEqual([
      'Generalized Beth--Uhlenbeck entropy formula from the $Φ-$derivable approach',
      'Non-diagonal DVCS with spinless hadron-to-two-hadron transition $γ^* π\\to γππ$',
    ]);
  });

  it('anchors each paper at its p.title', () => {
    for (const paper of papers) {
      expect(paper.anchor.tagName).toBe('P');
      expect(paper.anchor.classList.contains('title')).toBe(true);
      expect(paper.anchor.closest('li.arxiv-result')).not.toBeNull();
    }
  });

  it('reads the advanced and per-archive search pages the same way', () => {
    for (const url of [
      'https://arxiv.org/search/advanced?terms-0-term=x',
      'https://arxiv.org/search/cond-mat?searchtype=author&query=Andrieux,+T',
    ]) {
      expect(readPage(document, new URL(url))?.papers, url).toHaveLength(200);
    }
  });
});
