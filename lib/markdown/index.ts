/** A small, safe Markdown for private notes: React elements out, never HTML strings. */
export type { Block, Inline } from './ast';
export { parseMarkdown } from './blocks';
export { parseInlines } from './inline';
export { renderMarkdown } from './render';
export { safeHref } from './safe-url';
