import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH, readNoteEditorParams } from '@/entrypoints/note-editor/paper-params';
import { MAX_ABSTRACT_IN_URL, noteEditorPath } from '@/lib/content/features/note-frame';

const query = (path: string) => path.slice(path.indexOf('?'));

describe('the note editor iframe URL', () => {
  it('names the paper by title, arXiv id and page URL, and round-trips through the editor', () => {
    const path = noteEditorPath(
      { title: 'Attention Is All You Need', arxivId: '1706.03762', url: 'https://arxiv.org/abs/1706.03762v7' },
      'dark',
    );
    expect(path).toBe(
      '/note-editor.html?title=Attention+Is+All+You+Need&arxivId=1706.03762&url=https%3A%2F%2Farxiv.org%2Fabs%2F1706.03762v7&theme=dark',
    );
    expect(readNoteEditorParams(query(path))).toEqual({
      paper: {
        title: 'Attention Is All You Need',
        arxivId: '1706.03762',
        abstract: null,
        authors: null,
        url: 'https://arxiv.org/abs/1706.03762v7',
      },
      theme: 'dark',
    });
  });

  it('carries a short abstract, and leaves a long one out', () => {
    const paper = { title: 'T', arxivId: null, url: 'https://huggingface.co/papers/2501.11120' };
    expect(
      readNoteEditorParams(query(noteEditorPath({ ...paper, abstract: 'We study & test: 100% = "all".' }, 'light')))?.paper.abstract,
    ).toBe('We study & test: 100% = "all".');
    expect(noteEditorPath({ ...paper, abstract: 'x'.repeat(MAX_ABSTRACT_IN_URL + 1) }, 'light')).not.toContain('abstract=');
  });
});

describe('the note editor reading its query as untrusted data', () => {
  it('refuses a query without a title, or with one too long to be a title', () => {
    expect(readNoteEditorParams('')).toBeNull();
    expect(readNoteEditorParams('?title=%20%0A%20&arxivId=1706.03762')).toBeNull();
    expect(readNoteEditorParams(`?title=${'a'.repeat(MAX_TITLE_LENGTH + 1)}`)).toBeNull();
  });

  it('collapses whitespace and control characters, and keeps markup as plain text', () => {
    expect(readNoteEditorParams('?title=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%0A%00Title')?.paper.title).toBe(
      '<img src=x onerror=alert(1)> Title',
    );
  });

  it('normalises the arXiv id, and drops one that is not an arXiv id', () => {
    expect(readNoteEditorParams('?title=T&arxivId=arXiv:1706.03762v5')?.paper.arxivId).toBe('1706.03762');
    expect(readNoteEditorParams('?title=T&arxivId=../../etc')?.paper.arxivId).toBeNull();
  });

  it('keeps only an https page URL on arXiv or Hugging Face, without its fragment', () => {
    const url = (value: string) => readNoteEditorParams(`?title=T&url=${encodeURIComponent(value)}`)?.paper.url;
    expect(url('https://arxiv.org/abs/1706.03762#comments')).toBe('https://arxiv.org/abs/1706.03762');
    expect(url('https://huggingface.co/papers/2501.11120')).toBe('https://huggingface.co/papers/2501.11120');
    expect(url('javascript:alert(1)')).toBeNull();
    expect(url('http://arxiv.org/abs/1')).toBeNull();
    expect(url('https://evil.example/arxiv.org')).toBeNull();
    expect(url('https://user:pw@arxiv.org/abs/1')).toBeNull();
  });

  it('accepts only light or dark as the theme', () => {
    expect(readNoteEditorParams('?title=T&theme=dark')?.theme).toBe('dark');
    expect(readNoteEditorParams('?title=T&theme=%22%3E')?.theme).toBeNull();
  });
});
