import type { Nodes } from 'mdast';
import type { VFile } from 'vfile';

/**
 * The note's text behind `node`, exactly as typed: what a construct the note rules refuse (a
 * `javascript:` link, a price read as math) shows instead. A node a plugin made has no position;
 * its text content stands in.
 */
export function sourceText(node: Nodes, file: VFile): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return textContent(node);
  return String(file.value).slice(start, end);
}

function textContent(node: Nodes): string {
  if ('value' in node) return node.value;
  if ('children' in node) return node.children.map(textContent).join('');
  return '';
}
