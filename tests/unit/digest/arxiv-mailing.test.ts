import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDigestText } from '@/lib/digest';
import { SHARED } from '../../support/paths';
import { refusal } from '../../support/refusal';

const TODAY = new Date('2026-11-22T12:00:00Z');
const EMAIL = join(SHARED, 'fixtures/feeds/arxiv-email');
const QFIN = 'q-fin-daily-new-2023-03-17.txt';
const ASTRO = 'astro-ph.CO-daily-subjclass-2023-03-03.txt';
const MATH = 'math.AG-daily-subjclass-2023-06-09.txt';

function readMail(name: string): string {
  return readFileSync(join(EMAIL, name), 'utf8');
}

describe('arXiv plain-text daily mailing', () => {
  it('reads the 16 q-fin papers (13 new, 3 replacements), dated by the Date: header', () => {
    const digest = parseDigestText(QFIN, readMail(QFIN), TODAY);
    expect(digest.format).toBe('arxiv-mailing');
    expect(digest.digestDate).toEqual({ raw: 'Fri, 17 Mar 23 00:31:14 GMT', iso: '2023-03-17' });
    expect(digest.papers).toHaveLength(16);
    expect(digest.papers.filter((p) => p.abstract === '')).toHaveLength(3);
    expect(digest.papers[0]).toMatchObject({
      title: 'A Bayesian derivation of the square root law of market impact',
      arxivId: '2303.08867',
      authors: 2,
      published: { raw: 'Wed, 15 Mar 2023 18:34:08 GMT', iso: '2023-03-15' },
      line: 17,
    });
    // The abstract's wrapped lines are joined into one paragraph, LaTeX kept.
    expect(digest.papers[0]?.abstract).toMatch(
      /^We show that the main empirical findings on the impact of a sequence of transactions on prices .* This includes \{\\em i\)\} the square-root/,
    );
    expect(digest.papers[0]?.abstract.endsWith('originating from meta-orders.')).toBe(true);
    // A wrapped title is joined too.
    expect(digest.papers[1]?.title).toBe(
      'A parsimonious neural network approach to solve portfolio optimization problems without using dynamic programming',
    );
    expect(digest.papers.at(-1)).toMatchObject({
      title: 'Robust utility maximization with nonlinear continuous semimartingales',
      arxivId: '2206.14015',
      abstract: '',
      published: null,
      line: 433,
    });
  });

  it('reads the 23 astro-ph.CO blocks: new, cross-lists and 16 replacements, wrapped author lists counted', () => {
    const digest = parseDigestText(ASTRO, readMail(ASTRO), TODAY);
    expect(digest.digestDate).toEqual({ raw: 'Fri,  3 Mar 23 01:36:02 GMT', iso: '2023-03-03' });
    expect(digest.papers).toHaveLength(23);
    expect(digest.papers.filter((p) => p.published === null)).toHaveLength(16);
    expect(digest.papers[0]).toMatchObject({
      title: 'Searching for galaxy-scale strong-lenses in galaxy clusters with deep networks -- I: methodology and network performance',
      arxivId: '2303.00769',
      authors: 13,
      line: 20,
    });
    expect(digest.papers.at(-1)).toMatchObject({
      title: 'A variable active galactic nucleus at $z=2.06$ triply-imaged by the galaxy cluster MACS J0035.4-2015',
      arxivId: '2303.00025',
      authors: 35,
    });
  });

  it('keeps the author names of the Authors: line, affiliations dropped, wrapped lines joined', () => {
    const qfin = parseDigestText(QFIN, readMail(QFIN), TODAY);
    expect(qfin.papers[0]?.authorNames).toEqual(['Louis Saddier', 'Matteo Marsili']);
    const astro = parseDigestText(ASTRO, readMail(ASTRO), TODAY);
    expect(astro.papers[0]?.authorNames).toEqual([
      'G. Angora',
      'P. Rosati',
      'M. Meneghetti',
      'M. Brescia',
      'A. Mercurio',
      'C. Grillo',
      'P. Bergamini',
      'A. Acebron',
      'G. Caminha',
      'M. Nonino',
      'L. Tortorelli',
      'L. Bazzanini',
      'E. Vanzella',
    ]);
    expect(astro.papers.at(-1)?.authorNames).toHaveLength(35);
    expect(astro.papers.at(-1)?.authorNames?.slice(0, 3)).toEqual(['Lukas J. Furtak', 'Ramesh Mainali', 'Adi Zitrin']);
  });

  it('reads the small math.AG mailing: one cross-listing, one replacement', () => {
    const digest = parseDigestText(MATH, readMail(MATH), TODAY);
    expect(digest.digestDate.iso).toBe('2023-06-09');
    expect(digest.papers.map((p) => [p.arxivId, p.title, p.authors, p.published?.iso ?? null])).toEqual([
      ['2306.77777', 'Fake Paper of non amenable groups', 2, '2023-06-07'],
      ['2204.88888', 'Paper on improving ArXiv operations', 1, null],
    ]);
  });

  it('reads CRLF line ends and the one-line "\\\\ arXiv:ID" form', () => {
    const text = [
      'Date: Mon, 2 Jan 2023 00:00:00 GMT',
      '------------------------------------------------------------------------------',
      '\\\\ arXiv:2301.00001v2',
      'Title: Wrapped',
      '  title',
      'Authors: A, B, and C',
      '\\\\',
      '  An abstract',
      'on two lines.',
      '\\\\ ( https://arxiv.org/abs/2301.00001 ,  1kb)',
    ].join('\r\n');
    const digest = parseDigestText('m.txt', text, TODAY);
    expect(digest.digestDate).toEqual({ raw: 'Mon, 2 Jan 2023 00:00:00 GMT', iso: '2023-01-02' });
    expect(digest.papers).toEqual([
      expect.objectContaining({
        arxivId: '2301.00001',
        title: 'Wrapped title',
        abstract: 'An abstract on two lines.',
        authors: 3,
        line: 4,
      }),
    ]);
  });

  it('refuses a cut mailing, a block without a title, and a mailing without a date', () => {
    const cut = readMail(QFIN).split('\n').slice(0, 30).join('\n');
    expect(refusal(() => parseDigestText('cut.txt', cut, TODAY)).message).toBe(
      'cut.txt:17: the paper arXiv:2303.08867 does not end with its "\\\\ ( https://arxiv.org/abs/… )" line (the file looks truncated)',
    );
    const untitled = readMail(MATH).replace('Title: Fake Paper of non amenable groups\n', '');
    expect(refusal(() => parseDigestText('t.txt', untitled, TODAY)).message).toBe(
      't.txt:18: the paper arXiv:2306.77777 has no "Title:" line',
    );
    const undated = readMail(MATH)
      .replace(/^Date: Fri.*\n/, '')
      .replace(/ received from .*\n/, '');
    expect(refusal(() => parseDigestText('d.txt', undated, TODAY)).reason).toMatch(/^this arXiv mailing carries no date/);
  });
});
