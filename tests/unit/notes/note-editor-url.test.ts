import { describe, expect, it } from 'vitest';
import { readNoteEditorParams } from '@/entrypoints/note-editor/paper-params';
import { MAX_ABSTRACT_IN_URL, noteEditorPath } from '@/lib/notes/note-editor-url';

const query = (path: string) => path.slice(path.indexOf('?'));

describe('the one note editor URL', () => {
  it('names the paper by title, arXiv id and page URL, with the page theme when there is one', () => {
    const paper = { title: 'Attention Is All You Need', arxivId: '1706.03762', url: 'https://arxiv.org/abs/1706.03762v7' };
    expect(noteEditorPath(paper, 'dark')).toBe(
      '/note-editor.html?title=Attention+Is+All+You+Need&arxivId=1706.03762&url=https%3A%2F%2Farxiv.org%2Fabs%2F1706.03762v7&theme=dark',
    );
    expect(noteEditorPath(paper, null)).toBe(
      '/note-editor.html?title=Attention+Is+All+You+Need&arxivId=1706.03762&url=https%3A%2F%2Farxiv.org%2Fabs%2F1706.03762v7',
    );
  });

  it('round-trips a paper without arXiv id or theme (the popup on a Hugging Face page) through the editor', () => {
    const paper = { title: 'T', arxivId: null, abstract: 'We study & test.', url: 'https://huggingface.co/papers/2501.11120' };
    expect(readNoteEditorParams(query(noteEditorPath(paper, null)))).toEqual({ paper: { ...paper, authors: null }, theme: null });
    expect(noteEditorPath({ ...paper, abstract: 'x'.repeat(MAX_ABSTRACT_IN_URL + 1) }, null)).not.toContain('abstract=');
  });
});
