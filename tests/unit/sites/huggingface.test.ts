import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/sites';
import { REPO_ROOT, SHARED } from '../../support/paths';

function open(path: string, url: string) {
  const document = new JSDOM(readFileSync(path, 'utf8'), { url }).window.document;
  return { document, read: (at = url) => readPage(document, new URL(at)) };
}

const daily = open(
  join(SHARED, 'fixtures/pages/hf-daily/huggingface-daily-papers-2026-09-28.html'),
  'https://huggingface.co/papers/date/2026-09-28',
);
/** Hand-made (no real paper page was ever saved): see the comment on its first line. */
const PAPER_PAGE = join(REPO_ROOT, 'tests/fixtures/hf-paper-2608.09888.html');
const paperPage = open(PAPER_PAGE, 'https://huggingface.co/papers/2608.09888');
const apiPaper = JSON.parse(readFileSync(join(SHARED, 'fixtures/feeds/hf-api-json/hf-api-papers-2608.09888-2026-09.json'), 'utf8')) as {
  title: string;
  summary: string;
  authors: Array<{ name: string }>;
};

describe('Hugging Face Daily Papers page of 2026-09-28', () => {
  const reading = daily.read();
  const papers = reading?.papers ?? [];

  it('reads the 28 visible paper cards in page order as a list', () => {
    expect(daily.document.querySelectorAll('article')).toHaveLength(28);
    expect(reading?.site).toBe('huggingface');
    expect(reading?.kind).toBe('list');
    expect(reading?.panelAnchor).toBeNull();
    expect(papers).toHaveLength(28);
    expect(papers[0]).toMatchObject({
      title: 'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
      arxivId: '2609.31620',
    });
    expect(papers[27]).toMatchObject({ title: 'BoundInk: Boundary-Aware Online Handwriting Generation', arxivId: '2604.02103' });
    expect(papers[3]?.title).toBe('InternW0-Δ: A World Action Model Bridging Predictive Dynamics and Actions with 20K+ Hours of Open Data');
  });

  it('anchors each paper at the visible title link of its card', () => {
    for (const paper of papers) {
      expect(paper.anchor.tagName).toBe('A');
      expect(paper.anchor.parentElement?.tagName).toBe('H3');
      expect(paper.anchor.closest('article')).not.toBeNull();
      expect(paper.anchor.getAttribute('href')).toBe(`/papers/${paper.arxivId}`);
    }
  });

  it('adds each card’s abstract and authors from the DailyPapers props, matched by id', () => {
    const props = JSON.parse(daily.document.querySelector('[data-target="DailyPapers"]')?.getAttribute('data-props') ?? '{}') as {
      dailyPapers: Array<{ paper: { id: string; summary: string } }>;
    };
    expect(props.dailyPapers).toHaveLength(28);
    const summaries = new Map(props.dailyPapers.map((d) => [d.paper.id, d.paper.summary.replace(/\s+/g, ' ').trim()]));
    for (const paper of papers) expect(paper.abstract).toBe(summaries.get(paper.arxivId ?? ''));
    expect(papers[0]?.abstract?.startsWith('Representation autoencoders (RAEs) reuse features from a pretrained visual encoder')).toBe(
      true,
    );
    expect(papers[0]?.authors).toHaveLength(16);
    expect(papers[0]?.authors?.[0]).toBe('Hongyang Du');
    expect(papers[0]?.authors?.[15]).toBe('Yue Wang');
  });

  it('still reads titles and ids from the cards when the props are unreadable', () => {
    const island = daily.document.querySelector('[data-target="DailyPapers"]');
    const props = island?.getAttribute('data-props') ?? '';
    island?.setAttribute('data-props', '{"dailyPapers": [oops');
    try {
      const unreadable = daily.read()?.papers ?? [];
      expect(unreadable).toHaveLength(28);
      expect(unreadable[0]).toMatchObject({ arxivId: '2609.31620', abstract: null, authors: null });
    } finally {
      island?.setAttribute('data-props', props);
    }
  });

  it('reads the papers list at each of its addresses: today, by date, trending, search', () => {
    for (const path of [
      '/papers',
      '/papers/',
      '/papers?date=2026-09-28',
      '/papers/trending',
      '/papers?q=diffusion',
      '/papers/week/2026-W40',
      '/papers/month/2026-09',
    ]) {
      expect(daily.read(`https://huggingface.co${path}`)?.papers, path).toHaveLength(28);
    }
  });
});

describe('Hugging Face paper page (hand-made test page modelled on scrapers’ accounts)', () => {
  it('says on its first line that it is hand-made', () => {
    expect(readFileSync(PAPER_PAGE, 'utf8').split('\n')[0]).toMatch(/^<!-- HAND-MADE test page, not a capture.*-->$/);
  });

  it('reads the paper from the visible h1 and abstract, with the id from the URL and the authors from the props', () => {
    const reading = paperPage.read();
    expect(reading?.site).toBe('huggingface');
    expect(reading?.kind).toBe('paper');
    expect(reading?.papers).toHaveLength(1);
    const paper = reading?.papers[0];
    expect(paper?.title).toBe('BDH-CQ: In-Context Learning with Recurrent Latent Reasoning');
    expect(paper?.arxivId).toBe('2608.09888');
    expect(paper?.abstract).toBe(apiPaper.summary);
    expect(paper?.authors).toEqual(apiPaper.authors.map((a) => a.name));
    expect(paper?.anchor.tagName).toBe('H1');
  });

  it('puts the panel after the abstract, not after the AI-generated summary above it', () => {
    const panelAnchor = paperPage.read()?.panelAnchor;
    expect(panelAnchor?.previousElementSibling?.textContent).toBe('Abstract');
    expect(panelAnchor?.textContent).toBe(apiPaper.summary);
  });

  it('falls back to the props’ summary when the page shows no abstract, and to nothing without a title', () => {
    const { document, read } = open(PAPER_PAGE, 'https://huggingface.co/papers/2608.09888');
    for (const heading of document.querySelectorAll('h2')) heading.remove();
    expect(read()?.papers[0]?.abstract).toBe(apiPaper.summary);
    expect(read()?.panelAnchor?.tagName).toBe('H1');
    document.querySelector('h1')?.remove();
    expect(read()).toEqual({ site: 'huggingface', kind: 'paper', papers: [], panelAnchor: null });
  });

  it('reads paper pages by arXiv id only, and leaves the rest of the site alone', () => {
    expect(paperPage.read('https://huggingface.co/papers/2608.09888v2')?.papers[0]?.arxivId).toBe('2608.09888');
    for (const url of [
      'https://huggingface.co/papers/not-an-id',
      'https://huggingface.co/models',
      'https://huggingface.co/',
      'https://huggingface.co/papers/2608.09888/extra',
    ]) {
      expect(paperPage.read(url), url).toBeNull();
    }
  });
});
