import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/sites';
import { SHARED } from '../../support/paths';

const PAGE_2026 = 'arxiv-abs/abs-2609.22268-2026-09-newheader.html';
const PAGE_2018 = 'arxiv-abs/arxiv-abs-0704.0001-2018-assets-rewritten.html';

/** A saved page parsed as served at `url`; `read` reads it, at `url` or another address. */
function open(file: string, url: string) {
  const html = readFileSync(join(SHARED, 'fixtures/pages', file), 'utf8');
  const document = new JSDOM(html, { url }).window.document;
  return { document, read: (at = url) => readPage(document, new URL(at)) };
}

// One parse per page for the tests that only read it; a test that changes a page opens its own.
const page2026 = open(PAGE_2026, 'https://arxiv.org/abs/2609.22268');
const page2018 = open(PAGE_2018, 'https://arxiv.org/abs/0704.0001');

describe('arXiv abstract page, 2026 layout', () => {
  it('reads the page’s paper from its citation metadata, anchored at the h1 title with the panel after the abstract', () => {
    const { document, read } = page2026;
    const reading = read();
    expect(reading?.site).toBe('arxiv');
    expect(reading?.kind).toBe('paper');
    expect(reading?.papers).toHaveLength(1);
    const paper = reading?.papers[0];
    expect(paper?.title).toBe('Efficient spectral Galerkin framework for nonlinear transient heat transfer in finite domains');
    expect(paper?.arxivId).toBe('2609.22268');
    expect(paper?.authors).toEqual(['Théo Andrieux', 'Andreas Ntinos', 'Manas V. Upadhyay']);
    expect(paper?.anchor).toBe(document.querySelector('h1.title'));
    expect(reading?.panelAnchor).toBe(document.querySelector('blockquote.abstract'));
    expect(reading?.panelAnchor?.tagName).toBe('BLOCKQUOTE');
  });

  it('takes the abstract from citation_abstract, which writes links out instead of “this https URL”', () => {
    const abstract = page2026.read()?.papers[0]?.abstract ?? '';
    expect(abstract.startsWith('Accurately modelling the temporal evolution of heterogeneous temperature fields')).toBe(true);
    expect(abstract.endsWith('available at https://github.com/manasvupadhyay/spectral_galerkin_heat under the Apache 2.0 license.')).toBe(
      true,
    );
    expect(abstract).not.toMatch(/Abstract:|\s{2}|\n/);
  });

  it('reads the same paper at a versioned URL', () => {
    expect(page2026.read('https://arxiv.org/abs/2609.22268v2')?.papers[0]?.arxivId).toBe('2609.22268');
  });

  it('falls back to the visible title and abstract, without their descriptors, when the metadata is gone', () => {
    const { document, read } = open(PAGE_2026, 'https://arxiv.org/abs/2609.22268');
    for (const meta of document.querySelectorAll('meta[name^="citation_"]')) meta.remove();
    const paper = read()?.papers[0];
    expect(paper?.title).toBe('Efficient spectral Galerkin framework for nonlinear transient heat transfer in finite domains');
    expect(paper?.arxivId).toBe('2609.22268');
    expect(paper?.abstract?.startsWith('Accurately modelling the temporal evolution')).toBe(true);
    expect(paper?.abstract?.endsWith('available at this https URL under the Apache 2.0 license.')).toBe(true);
    expect(paper?.authors).toEqual(['Théo Andrieux', 'Andreas Ntinos', 'Manas V. Upadhyay']);
  });

  it('reports no paper, and no panel place, when the title element is missing', () => {
    const { document, read } = open(PAGE_2026, 'https://arxiv.org/abs/2609.22268');
    document.querySelector('h1.title')?.remove();
    expect(read()).toEqual({ site: 'arxiv', kind: 'paper', papers: [], panelAnchor: null });
  });
});

describe('arXiv abstract page, ~2018 layout', () => {
  it('reads title and id from metadata and the abstract from the blockquote, without the “Abstract:” descriptor', () => {
    const { document, read } = page2018;
    const reading = read();
    expect(reading?.kind).toBe('paper');
    expect(reading?.papers).toHaveLength(1);
    const paper = reading?.papers[0];
    expect(paper?.title).toBe('Calculation of prompt diphoton production cross sections at Tevatron and LHC energies');
    expect(paper?.arxivId).toBe('0704.0001');
    expect(paper?.abstract?.startsWith('A fully differential calculation in perturbative quantum chromodynamics is presented')).toBe(true);
    expect(paper?.abstract?.endsWith('enhanced sensitivity to the signal can be obtained with judicious selection of events.')).toBe(true);
    expect(paper?.anchor).toBe(document.querySelector('h1.title'));
    expect(reading?.panelAnchor).toBe(document.querySelector('blockquote.abstract'));
  });

  it('turns the metadata’s “Last, First” authors into “First Last”', () => {
    expect(page2018.read('https://arxiv.org/abs/0704.0001v2')?.papers[0]?.authors).toEqual([
      'C. Balázs',
      'E. L. Berger',
      'P. M. Nadolsky',
      'C. -P. Yuan',
    ]);
  });

  it('falls back to the visible title, without its “Title:” descriptor, and to the URL’s id, old-style too', () => {
    const { document, read } = open(PAGE_2018, 'https://arxiv.org/abs/hep-th/9901001v1');
    for (const meta of document.querySelectorAll('meta[name="citation_title"], meta[name="citation_arxiv_id"]')) meta.remove();
    const paper = read()?.papers[0];
    expect(paper?.title).toBe('Calculation of prompt diphoton production cross sections at Tevatron and LHC energies');
    expect(paper?.arxivId).toBe('hep-th/9901001');
  });

  it('does not read an abs URL whose id is not an arXiv id', () => {
    expect(page2018.read('https://arxiv.org/abs/not-a-paper')).toBeNull();
    expect(page2018.read('https://arxiv.org/abs/')).toBeNull();
  });
});
