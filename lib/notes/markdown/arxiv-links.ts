import type { Link, Parents, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { normalizeArxivId } from '@/lib/identity/arxiv-id';

/**
 * arXiv identifiers written in a note link to the paper's abstract page: `2501.11120`,
 * `arXiv:2501.11120v2`, `hep-th/9901001`, `math.AG/0601001`. The link goes to the bare id
 * (lib/identity/arxiv-id.ts), the text stays as typed.
 *
 * Unlike `findArxivId`, which reads digests and wants `arXiv:` or an arxiv.org URL before a
 * new-style number, a bare `YYMM.NNNNN` counts here: in a note the researcher wrote it on purpose,
 * and `normalizeArxivId` still refuses impossible months and lengths (`1234.5678`, `3.14159`).
 * Text in links, code and math is left alone.
 */
export function remarkArxivLinks() {
  return (tree: Root): undefined => linkIdsIn(tree);
}

/** A candidate: not inside a longer word, number, path or version string. */
const ID_IN_NOTE = /(?<![\w./-])(?:arxiv:[ \t]?)?(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?![\w/-]|\.\d)/gi;

const LEFT_ALONE = new Set(['link', 'linkReference', 'inlineCode', 'code', 'inlineMath', 'math', 'definition', 'html']);

/** The arXiv ids in `text`: where each is written, and the bare id it names. */
export function arxivIdsIn(text: string): Array<{ start: number; end: number; id: string }> {
  const found = [];
  for (const match of text.matchAll(ID_IN_NOTE)) {
    const id = normalizeArxivId(match[0]);
    if (id) found.push({ start: match.index, end: match.index + match[0].length, id });
  }
  return found;
}

function linkIdsIn(parent: Parents): undefined {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as RootContent;
    if (child.type === 'text') {
      const pieces = withIdLinks(child.value);
      if (pieces.length > 1) {
        children.splice(i, 1, ...pieces);
        i += pieces.length - 1;
      }
    } else if ('children' in child && !LEFT_ALONE.has(child.type)) {
      linkIdsIn(child);
    }
  }
}

function withIdLinks(value: string): PhrasingContent[] {
  const pieces: PhrasingContent[] = [];
  let from = 0;
  for (const { start, end, id } of arxivIdsIn(value)) {
    if (start > from) pieces.push(text(value.slice(from, start)));
    const link: Link = { type: 'link', url: `https://arxiv.org/abs/${id}`, title: null, children: [text(value.slice(start, end))] };
    pieces.push(link);
    from = end;
  }
  if (from < value.length) pieces.push(text(value.slice(from)));
  return pieces;
}

function text(value: string): Text {
  return { type: 'text', value };
}
