import { describe, expect, it } from 'vitest';
import { isArxivAbs, isArxivHtml, isArxivListing, isArxivPdf, isArxivSearch, isHfPaper, isHfPaperList, showsOnePaper } from '@/lib/sites';
import { isSupportedPage, SUPPORTED_HOST_PATTERNS, siteOfHost } from '@/lib/sites/hosts';

describe('the one list of supported hosts', () => {
  it('runs on the two bare hosts over https, and on nothing that only looks like them', () => {
    expect(SUPPORTED_HOST_PATTERNS).toEqual(['https://arxiv.org/*', 'https://huggingface.co/*']);
    expect(isSupportedPage('https://arxiv.org/abs/2609.22268')).toBe(true);
    expect(isSupportedPage('https://huggingface.co/papers')).toBe(true);
    for (const url of [
      'http://arxiv.org/abs/2609.22268',
      'https://www.arxiv.org/abs/2609.22268',
      'https://export.arxiv.org/abs/2609.22268',
      'https://www.huggingface.co/papers',
      'https://arxiv.org.example.org/abs/1',
      'https://user:pw@arxiv.org/abs/1',
      'not a url',
    ]) {
      expect(isSupportedPage(url), url).toBe(false);
    }
  });

  it('reads the sites’ other names only as addresses', () => {
    expect(siteOfHost('export.arxiv.org')).toBe('arxiv.org');
    expect(siteOfHost('www.huggingface.co')).toBe('huggingface.co');
    expect(siteOfHost('arxiv.org.example.org')).toBeNull();
  });
});

describe('the site adapters’ URL predicates', () => {
  it('tell the kind of page an address shows', () => {
    const url = (s: string) => new URL(s);
    expect(isArxivAbs(url('https://arxiv.org/abs/2609.22268v1'))).toBe(true);
    expect(isArxivPdf(url('https://arxiv.org/pdf/2501.11120v2'))).toBe(true);
    expect(isArxivPdf(url('https://arxiv.org/pdf/not-an-id'))).toBe(false);
    expect(isArxivHtml(url('https://arxiv.org/html/2501.11120v1/'))).toBe(true);
    expect(isArxivListing(url('https://arxiv.org/list/cs.AI/new'))).toBe(true);
    expect(isArxivSearch(url('https://arxiv.org/search/?query=x'))).toBe(true);
    expect(isHfPaper(url('https://huggingface.co/papers/2608.09888'))).toBe(true);
    expect(isHfPaper(url('https://huggingface.co/papers/trending'))).toBe(false);
    expect(isHfPaperList(url('https://huggingface.co/papers/trending'))).toBe(true);
    expect(isArxivAbs(url('https://huggingface.co/abs/2609.22268'))).toBe(false);
  });

  it('open the popup on This page for one paper’s address on a supported host only', () => {
    for (const s of ['https://arxiv.org/abs/2609.22268', 'https://arxiv.org/pdf/2501.11120', 'https://huggingface.co/papers/2608.09888']) {
      expect(showsOnePaper(new URL(s)), s).toBe(true);
    }
    for (const s of ['https://arxiv.org/list/cs.AI/new', 'https://huggingface.co/papers', 'https://export.arxiv.org/abs/2609.22268']) {
      expect(showsOnePaper(new URL(s)), s).toBe(false);
    }
  });
});
