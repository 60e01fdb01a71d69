import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDigestFile, parseDigestText } from '@/lib/digest';
import { SHARED } from '../../support/paths';
import { refusal } from '../../support/refusal';

const TODAY = new Date('2026-11-22T12:00:00Z');
const FEEDS = join(SHARED, 'fixtures/feeds');
const DAILY = 'hf-api-json/daily_papers-api-2026-07-27-good-feed.json';
const PAPER = 'hf-api-json/hf-api-papers-2608.09888-2026-09.json';
const SEARCH = 'hf-search/hf-api-papers-search-diffusion-2026.json';

function readFeed(path: string): string {
  return readFileSync(join(FEEDS, path), 'utf8');
}

describe('Hugging Face api/daily_papers JSON', () => {
  const digests = parseDigestFile('daily.json', readFeed(DAILY), { today: TODAY });
  const papers = digests.flatMap((d) => d.papers);

  it('is one digest per day the papers were featured (paper.submittedOnDailyAt), never their publishedAt', () => {
    // Before the fix: one digest of 245 papers dated 2026-07-23, the latest item publishedAt (an arXiv date).
    expect(digests.map((d) => [d.digestDate.iso, d.papers.length])).toEqual([
      ['2026-07-13', 14],
      ['2026-07-14', 19],
      ['2026-07-15', 15],
      ['2026-07-16', 24],
      ['2026-07-17', 29],
      ['2026-07-20', 26],
      ['2026-07-21', 37],
      ['2026-07-22', 25],
      ['2026-07-23', 20],
      ['2026-07-24', 22],
      ['2026-07-27', 14],
    ]);
    expect(digests.every((d) => d.format === 'hf-daily-json' && d.fileName === 'daily.json')).toBe(true);
    expect(digests.at(-1)?.digestDate).toEqual({ raw: '2026-07-27T00:00:00.000Z', iso: '2026-07-27' });
    expect(papers).toHaveLength(245);
    expect(new Set(papers.map((p) => p.arxivId)).size).toBe(245);
  });

  it('keeps page order within a day, authors count, upvotes, publication day and organisation', () => {
    expect(digests[0]?.papers[0]).toMatchObject({
      title: 'Video Generation Models are General-Purpose Vision Learners',
      arxivId: '2607.09024',
      authors: 12,
      upvotes: 84,
      organization: 'GoogleDeepMind',
      published: { raw: '2026-07-10T00:00:00.000Z', iso: '2026-07-10' },
      line: 1,
    });
    expect(digests[0]?.papers[0]?.abstract.startsWith('Driven by next-token prediction, NLP shifted')).toBe(true);
    expect(papers.filter((p) => p.organization !== null)).toHaveLength(165);
  });

  it('refuses a daily feed item that does not say when it was featured, naming its path', () => {
    const daily = JSON.parse(readFeed(DAILY)) as Array<{ paper: Record<string, unknown> }>;
    const unfeatured = structuredClone(daily.slice(0, 3));
    delete (unfeatured[2] as { paper: Record<string, unknown> }).paper.submittedOnDailyAt;
    expect(refusal(() => parseDigestFile('x.json', JSON.stringify(unfeatured), { today: TODAY })).reason).toBe(
      'not a Hugging Face daily papers feed: [2].paper.submittedOnDailyAt is missing: the day the paper was featured on Daily Papers dates the digest',
    );
  });

  it("keeps the authors' names in order, as many as the count", () => {
    expect(papers.find((p) => p.authorNames?.[0] === 'Letian Wang')?.authorNames).toEqual([
      'Letian Wang',
      'Chuhan Zhang',
      'Rishabh Kabra',
      'Jasper Uijlings',
      'Steven Waslander',
      'Andrew Zisserman',
      'Joao Carreira',
      'Kaiming He',
      'Misha Andriluka',
      'Eduard Gabriel Bazavan',
      'Andrei Zanfir',
      'Cristian Sminchisescu',
    ]);
    expect(papers.find((p) => p.authorNames?.[0] === 'Yupeng Zheng')?.authorNames?.slice(0, 3)).toEqual([
      'Yupeng Zheng',
      'Kai Zou',
      'Bin Liu',
    ]);
    expect(papers.filter((p) => p.authorNames?.length !== p.authors)).toHaveLength(0);
  });
});

describe('Hugging Face paper search and single-paper JSON', () => {
  it('reads the 3 search hits of "diffusion"', () => {
    const digest = parseDigestText('search.json', readFeed(SEARCH), TODAY);
    expect(digest.format).toBe('hf-search-json');
    expect(digest.papers.map((p) => [p.arxivId, p.title, p.upvotes, p.authors])).toEqual([
      ['2006.11239', 'Denoising Diffusion Probabilistic Models', 9, 3],
      ['2112.10752', 'High-Resolution Image Synthesis with Latent Diffusion Models', 17, 5],
      ['2202.00512', 'Progressive Distillation for Fast Sampling of Diffusion Models', 2, 2],
    ]);
    expect(digest.digestDate).toEqual({ raw: '2022-02-01T11:07:25.000Z', iso: '2022-02-01' });
    // The summary's hard line breaks are joined.
    expect(digest.papers[0]?.abstract).toContain('diffusion probabilistic models, a class of latent variable models');
  });

  it('reads api/papers/<id> as a one-paper digest', () => {
    const digest = parseDigestText('paper.json', readFeed(PAPER), TODAY);
    expect(digest.format).toBe('hf-paper-json');
    // Featured 2026-08-11; published on arXiv 2026-08-10.
    expect(digest.digestDate).toEqual({ raw: '2026-08-11T00:00:00.000Z', iso: '2026-08-11' });
    expect(digest.papers).toHaveLength(1);
    expect(digest.papers[0]).toMatchObject({
      title: 'BDH-CQ: In-Context Learning with Recurrent Latent Reasoning',
      arxivId: '2608.09888',
      authors: 9,
      upvotes: 782,
    });
  });
});

describe('JSON that is not a Hugging Face feed', () => {
  const daily = JSON.parse(readFeed(DAILY)) as Array<{ paper: Record<string, unknown> }>;

  it('names the JSON path of a missing title', () => {
    const broken = structuredClone(daily.slice(0, 5));
    delete (broken[3] as { paper: Record<string, unknown> }).paper.title;
    const error = refusal(() => parseDigestText('export.json', JSON.stringify(broken), TODAY));
    expect(error.message).toBe('export.json:1: not a Hugging Face daily papers feed: [3].paper.title is missing');
    expect(error.line).toBe(1);
  });

  it('names a wrong type and an id that is not an arXiv id', () => {
    const typed = structuredClone(daily.slice(0, 2));
    (typed[1] as { paper: Record<string, unknown> }).paper.upvotes = 'many';
    expect(refusal(() => parseDigestText('a.json', JSON.stringify(typed), TODAY)).reason).toBe(
      'not a Hugging Face daily papers feed: [1].paper.upvotes is not a count',
    );
    const badId = structuredClone(daily.slice(0, 1));
    (badId[0] as { paper: Record<string, unknown> }).paper.id = 'abc';
    expect(refusal(() => parseDigestText('a.json', JSON.stringify(badId), TODAY)).reason).toBe(
      'not a Hugging Face daily papers feed: [0].paper.id "abc" is not an arXiv id',
    );
  });

  it('refuses other JSON, an empty list and invalid JSON with a clear message', () => {
    expect(refusal(() => parseDigestText('x.json', '{"name": "x"}', TODAY)).message).toBe(
      'x.json:1: this is JSON, but not a Hugging Face daily papers feed, paper search result or paper (api/daily_papers, api/papers/search, api/papers/<id>): it is an object without "id" and "title"',
    );
    expect(refusal(() => parseDigestText('x.json', '[]', TODAY)).reason).toMatch(
      /^this is JSON, but not a Hugging Face .*: it is an empty list$/,
    );
    expect(refusal(() => parseDigestText('x.json', '[1, 2]', TODAY)).reason).toMatch(/: it is a list whose items have no "paper"$/);
    const cut = readFeed(PAPER).slice(0, 500);
    const error = refusal(() => parseDigestText('cut.json', cut, TODAY));
    expect(error.reason).toBe('this looks like JSON but is not valid JSON (is the file cut short?)');
    expect(error.message).not.toMatch(/not supported yet/);
  });
});
