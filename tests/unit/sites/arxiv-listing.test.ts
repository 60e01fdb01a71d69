import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/sites';
import { SHARED } from '../../support/paths';

function open(file: string, url: string) {
  const html = readFileSync(join(SHARED, 'fixtures/pages', file), 'utf8');
  const document = new JSDOM(html, { url }).window.document;
  return { document, read: (at = url) => readPage(document, new URL(at)) };
}

const excerpt2026 = open(
  'arxiv-listing/list-cond-mat.mtrl-sci-new-2026-09-22-newheader-EXCERPT.html',
  'https://arxiv.org/list/cond-mat.mtrl-sci/new',
);
const legacy2017 = open('arxiv-listing/list-quant-ph-new-2017-10-legacy-browser-save.html', 'https://arxiv.org/list/quant-ph/new');

describe('arXiv listing, 2026 layout (excerpt: entries 1-3 and 100-101 of 101)', () => {
  const reading = excerpt2026.read();
  const papers = reading?.papers ?? [];

  it('holds exactly the 5 dt/dd pairs the excerpt kept, and reads them all as a list', () => {
    expect(excerpt2026.document.querySelectorAll('dl > dt')).toHaveLength(5);
    expect(excerpt2026.document.querySelectorAll('dl > dd')).toHaveLength(5);
    expect(reading?.site).toBe('arxiv');
    expect(reading?.kind).toBe('list');
    expect(reading?.panelAnchor).toBeNull();
    expect(papers.map((p) => p.arxivId)).toEqual(['2609.22268', '2609.22287', '2609.22341', '2607.14029', '2607.28461']);
  });

  it('reads the first and last titles without the “Title:” descriptor, LaTeX kept as written', () => {
    expect(papers[0]?.title).toBe('Efficient spectral Galerkin framework for nonlinear transient heat transfer in finite domains');
    expect(papers[3]?.title).toBe('Terahertz Lattice Imprint of a Hidden Multipolar Ordering Transition in Gd$_2$Ru$_2$O$_7$');
    expect(papers[4]?.title).toBe('Fast and Accurate Equivariant Foundation Models for Atomistic Simulation');
  });

  it('reads the abstract of every entry of /new, replacements included', () => {
    expect(papers.every((p) => p.abstract !== null)).toBe(true);
    expect(papers[0]?.abstract?.startsWith('Accurately modelling the temporal evolution')).toBe(true);
    expect(papers[4]?.abstract?.endsWith('consistent descriptions of transition metal compound energy surfaces.')).toBe(true);
    expect(papers[4]?.abstract).toContain("deployed as 'foundation models' for downstream fine-tuning");
  });

  it('reads the authors and anchors each paper at its div.list-title', () => {
    expect(papers[0]?.authors).toEqual(['Théo Andrieux', 'Andreas Ntinos', 'Manas V. Upadhyay']);
    expect(papers[4]?.authors).toHaveLength(15);
    for (const paper of papers) {
      expect(paper.anchor.tagName).toBe('DIV');
      expect(paper.anchor.classList.contains('list-title')).toBe(true);
    }
  });
});

describe('arXiv listing, legacy 2017 layout (complete page, saved by a browser after MathJax ran)', () => {
  const reading = legacy2017.read();
  const papers = reading?.papers ?? [];

  it('reads all 44 entries of its three sections (18 new, 1 cross-list, 25 replacements)', () => {
    const sections = legacy2017.document.querySelectorAll('#dlpage dl');
    expect(Array.from(sections, (dl) => dl.querySelectorAll(':scope > dt').length)).toEqual([18, 1, 25]);
    expect(reading?.kind).toBe('list');
    expect(papers).toHaveLength(44);
    expect(papers.every((p) => p.arxivId !== null)).toBe(true);
  });

  it('reads the first and last entries exactly', () => {
    expect(papers[0]).toMatchObject({ title: 'Perfect polarization for arbitrary light beams', arxivId: '1710.06869' });
    expect(papers[0]?.authors).toEqual(['Aaron Z. Goldberg', 'Daniel F. V. James']);
    expect(papers[43]).toMatchObject({
      title: 'Geometric Local Hidden State Model for Some Two-qubit States',
      arxivId: '1710.06704',
      abstract: null,
    });
  });

  it('has abstracts for new submissions and cross-lists only, as the 2017 page showed none for replacements', () => {
    expect(papers.map((p) => p.abstract !== null)).toEqual([...Array<boolean>(19).fill(true), ...Array<boolean>(25).fill(false)]);
    expect(papers[1]?.title).toBe('Light, matter, and quantum randomness generation: A relativistic quantum information perspective');
  });

  it('reads typeset math back as the TeX MathJax kept, not as its rendered glyphs', () => {
    expect(papers[32]).toMatchObject({
      title: 'A "problem of time" in the multiplicative scheme for the $n$-site hopper',
      arxivId: '1706.03793',
    });
    expect(papers[33]?.title).toBe(
      'Correlations and enlarged superconducting phase of $t$-$J_\\perp$ chains of ultracold molecules on optical lattices',
    );
    expect(papers[14]?.abstract).toContain('The Schr\\"{o}dinger equation $\\psi"(x)+\\kappa^2 \\psi(x)=0$ where $\\kappa^2=k^2-V(x)$');
    for (const paper of papers) expect(paper.title).not.toMatch(/Title:|MathJax|\s{2}/);
  });

  it('anchors each paper at its div.list-title', () => {
    expect(papers.every((p) => p.anchor.matches('dd div.list-title'))).toBe(true);
  });
});

describe('arXiv listing URLs', () => {
  it('reads /list/<cat>/ new, recent, pastweek and month pages, and nothing else under /list', () => {
    for (const path of [
      '/list/quant-ph/recent',
      '/list/quant-ph/pastweek?skip=0&show=25',
      '/list/quant-ph/1710',
      '/list/quant-ph/2017-10',
    ]) {
      expect(legacy2017.read(`https://arxiv.org${path}`)?.papers, path).toHaveLength(44);
    }
    for (const path of ['/list/quant-ph', '/list/quant-ph/new/extra', '/list/']) {
      expect(legacy2017.read(`https://arxiv.org${path}`), path).toBeNull();
    }
  });
});
