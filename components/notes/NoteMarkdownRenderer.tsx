import 'katex/dist/katex.min.css';
import Markdown from 'react-markdown';
import { limitNesting, NOTE_REHYPE_PLUGINS, NOTE_REMARK_PLUGINS, noteUrlTransform } from '@/lib/notes/markdown';

/**
 * A note's Markdown as React elements (react-markdown; the rules are in lib/notes/markdown/). Text
 * reaches the DOM only as text nodes, raw HTML included; math is typeset by KaTeX, whose fonts are
 * bundled with the extension. Loaded lazily through NoteMarkdown.tsx: nothing else needs this
 * chunk's weight.
 */
export default function NoteMarkdownRenderer({ text }: { text: string }) {
  return (
    <Markdown remarkPlugins={NOTE_REMARK_PLUGINS} rehypePlugins={NOTE_REHYPE_PLUGINS} urlTransform={noteUrlTransform}>
      {limitNesting(text)}
    </Markdown>
  );
}
