import { lazy, Suspense } from 'react';

/** react-markdown, KaTeX and their CSS load only when a note is first shown rendered. */
const NoteMarkdownRenderer = lazy(() => import('./NoteMarkdownRenderer'));

/** A note rendered from its Markdown (NoteMarkdownRenderer.tsx), in a chunk of its own. */
export function NoteMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<p className="note-muted">Loading the preview…</p>}>
      <NoteMarkdownRenderer text={text} />
    </Suspense>
  );
}
