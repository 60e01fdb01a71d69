import type { Definition, Nodes, Parents, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { safeHref } from './safe-url';
import { sourceText } from './source-text';

/**
 * What a note may become, whatever it holds (the parser already keeps raw HTML as text,
 * note-syntax.ts):
 * - a link only to an http(s) URL (safe-url.ts), opening in a new tab without referrer or opener;
 *   any other link (`javascript:`, `data:`, a relative path…) shows its source as typed;
 * - no image, nor anything else the page would fetch: an image shows its alt text;
 * - headings of levels 1 to 3 (the note page's own titles sit above them); a deeper `####` line
 *   is a paragraph that shows its hashes.
 */
export function remarkNoteSafety() {
  return (tree: Root, file: VFile): undefined => {
    const definitions = new Map<string, Definition>();
    collectDefinitions(tree, definitions);
    rewriteChildren(tree, file, definitions);
  };
}

const MAX_HEADING_DEPTH = 3;

/** Every link: a new tab, and the site learns neither where the click came from nor gets a handle on this page. */
const LINK_PROPERTIES = { target: '_blank', rel: ['noopener', 'noreferrer'] };

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

function rewriteChildren(parent: Parents, file: VFile, definitions: Map<string, Definition>): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as RootContent;
    const replacement = rewrite(child, file, definitions);
    children[i] = replacement;
    if ('children' in replacement) rewriteChildren(replacement, file, definitions);
  }
}

function rewrite(node: RootContent, file: VFile, definitions: Map<string, Definition>): RootContent {
  switch (node.type) {
    case 'link': {
      const href = safeHref(node.url);
      if (!href) return text(sourceText(node, file), node);
      return { ...node, url: href, title: null, data: { ...node.data, hProperties: LINK_PROPERTIES } };
    }
    case 'linkReference': {
      const definition = definitions.get(node.identifier);
      const href = definition ? safeHref(definition.url) : null;
      if (!href) return text(sourceText(node, file), node);
      const { children, position } = node;
      return { type: 'link', url: href, title: null, children, position, data: { hProperties: LINK_PROPERTIES } };
    }
    case 'image':
    case 'imageReference':
      return text(node.alt ?? '', node);
    case 'html':
      return text(node.value, node);
    case 'heading':
      if (node.depth <= MAX_HEADING_DEPTH) return node;
      return { type: 'paragraph', children: [text(`${'#'.repeat(node.depth)} `), ...node.children], position: node.position };
    default:
      return node;
  }
}

function text(value: string, replacing?: Nodes): Text {
  return { type: 'text', value, position: replacing?.position };
}
