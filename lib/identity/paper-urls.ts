/** Where a paper opens: links the extension renders are built here, and only as https URLs. */

export function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}

export function huggingFaceUrl(paper: { arxivId: string | null; title: string }): string {
  return paper.arxivId
    ? `https://huggingface.co/papers/${paper.arxivId}`
    : `https://huggingface.co/papers?q=${encodeURIComponent(paper.title)}`;
}

/** The best single link: arXiv when the id is known, else a Hugging Face search for the title. */
export function paperUrl(paper: { arxivId: string | null; title: string }): string {
  return paper.arxivId ? arxivAbsUrl(paper.arxivId) : huggingFaceUrl(paper);
}
