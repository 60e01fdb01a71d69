import type { Paper } from '@/lib/db';

/** Where a paper opens: its arXiv page when the id is known, else a Hugging Face search for its title. */
export function paperUrl(paper: Pick<Paper, 'arxivId' | 'title'>): string {
  if (paper.arxivId) return `https://arxiv.org/abs/${paper.arxivId}`;
  return `https://huggingface.co/papers?q=${encodeURIComponent(paper.title)}`;
}
