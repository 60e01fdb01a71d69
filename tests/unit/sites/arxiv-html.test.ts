import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl, readPage } from '@/lib/sites';
import { SHARED } from '../../support/paths';

function open(file: string, url: string) {
  const html = readFileSync(join(SHARED, 'fixtures/pages', file), 'utf8');
  const document = new JSDOM(html, { url }).window.document;
  return { document, read: (at = url) => readPage(document, new URL(at)) };
}

const fullText = open('arxiv-html/arxiv-html-2501.11120v1.html', 'https://arxiv.org/html/2501.11120v1');
const bibliography = open('arxiv-html/arxiv-html-2503.18887-bibliography-excerpt.html', 'https://arxiv.org/html/2503.18887');

describe('arXiv HTML full text (LaTeXML), 2501.11120v1', () => {
  const reading = fullText.read();
  const [own, ...references] = reading?.papers ?? [];

  it('is a paper page whose first paper is its own, with the id from the URL, anchored at the title h1', () => {
    expect(reading?.site).toBe('arxiv');
    expect(reading?.kind).toBe('paper');
    expect(own?.title).toBe('Tell me about yourself: LLMs are aware of their learned behaviors');
    expect(own?.arxivId).toBe('2501.11120');
    expect(own?.anchor).toBe(fullText.document.querySelector('h1.ltx_title_document'));
    expect(reading?.panelAnchor).toBe(fullText.document.querySelector('div.ltx_abstract'));
  });

  it('reads the abstract’s paragraphs without the “Abstract” heading', () => {
    expect(own?.abstract?.startsWith('We study behavioral self-awareness — an LLM’s ability to articulate its behaviors')).toBe(true);
    expect(own?.abstract).toContain('by default. Our results show that models have surprising capabilities');
    expect(own?.abstract?.endsWith('Code and datasets are available at: https://github.com/XuchanBao/behavioral-self-awareness.')).toBe(
      true,
    );
  });

  it('reports no authors when one author block mixes several names with their affiliations', () => {
    expect(fullText.document.querySelectorAll('.ltx_creator.ltx_role_author')).toHaveLength(1);
    expect(own?.authors).toBeNull();
  });

  it('adds the 35 of its 48 references that carry an arXiv id, with the title block of each as title and anchor', () => {
    expect(fullText.document.querySelectorAll('li.ltx_bibitem')).toHaveLength(48);
    expect(references).toHaveLength(35);
    expect(references[0]).toMatchObject({
      title: 'Physics of language models: Part 3.2, knowledge manipulation',
      arxivId: '2309.14402',
      abstract: null,
      authors: null,
    });
    expect(references[34]).toMatchObject({
      title: 'A survey of backdoor attacks and defenses on large language models: Implications for security measures',
      arxivId: '2406.06852',
    });
    for (const reference of references) {
      expect(reference.anchor.matches('li.ltx_bibitem > span.ltx_bibblock')).toBe(true);
    }
  });

  it('drops the year a reference’s title block ends with, and writes LaTeXML math as its TeX', () => {
    const titles = references.map((r) => r.title);
    expect(titles).toContain('Text revealer: Private text reconstruction via model inversion attacks against transformers');
    expect(titles).toContain('The two-hop curse: Llms trained on a$\\rightarrow$b, b$\\rightarrow$c fail to learn a$\\rightarrow$c');
  });

  it('reads the same page at its other addresses', () => {
    for (const url of [
      'https://arxiv.org/html/2501.11120v1/',
      'https://arxiv.org/html/2501.11120',
      'https://arxiv.org/html/2501.11120v1#S3',
    ]) {
      expect(fullText.read(url)?.papers[0]?.arxivId, url).toBe('2501.11120');
    }
    expect(fullText.read('https://arxiv.org/html/not-an-id')).toBeNull();
  });
});

describe('arXiv HTML page that holds only its bibliography (2503.18887 excerpt)', () => {
  const reading = bibliography.read();

  it('reads as a list of the 23 of its 66 references that carry an arXiv id, since the page shows no paper of its own', () => {
    expect(bibliography.document.querySelectorAll('li.ltx_bibitem')).toHaveLength(66);
    expect(reading?.kind).toBe('list');
    expect(reading?.panelAnchor).toBeNull();
    expect(reading?.papers.map((p) => p.arxivId)).toEqual([
      '1710.05843',
      '1710.05840',
      '1710.05454',
      '1710.05454',
      '1710.05456',
      '1710.05437',
      '1710.05858',
      '1710.05841',
      '1710.05455',
      '1710.05835',
      '2404.02522',
      '2307.01330',
      '2103.16069',
      '1108.1317',
      '1712.06531',
      '1807.05667',
      '1901.01540',
      '2006.14961',
      '2212.08694',
      '2408.15243',
      '1304.0670',
      '2501.99999',
      'hep-ph/0601234',
    ]);
  });

  it('shows a one-block reference whole, without its label, as the title', () => {
    expect(reading?.papers[0]?.title).toBe(
      'I. Arcavi, G. Hosseinzadeh, D. A. Howell, and et al., Optical emission from a kilonova following a gravitational-wave-detected neutron-star merger, Nature 551, 64 (2017), arXiv:1710.05843',
    );
    expect(reading?.papers[0]?.anchor.matches('span.ltx_bibblock')).toBe(true);
  });

  it('still gives the popup the page’s own id from its URL', () => {
    expect(arxivIdFromUrl(new URL('https://arxiv.org/html/2503.18887'))).toBe('2503.18887');
  });
});
