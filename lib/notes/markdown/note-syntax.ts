/// <reference types="remark-parse" />
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import type { Processor } from 'unified';

/**
 * The Markdown a note is parsed as: CommonMark without raw HTML, plus bare URLs as links (GFM's
 * literal autolinks, the one GFM extension notes use; tables, footnotes and task lists stay text).
 *
 * Raw HTML is switched off in the parser itself rather than escaped later: `<script>`, `<img
 * onerror>` and the like are never HTML nodes, so they stay in their paragraph as the text typed.
 */
export function remarkNoteSyntax(this: Processor): undefined {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.fromMarkdownExtensions ??= [];
  data.micromarkExtensions.push({ disable: { null: ['htmlFlow', 'htmlText'] } }, gfmAutolinkLiteral());
  data.fromMarkdownExtensions.push(gfmAutolinkLiteralFromMarkdown());
}
