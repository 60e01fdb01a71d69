import type { Parents, Root, RootContent } from 'mdast';
import type { InlineMath } from 'mdast-util-math';
import type { VFile } from 'vfile';
import { sourceText } from './source-text';

/**
 * Prices stay prices: inline `$…$` is math only under Pandoc's rule, no space just inside either
 * dollar and no digit just after the closing one, so "costs $5 and $10" is text. The math parser
 * (remark-math) pairs dollars like code spans; a pair this rule refuses goes back to the text
 * typed. (One limit: in "$5 and $x$" the parser has already paired the first two dollars, so `x`
 * stays text too rather than becoming math.) `$$…$$` inline is always math.
 */
export function remarkPandocDollars() {
  return (tree: Root, file: VFile): undefined => revertPrices(tree, file);
}

function revertPrices(parent: Parents, file: VFile): undefined {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as RootContent;
    if (child.type === 'inlineMath') {
      const typed = sourceText(child, file);
      if (!isPandocMath(child, typed, file)) children[i] = { type: 'text', value: typed, position: child.position };
    } else if ('children' in child) {
      revertPrices(child, file);
    }
  }
}

function isPandocMath(node: InlineMath, typed: string, file: VFile): boolean {
  if (typed.startsWith('$$') || !typed.startsWith('$')) return true;
  const inside = typed.slice(1, -1);
  const end = node.position?.end.offset;
  const after = end === undefined ? '' : String(file.value).charAt(end);
  return !/^\s|\s$/.test(inside) && !/\d/.test(after);
}
