import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseDigestFile, parseDigestText } from '@/lib/digest';
import { readArxivListingPage } from '@/lib/digest/arxiv-listing-page';
import { readHfDailyPage } from '@/lib/digest/hf-daily-page';
import { readHtml } from '../../support/html';
import { SHARED } from '../../support/paths';
import { refusal } from '../../support/refusal';

const TODAY = new Date('2026-11-22T12:00:00Z');
const PAGES = join(SHARED, 'fixtures/pages');
const HF_DAILY = join(PAGES, 'hf-daily/huggingface-daily-papers-2026-09-28.html');
const LIST_2026 = join(PAGES, 'arxiv-listing/list-cond-mat.mtrl-sci-new-2026-09-22-newheader-EXCERPT.html');
const LIST_2017 = join(PAGES, 'arxiv-listing/list-quant-ph-new-2017-10-legacy-browser-save.html');

const read = (path: string) => readFileSync(path, 'utf8');

describe('a saved Hugging Face daily papers page', () => {
  const [digest, ...rest] = parseDigestFile('daily.html', read(HF_DAILY), { today: TODAY, readHtml });

  it('is one digest of 2026-09-28 with its 28 papers in page order, each with its arXiv id and abstract', () => {
    expect(rest).toHaveLength(0);
    expect(digest?.format).toBe('hf-daily-page');
    expect(digest?.digestDate).toEqual({ raw: '2026-09-28', iso: '2026-09-28' });
    expect(digest?.papers).toHaveLength(28);
    expect(digest?.papers.slice(0, 3).map((p) => [p.arxivId, p.upvotes])).toEqual([
      ['2609.31620', 110],
      ['2609.18703', 42],
      ['2609.31093', 19],
    ]);
    expect(digest?.papers.at(-1)?.arxivId).toBe('2604.02103');
    expect(digest?.papers.every((p) => p.abstract.length > 200)).toBe(true);
    expect(digest?.papers[0]).toMatchObject({
      title: 'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
      authors: 16,
      organization: 'USC Physical Superintelligence (PSI) Lab',
      published: { raw: '2026-09-25T00:00:00.000Z', iso: '2026-09-25' },
    });
    expect(digest?.papers[0]?.authorNames?.slice(0, 2)).toEqual(['Hongyang Du', 'Yunfei Xie']);
    expect(digest?.papers[0]?.abstract.startsWith('Representation autoencoders (RAEs) reuse features')).toBe(true);
  });

  it("the JSON in its data props is dated by the featured day, 2026-09-28, not by the items' publishedAt (Sep 24)", () => {
    const { document } = new JSDOM(read(HF_DAILY)).window;
    const props = JSON.parse(document.querySelector('[data-target="DailyPapers"]')?.getAttribute('data-props') ?? '{}') as {
      dailyPapers: unknown[];
    };
    const digests = parseDigestFile('props.json', JSON.stringify(props.dailyPapers), { today: TODAY });
    // Before the fix: one digest dated 2026-09-24 (the latest item publishedAt, 2026-09-24T20:00:00.000Z).
    expect(digests.map((d) => [d.format, d.digestDate.iso, d.papers.length])).toEqual([['hf-daily-json', '2026-09-28', 28]]);
  });

  it('read live after the site changed the cards in place, reads the visible cards, dated by the address', () => {
    const { document } = new JSDOM(read(HF_DAILY)).window;
    const articles = [...document.querySelectorAll('article')];
    for (const article of articles.slice(10)) article.remove();
    articles[0]?.remove();
    const [changed, ...others] = readHfDailyPage(document, new URL('https://huggingface.co/papers/date/2026-09-25'));
    expect(others).toHaveLength(0);
    expect(changed?.digestDate).toEqual({ raw: '2026-09-25', iso: '2026-09-25' });
    expect(changed?.papers.map((p) => p.arxivId)).toEqual([
      '2609.18703',
      '2609.31093',
      '2609.31394',
      '2609.24385',
      '2609.31199',
      '2609.30216',
      '2609.25716',
      '2609.30222',
      '2609.31590',
    ]);
    expect(changed?.papers[0]).toMatchObject({ upvotes: 42, abstract: '' });
    expect(() => readHfDailyPage(document, new URL('https://huggingface.co/papers'))).toThrow(/changed in place/);
  });

  it('with no papers in its data, says so and reads nothing', () => {
    const { document } = new JSDOM(read(HF_DAILY)).window;
    const island = document.querySelector('[data-target="DailyPapers"]');
    const props = JSON.parse(island?.getAttribute('data-props') ?? '{}') as Record<string, unknown>;
    island?.setAttribute('data-props', JSON.stringify({ ...props, dailyPapers: [] }));
    for (const article of document.querySelectorAll('article')) article.remove();
    expect(() => readHfDailyPage(document, null)).toThrow(
      'this Hugging Face papers page shows no papers (or its layout has changed): nothing to import',
    );
  });
});

describe('a saved arXiv /new listing', () => {
  it('2026 layout (excerpt): the listing day and its 5 entries in page order with their sections', () => {
    const [digest, ...rest] = parseDigestFile('list.html', read(LIST_2026), { today: TODAY, readHtml });
    expect(rest).toHaveLength(0);
    expect(digest?.format).toBe('arxiv-listing-page');
    expect(digest?.digestDate).toEqual({ raw: 'Tuesday, 22 September 2026', iso: '2026-09-22' });
    expect(digest?.papers.map((p) => [p.arxivId, p.section])).toEqual([
      ['2609.22268', 'new'],
      ['2609.22287', 'new'],
      ['2609.22341', 'new'],
      ['2607.14029', 'replacement'],
      ['2607.28461', 'replacement'],
    ]);
    expect(digest?.papers[2]).toMatchObject({
      title:
        'NTBuilder: Commensurate Construction of Nanotubes from Arbitrary Two-Dimensional Crystals and a Catalog of 20 Million Structures',
      authors: 1,
      authorNames: ['Marcelo Lopes Pereira Junior'],
    });
    expect(digest?.papers.every((p) => p.abstract.length > 100)).toBe(true);
  });

  it('2017 legacy layout: 44 entries in three sections, dated Fri, 20 Oct 17', () => {
    const [digest] = parseDigestFile('legacy.html', read(LIST_2017), { today: TODAY, readHtml });
    expect(digest?.digestDate).toEqual({ raw: 'Fri, 20 Oct 17', iso: '2017-10-20' });
    expect(digest?.papers).toHaveLength(44);
    const sections = digest?.papers.map((p) => p.section) ?? [];
    expect([sections.indexOf('cross-list'), sections.indexOf('replacement')]).toEqual([18, 19]);
    expect(sections.filter((s) => s === 'new')).toHaveLength(18);
    expect(sections.filter((s) => s === 'cross-list')).toHaveLength(1);
    expect(sections.filter((s) => s === 'replacement')).toHaveLength(25);
    expect(digest?.papers.slice(0, 1).map((p) => [p.arxivId, p.title, p.authorNames])).toEqual([
      ['1710.06869', 'Perfect polarization for arbitrary light beams', ['Aaron Z. Goldberg', 'Daniel F. V. James']],
    ]);
    expect(digest?.papers[18]?.arxivId).toBe('1710.06883');
  });

  it('/recent: one digest per day heading, entries without abstracts', () => {
    // Hand-made from the 2026 layout's markup: no real /recent page was saved.
    const entry = (id: string, title: string) =>
      `<dt><a href="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a></dt><dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> ${title}</div><div class="list-authors"><a href="#">A. Author</a></div></div></dd>`;
    const html = `<!DOCTYPE html><html><body><div id="dlpage"><dl id="articles"><h3>Tue, 22 Sep 2026 (showing 2 of 2 entries )</h3>${entry('2609.00001', 'One')}${entry('2609.00002', 'Two')}</dl><dl id="articles"><h3>Mon, 21 Sep 2026 (showing 1 of 1 entries )</h3>${entry('2609.00003', 'Three')}</dl></div></body></html>`;
    const digests = readArxivListingPage(new JSDOM(html).window.document);
    expect(digests.map((d) => [d.digestDate.iso, d.papers.map((p) => [p.arxivId, p.abstract, p.section])])).toEqual([
      [
        '2026-09-22',
        [
          ['2609.00001', '', 'new'],
          ['2609.00002', '', 'new'],
        ],
      ],
      ['2026-09-21', [['2609.00003', '', 'new']]],
    ]);
  });

  it('a listing without entries says so and reads nothing', () => {
    const html =
      '<!DOCTYPE html><html><body><div id="dlpage"><h3>Showing new listings for Tuesday, 22 September 2026</h3></div></body></html>';
    expect(refusal(() => parseDigestText('empty.html', html, TODAY, readHtml)).message).toBe(
      'empty.html: this arXiv listing shows no papers (or its layout has changed): nothing to import',
    );
  });

  it('other saved pages keep their refusal, naming the file', () => {
    const abs = read(join(PAGES, 'arxiv-abs/abs-2609.22268-2026-09-newheader.html'));
    expect(refusal(() => parseDigestText('abs.html', abs, TODAY, readHtml)).message).toMatch(
      /^abs\.html:1: this is HTML or XML, not a digest: /,
    );
  });
});

describe("text copied from today's Hugging Face Daily Papers page", () => {
  it('is refused with what it is and where the one-click capture is, never contradicting itself', () => {
    // The page's own text as a copy runs it (navigation, then the header lines without blank lines between), from the saved page.
    const { document } = new JSDOM(read(HF_DAILY)).window;
    const lines = [...document.querySelectorAll('header a, h1, h1 + p, h3 a')]
      .map((e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '')
      .filter(Boolean);
    const copied = lines.join('\n');
    expect(copied).toContain('\nDaily Papers\n');
    const error = refusal(() => parseDigestText('copied.txt', copied, TODAY));
    expect(error.reason).toBe(
      'this is text copied from today\'s Hugging Face Daily Papers page, which starts with the site\'s navigation and shows no abstracts: on the page, click "Add this page to my digests" (or the DigestLens icon → This page), or save the page as HTML (Save page as…) and import that file',
    );
    expect(error.reason).not.toMatch(/expected the header/);
  });
});
