import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl, readPage } from '@/lib/sites';
import { SHARED } from '../../support/paths';

const absHtml = readFileSync(join(SHARED, 'fixtures/pages/arxiv-abs/abs-2609.22268-2026-09-newheader.html'), 'utf8');
const absPage = new JSDOM(absHtml, { url: 'https://arxiv.org/abs/2609.22268' }).window.document;

describe('readPage', () => {
  it('reads a page by its address, not its content: other addresses give null', () => {
    expect(readPage(absPage, new URL('https://arxiv.org/abs/2609.22268'))?.papers).toHaveLength(1);
    for (const url of [
      'https://arxiv.org/',
      'https://arxiv.org/help/api',
      'https://arxiv.org/pdf/2609.22268',
      'https://arxiv.org/format/2609.22268',
      'https://arxiv.org/a/andrieux_t_1',
      'https://example.org/abs/2609.22268',
      'https://arxiv.org.example.org/abs/2609.22268',
      'https://huggingface.co/models',
      'https://huggingface.co/search/full-text?q=diffusion',
    ]) {
      expect(readPage(absPage, new URL(url)), url).toBeNull();
    }
  });

  it('reads other arXiv hosts’ pages too', () => {
    expect(readPage(absPage, new URL('https://export.arxiv.org/abs/2609.22268'))?.papers[0]?.arxivId).toBe('2609.22268');
    expect(readPage(absPage, new URL('https://www.arxiv.org/abs/2609.22268'))?.papers[0]?.arxivId).toBe('2609.22268');
  });

  it('never throws on a page without the expected markup, and finds nothing there', () => {
    const { document } = new JSDOM('<!doctype html><title>Just a moment…</title><p>Checking your browser</p>').window;
    expect(readPage(document, new URL('https://arxiv.org/abs/2609.22268'))).toEqual({
      site: 'arxiv',
      kind: 'paper',
      papers: [],
      panelAnchor: null,
    });
    for (const url of ['https://arxiv.org/list/cs.AI/new', 'https://arxiv.org/search/?query=x', 'https://huggingface.co/papers']) {
      expect(readPage(document, new URL(url))?.papers, url).toEqual([]);
    }
    expect(readPage(document, new URL('https://arxiv.org/html/2501.11120v1'))?.papers).toEqual([]);
    expect(readPage(document, new URL('https://huggingface.co/papers/2608.09888'))?.papers).toEqual([]);
  });
});

describe('arxivIdFromUrl', () => {
  it('reads the bare id of an arXiv PDF address, with or without version and .pdf, old-style too', () => {
    expect(arxivIdFromUrl(new URL('https://arxiv.org/pdf/2501.11120v2'))).toBe('2501.11120');
    expect(arxivIdFromUrl(new URL('https://arxiv.org/pdf/2501.11120'))).toBe('2501.11120');
    expect(arxivIdFromUrl(new URL('https://arxiv.org/pdf/2501.11120v1.pdf'))).toBe('2501.11120');
    expect(arxivIdFromUrl(new URL('https://arxiv.org/pdf/hep-th/9901001v1'))).toBe('hep-th/9901001');
    expect(arxivIdFromUrl(new URL('https://arxiv.org/pdf/math.AG/0601001'))).toBe('math/0601001');
    expect(arxivIdFromUrl(new URL('https://export.arxiv.org/pdf/0704.0001v2#page=3'))).toBe('0704.0001');
  });

  it('reads abstract, HTML and Hugging Face paper addresses as well', () => {
    expect(arxivIdFromUrl(new URL('https://arxiv.org/abs/2609.22268v1'))).toBe('2609.22268');
    expect(arxivIdFromUrl(new URL('https://arxiv.org/abs/hep-th/9901001'))).toBe('hep-th/9901001');
    expect(arxivIdFromUrl(new URL('https://arxiv.org/html/2501.11120v1/'))).toBe('2501.11120');
    expect(arxivIdFromUrl(new URL('https://huggingface.co/papers/2608.09888'))).toBe('2608.09888');
  });

  it('gives null for addresses that show no single paper', () => {
    for (const url of [
      'https://arxiv.org/list/cs.AI/new',
      'https://arxiv.org/pdf/',
      'https://arxiv.org/pdf/not-an-id',
      'https://arxiv.org/pdf/%E0%A4%A',
      'https://example.org/pdf/2501.11120',
      'https://huggingface.co/papers/trending',
      'https://huggingface.co/datasets/2501.11120',
    ]) {
      expect(arxivIdFromUrl(new URL(url)), url).toBeNull();
    }
  });
});
